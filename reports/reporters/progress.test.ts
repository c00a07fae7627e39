/**
 * The progress line of `run`: rewritten in place and erased to its end, an ETA, colour only where
 * asked, a line at least every five seconds whatever the cases do, naming a case being shrunk.
 */
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../report.js';
import { ManualClock } from '../testing/manualClock.js';
import { eta, ProgressLine } from './progress.js';

const result = (verdict: CaseResult['verdict'], path = 'outcome:0') =>
  ({ verdict, replay: { seed: 1, path } }) as CaseResult;

function lines(o: { live: boolean; colour: boolean }, verdicts: CaseResult['verdict'][]) {
  const clock = new ManualClock();
  let out = '';
  const line = new ProgressLine(
    { stdout: () => undefined, stderr: (s: string) => (out += s) },
    o,
    verdicts.length,
    { now: clock.now, after: () => () => undefined },
  );
  verdicts.forEach((v, i) => {
    clock.advance(6000);
    line.finished(result(v), i + 1, verdicts.length);
  });
  return out;
}

describe('the progress line', () => {
  it('on a terminal: rewritten in place, erased to its end, with an ETA until the last case', () => {
    const out = lines({ live: true, colour: false }, ['match', 'diverged', 'match']);
    const writes = out.split('\r').slice(1);
    expect(writes).toHaveLength(3);
    for (const w of writes) expect(w.replace(/\n$/, '').endsWith('\x1b[K')).toBe(true);
    expect(writes[0]).toBe('1/3 cases, 0 diverged or errored, 0.2 cases/s, about 12 s left\x1b[K');
    expect(writes[2]).toBe('3/3 cases, 1 diverged or errored, 0.2 cases/s\x1b[K\n');
    expect(out).not.toContain('\x1b[31m');
  });

  it('colours the divergences only where asked (a terminal without NO_COLOR)', () => {
    expect(lines({ live: true, colour: true }, ['diverged'])).toContain(
      '\x1b[31m1 diverged or errored\x1b[39m',
    );
  });

  it('elsewhere: a plain line every five seconds and at the end, no escape codes', () => {
    const out = lines({ live: false, colour: false }, ['match', 'match']);
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\x1b');
  });

  it('says a line every five seconds while no case finishes, naming the case being shrunk', () => {
    const clock = new ManualClock();
    const out: string[] = [];
    const line = new ProgressLine(
      { stdout: () => undefined, stderr: (s) => out.push(s) },
      { live: false, colour: false },
      4,
      clock,
    );
    clock.advance(5000);
    expect(out).toEqual(['0/4 cases, 0 diverged or errored\n']);
    line.finished(result('match', 'outcome:0'), 1, 4);
    line.shrinkingStep({ suite: 'outcome', index: 1, steps: 0, tried: 0, budget: 20 });
    line.shrinkingStep({ suite: 'patterns', index: 3, steps: 0, tried: 0, budget: 20 });
    clock.advance(5000);
    line.shrinkingStep({ suite: 'outcome', index: 1, steps: 1, tried: 4, budget: 20 });
    clock.advance(5000);
    expect(out.slice(1)).toEqual([
      '1/4 cases, 0 diverged or errored, 0.1 cases/s, about 30 s left; shrinking outcome:1 (0 steps, 0 of at most 20 candidates tried) and 1 more\n',
      '1/4 cases, 0 diverged or errored, 0.1 cases/s, about 45 s left; shrinking outcome:1 (1 step, 4 of at most 20 candidates tried) and 1 more\n',
    ]);
    line.finished(result('diverged', 'outcome:1'), 2, 4);
    clock.advance(5000);
    expect(out.at(-1)).toBe(
      '2/4 cases, 1 diverged or errored, 0.1 cases/s, about 20 s left; shrinking patterns:3 (0 steps, 0 of at most 20 candidates tried)\n',
    );
    line.stop();
    clock.advance(60_000);
    expect(out).toHaveLength(4);
  });

  it('on a terminal: rewritten every second while no case finishes', () => {
    const clock = new ManualClock();
    let out = '';
    new ProgressLine(
      { stdout: () => undefined, stderr: (s) => (out += s) },
      { live: true, colour: false },
      2,
      clock,
    );
    clock.advance(3000);
    expect(out.split('\r').slice(1)).toEqual(Array(3).fill('0/2 cases, 0 diverged or errored\x1b[K'));
  });

  it('reads a duration as people do', () => {
    expect([eta(4.4), eta(125), eta(7800)]).toEqual(['4 s', '2 min 5 s', '2 h 10 min']);
  });
});
