/** The progress line of `run`: rewritten in place and erased to its end, an ETA, colour only where asked. */
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../report.js';
import { eta, progressLine } from './progress.js';

const result = (verdict: CaseResult['verdict']) => ({ verdict }) as CaseResult;

function lines(o: { live: boolean; colour: boolean }, verdicts: CaseResult['verdict'][]) {
  let t = 0;
  let out = '';
  const on = progressLine({ stdout: () => undefined, stderr: (s) => (out += s) }, o, () => t);
  verdicts.forEach((v, i) => {
    t += 6000;
    on(result(v), i + 1, verdicts.length);
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

  it('reads a duration as people do', () => {
    expect([eta(4.4), eta(125), eta(7800)]).toEqual(['4 s', '2 min 5 s', '2 h 10 min']);
  });
});
