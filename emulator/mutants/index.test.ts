import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMULATOR_BEHAVIOUR } from '../behaviour.js';
import { behaviourWith, isMutant, MUTANTS, type MutantName } from './index.js';

describe('mutants as overrides of the named rules', () => {
  it('no mutant is the emulator as AWS has it', () => {
    expect(behaviourWith([])).toBe(EMULATOR_BEHAVIOUR);
  });

  it('every mutant overrides at least one rule, and nothing but rules', () => {
    for (const name of Object.keys(MUTANTS) as MutantName[]) {
      const mutated = behaviourWith([name]);
      const changed = Object.keys(mutated).filter(
        (rule) => mutated[rule as keyof typeof mutated] !== EMULATOR_BEHAVIOUR[rule as keyof typeof mutated],
      );
      expect(changed.length, name).toBeGreaterThan(0);
      expect(Object.keys(mutated).sort(), name).toEqual(Object.keys(EMULATOR_BEHAVIOUR).sort());
    }
  });

  it('mutants of the same rule compose: each applies over the ones before', () => {
    const both = behaviourWith(['history-skips-submitted', 'parallel-history-skips-started']);
    expect(both.recordsEvent('TaskSubmitted')).toBe(false);
    expect(both.recordsEvent('ParallelStateStarted')).toBe(false);
    expect(both.recordsEvent('TaskSucceeded')).toBe(true);
    const retrier = { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 3, MaxDelaySeconds: 10 };
    expect(EMULATOR_BEHAVIOUR.retryDelay(retrier, 2)).toBe(10);
    expect(behaviourWith(['retry-ignores-max-delay']).retryDelay(retrier, 2)).toBe(18);
    expect(behaviourWith(['retry-ignores-backoff']).retryDelay(retrier, 2)).toBe(2);
    expect(behaviourWith(['retry-ignores-max-delay', 'retry-ignores-backoff']).retryDelay(retrier, 2)).toBe(
      2,
    );
    const attempts = behaviourWith(['retry-max-attempts-capped', 'retry-max-attempts-off-by-one']);
    expect(attempts.maxAttempts({ ErrorEquals: [], MaxAttempts: 99 })).toBe(11);
  });

  it('isMutant knows the names, and only them', () => {
    expect(isMutant('jitter-ignored')).toBe(true);
    expect(isMutant('toString')).toBe(false);
  });

  it("names no mutant in the emulator's semantics: only here, in mutants/", () => {
    const emulator = new URL('..', import.meta.url).pathname;
    const sources = (readdirSync(emulator, { recursive: true }) as string[]).filter(
      (f) =>
        f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('mutants/') && !f.includes('testing/'),
    );
    expect(sources.length).toBeGreaterThan(20);
    const named = sources.flatMap((f) => {
      const text = readFileSync(emulator + f, 'utf8');
      return Object.keys(MUTANTS)
        .filter((name) => text.includes(`'${name}'`) || text.includes(`"${name}"`))
        .map((name) => `${f}: ${name}`);
    });
    expect(named).toEqual([]);
  });
});
