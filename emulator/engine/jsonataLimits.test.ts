/**
 * A JSONata expression in a definition is bounded: a deep recursion, a long loop and a backtracking
 * regular expression each fail the state with States.QueryEvaluationError, the way a failed
 * evaluation fails, instead of hanging the emulator. The `timeout` of each test guards against a
 * hang only (without the bounds these tests do not finish); the tests assert the error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dir } from '../../cli/testing/commandLine.js';
import { run as runCli } from '../../cli/testing/runInProcess.js';
import { run } from '../testing/interpreterRun.js';
import { JSONATA_TIME_LIMIT_MS } from './jsonataLimits.js';

/** A JSONata machine of one Pass state whose Output is the expression. */
const machine = (expression: string) => ({
  QueryLanguage: 'JSONata',
  StartAt: 'P',
  States: { P: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } },
});

const HANG_GUARD = { timeout: 60_000 };

/** The prefix of the cause of every failed evaluation of P's Output. */
const failedEvaluation = (expression: string) =>
  `An error occurred while evaluating the JSONata expression '${expression}' specified for the field 'Output': `;

describe('JSONata evaluation is bounded', () => {
  it('a deep recursion fails with States.QueryEvaluationError', HANG_GUARD, async () => {
    const expression = '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(10000000))';
    const o = await run(machine(expression));
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(o.cause).toContain(
      `${failedEvaluation(expression)}Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive`,
    );
  });

  it(
    'a loop that does not end (a tail recursion) fails with States.QueryEvaluationError',
    HANG_GUARD,
    async () => {
      const expression = '($f := function($n){ $n = 0 ? 0 : $f($n - 1) }; $f(1e15))';
      const o = await run(machine(expression));
      expect(o).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
      expect(o.cause).toMatch(
        /An error occurred while evaluating .* 'Output': Evaluation timeout after \d+ milliseconds/,
      );
    },
  );

  it('a long loop over a range fails with States.QueryEvaluationError', HANG_GUARD, async () => {
    const expression =
      '$reduce([1..10000000], function($a, $b){ $reduce([1..100], function($x, $y){ $x + $y }) })';
    const o = await run(machine(expression));
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(o.cause).toMatch(/Evaluation timeout after \d+ milliseconds/);
  });

  it('a backtracking regular expression fails with States.QueryEvaluationError', HANG_GUARD, async () => {
    const expression = '$match($states.input.text, /(a+)+$/)';
    const o = await run(machine(expression), { text: `${'a'.repeat(40)}!` });
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(o.cause).toMatch(
      /An error occurred while evaluating .* 'Output': The regular expression \/\(a\+\)\+\$\/ ran for more than \d+ milliseconds/,
    );
  });

  it('regular expressions and recursion within the bounds answer as before', async () => {
    const o = await run(
      machine(
        '{"match": $match("a-12 b-345", /([a-z])-(\\d+)/), "replaced": $replace("a1b22", /\\d+/, "#"), "split": $split("a,b;c", /[,;]/), "sum": ($f := function($n){ $n = 0 ? 0 : $n + $f($n - 1) }; $f(1000))}',
      ),
    );
    expect(o.status).toBe('SUCCEEDED');
    expect(o.output).toEqual({
      match: [
        { match: 'a-12', index: 0, groups: ['a', '12'] },
        { match: 'b-345', index: 5, groups: ['b', '345'] },
      ],
      replaced: 'a#b#',
      split: ['a', 'b', 'c'],
      sum: 500500,
    });
  });

  it(
    "the time bound is each expression's own: many evaluations at once do not share it",
    HANG_GUARD,
    async () => {
      // Each evaluation takes a fraction of the bound alone; interleaved, their wall time together
      // is several bounds. Were each timed from its start, the later ones would time out.
      const expression = '$reduce([1..60000], function($a, $b){ $a + $b })';
      const started = Date.now();
      const alone = await run(machine(expression));
      const aloneMs = Date.now() - started;
      expect(alone.status).toBe('SUCCEEDED');
      const count = Math.max(8, Math.ceil((3 * JSONATA_TIME_LIMIT_MS) / Math.max(aloneMs, 1)));
      const outcomes = await Promise.all(Array.from({ length: count }, () => run(machine(expression))));
      expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 'SUCCEEDED'));
    },
  );

  it('exec: the recursion is a FAILED execution (exit 1), not a hang', HANG_GUARD, async () => {
    const path = join(dir, 'jsonata-recursion.json');
    writeFileSync(
      path,
      JSON.stringify(machine('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(10000000))')),
    );
    const result = await runCli('exec', path, '--format', 'json');
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
    });
  });
});
