/**
 * The finished cases of a run put back in the report's order (suite by suite, each by index),
 * however they finish: a case is held only until every case before it is in.
 */
export class CaseOrder<T> {
  /** The finished cases waiting for one before them, by place (undefined: it gave no result). */
  private readonly waiting = new Map<number, T | undefined>();
  private first = 0;

  /** The place of the first case not in yet. */
  get next(): number {
    return this.first;
  }

  /**
   * Puts in the case at `place` (undefined: a case that gave no result, left out); returns the
   * results now in order, each once, the first first.
   */
  put(place: number, result: T | undefined): T[] {
    this.waiting.set(place, result);
    const ready: T[] = [];
    for (; this.waiting.has(this.first); this.first++) {
      const r = this.waiting.get(this.first);
      this.waiting.delete(this.first);
      if (r !== undefined) ready.push(r);
    }
    return ready;
  }
}
