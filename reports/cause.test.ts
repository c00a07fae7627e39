/**
 * A divergence's cause: the first thing the target did otherwise in the order of the execution, the
 * rule that predicts it there, the state, and what the target said; the same for one bug met in
 * cases of different APIs, states and values. Call lists aligned before they are compared.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../contracts/case.js';
import type { Observation } from '../contracts/observation.js';
import type { CallRecord, Prediction } from '../contracts/prediction.js';
import { ClockTime } from '../contracts/prediction.js';
import { withId } from '../generators/invalidCase.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { drawSuiteCase } from '../suites/suites.js';
import { ruleRef } from '../catalog/provenance.js';
import { causeKey, causeOf } from './cause.js';
import { alignCalls, compare } from './compare.js';

/** The first drawn cases of a suite the predicate takes, with their predictions. */
function casesWhere(
  suite: 'outcome' | 'patterns' | 'necessity',
  take: (c: Case, p: Prediction) => boolean,
  count: number,
): { c: Case; p: Prediction }[] {
  const out: { c: Case; p: Prediction }[] = [];
  for (let i = 0; i < 2000 && out.length < count; i++) {
    const c = withId(drawSuiteCase(suite, 3, i).value, { seed: 3, path: `${suite}:${i}` });
    const p = predictExecution(c);
    if (take(c, p)) out.push({ c, p });
  }
  expect(out).toHaveLength(count);
  return out;
}

/** The observation of a target that did just what the oracle predicts. */
const asPredicted = (p: Prediction): Observation => ({
  created: p.created.value,
  calls: p.calls.value,
  status: p.status!.value,
  error: p.error?.value ?? null,
  historyTypes: p.historyTypes!.value,
  taskFailures: [],
});

const ALL = [
  'created',
  'calls',
  'status',
  'error',
  'cause',
  'output',
  'historyTypes',
  'taskFailures',
] as const;

/** A `.sync` task that succeeds, and the first `.sync` task's name. */
const syncSucceeds = (c: Case, p: Prediction) =>
  c.pattern === 'sync' &&
  p.status?.value === 'SUCCEEDED' &&
  !p.undecided &&
  c.shape === 'single' &&
  p.historyTypes!.value.includes('TaskSubmitted');

describe("a divergence's cause", () => {
  it('a target that cannot run .sync breaks sfn.sagemaker.patterns at the .sync task: one cause over APIs and cases', () => {
    const found = casesWhere('patterns', syncSucceeds, 6);
    expect(new Set(found.map(({ c }) => c.api)).size).toBeGreaterThan(1);
    const keys = new Set<string>();
    for (const { c, p } of found) {
      const history = p.historyTypes!.value;
      const submitted = history.indexOf('TaskSubmitted');
      // As moto answers: the task fails where the job should have been submitted.
      const o: Observation = {
        ...asPredicted(p),
        status: 'FAILED',
        error: 'States.Runtime',
        cause: "Unsupported service: 'sagemaker'",
        historyTypes: [...history.slice(0, submitted), 'ExecutionFailed'],
      };
      const cause = causeOf(p, o, compare(p, o, ['created', 'status', 'error']))!;
      expect(cause.rule.id).toBe('sfn.sagemaker.patterns');
      expect(cause.at).toEqual({ state: expect.any(String), api: c.api, pattern: 'sync' });
      expect(cause.answer).toBe('no TaskSubmitted there');
      expect(cause.message).toBe("States.Runtime: Unsupported service: 'sagemaker'");
      keys.add(causeKey(cause));
    }
    expect([...keys]).toHaveLength(1);
  });

  it("a time of day in seconds breaks sfn.sync.epoch-milliseconds, not the output's first rule", () => {
    const { p } = casesWhere(
      'outcome',
      // A job that starts at once: a create error before it would come first in the execution.
      (c, q) =>
        syncSucceeds(c, q) &&
        !c.scenario.createError &&
        Object.values(q.output?.value ?? {}).some((v) => v instanceof ClockTime),
      1,
    )[0]!;
    const output = Object.fromEntries(
      Object.entries(p.output!.value).map(([k, v]) => [k, v instanceof ClockTime ? 1767225600 : v]),
    );
    const nested: Record<string, unknown> = {};
    for (const [pointer, value] of Object.entries(output)) {
      const keys = pointer.split('/').slice(1);
      let at = nested;
      for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
      at[keys.at(-1)!] = value;
    }
    const o: Observation = { ...asPredicted(p), output: nested, startEpochMs: 1767225600000 };
    const cause = causeOf(p, o, compare(p, o, ALL))!;
    expect(cause.rule.id).toBe('sfn.sync.epoch-milliseconds');
    expect(cause.answer).toBe('output: a value differs');
  });

  it('a target that stops answering is its own cause, at the state it reached', () => {
    const { c, p } = casesWhere('patterns', syncSucceeds, 1)[0]!;
    const history = p.historyTypes!.value;
    const o: Observation = {
      created: true,
      historyTypes: history.slice(0, 3),
      targetError: 'the execution was still running after 60 s of wall clock and the harness stopped it',
    };
    const cause = causeOf(p, o, compare(p, o, ['created', 'status', 'historyTypes']))!;
    expect(cause.rule.id).toBe('harness.target-answers');
    expect(cause.at?.api).toBe(c.api);
    expect(cause.answer).toMatch(/^no answer: the execution was still running after N s of wall clock/);
  });

  it('a refused definition breaks the rule that decides creation', () => {
    const { p } = casesWhere('patterns', syncSucceeds, 1)[0]!;
    const o: Observation = { created: false, createError: 'InvalidDefinition: JSONata is not supported' };
    const cause = causeOf(p, o, compare(p, o, ['created']))!;
    expect(cause.rule.id).toBe('sfn.create.invalid-definition');
    expect(cause.answer).toBe('created: refused (InvalidDefinition)');
    expect(cause.message).toBe('InvalidDefinition: JSONata is not supported');
  });

  it('a denial the target does not make breaks IAM evaluation, at the state whose call it is', () => {
    const { c, p } = casesWhere(
      'outcome',
      (candidate, q) =>
        q.calls.value.some((call: CallRecord) => call.decision === 'implicitDeny') && !q.undecided,
      1,
    )[0]!;
    const calls = p.calls.value.map((call) =>
      call.decision === 'implicitDeny' ? { ...call, decision: 'allowed' as const } : call,
    );
    const o: Observation = { ...asPredicted(p), calls };
    const cause = causeOf(p, o, compare(p, o, ['calls']))!;
    expect(cause.rule.id).toBe('iam.evaluation.implicit-deny');
    expect(cause.at?.api).toBeDefined();
    expect(cause.answer).toBe('calls: a call the policy denies (implicitDeny) allowed');
    expect(c.id).toBeDefined();
  });

  it('creation accepted without the managed-rule calls it was to be denied: the calls come before the verdict', () => {
    const { p } = casesWhere(
      'necessity',
      (candidate, q) => !q.created.value && q.calls.value.some((call) => call.action.startsWith('events:')),
      1,
    )[0]!;
    // As an emulator that does not authorize the managed rule: accepted, no events: call made.
    const o: Observation = { created: true, calls: [], status: 'SUCCEEDED', error: null };
    for (const aspects of [['created'], ['created', 'calls']] as const) {
      const cause = causeOf(p, o, compare(p, o, aspects))!;
      expect(cause.rule.id).toBe('sfn.managed-rule.needed-at-creation');
      expect(cause.answer).toBe('calls: missing events:*');
    }
  });

  it('a job that ran where the create was to fail: no SageMaker error there, the execution gone otherwise', () => {
    const { p } = casesWhere(
      'outcome',
      (candidate, q) =>
        candidate.pattern === 'sync' &&
        !q.undecided &&
        (q.taskFailures?.value.length ?? 0) > 0 &&
        q.taskFailures!.value[0]!.error.startsWith('SageMaker.'),
      1,
    )[0]!;
    const o: Observation = {
      ...asPredicted(p),
      taskFailures: [{ error: 'States.TaskFailed', cause: '{}' }],
    };
    const cause = causeOf(p, o, compare(p, o, ['taskFailures']))!;
    expect(cause.answer).toBe('no SageMaker error there');
    expect(causeKey(cause)).toBe(causeKey({ rule: cause.rule, answer: 'no TaskFailed there' }));
  });

  it("a cause that differs is one answer, at the execution's end or at a failed attempt", () => {
    const { p } = casesWhere(
      'outcome',
      (candidate, q) => q.status?.value === 'FAILED' && q.cause !== undefined && !q.undecided,
      1,
    )[0]!;
    const o: Observation = { ...asPredicted(p), cause: 'another cause' };
    expect(causeOf(p, o, compare(p, o, ['cause']))!.answer).toBe('a cause that differs');
  });

  it('a retried attempt that names its job as the first did: the rule that numbers the name, compared or not', () => {
    // A retried attempt's call: named by the count, its action an earlier call's, on another resource.
    const retried = (q: Prediction): number =>
      q.trace.timeline?.calls.findIndex(
        (call, i) =>
          call.named === 'sfn.context.retry-count' &&
          q.calls.value
            .slice(0, i)
            .some((c) => c.action === q.calls.value[i]!.action && c.resource !== q.calls.value[i]!.resource),
      ) ?? -1;
    const { p } = casesWhere('outcome', (candidate, q) => !q.undecided && retried(q) >= 0, 1)[0]!;
    const renamed = retried(p);
    const first = p.calls.value.find((call) => call.action === p.calls.value[renamed]!.action)!;
    // As an emulator whose State.RetryCount stays 0: the retried create names the first attempt's job.
    const calls = p.calls.value.map((call, i) =>
      i === renamed ? { ...call, resource: first.resource } : call,
    );
    // The job of that name exists already: the retried attempt fails, and so does the execution.
    const o: Observation = { ...asPredicted(p), calls, status: 'FAILED' };
    for (const aspects of [['calls'], ['status']] as const) {
      const cause = causeOf(p, o, compare(p, o, aspects))!;
      expect(cause.rule.id).toBe('sfn.context.retry-count');
      expect(cause.answer).toMatch(/on a resource named otherwise$/);
    }
  });

  it('a valid definition refused: the verdict, whether the calls are compared or not (the managed rule is made after)', () => {
    const { p } = casesWhere(
      'necessity',
      (candidate, q) => q.created.value && q.calls.value.some((call) => call.action.startsWith('events:')),
      1,
    )[0]!;
    const o: Observation = { created: false, createError: 'InvalidDefinition: not supported', calls: [] };
    for (const aspects of [['created'], ['created', 'calls']] as const)
      expect(causeOf(p, o, compare(p, o, aspects))!.rule.id).toBe('sfn.create.invalid-definition');
  });

  it('the same calls made in another order are not a resource named otherwise', () => {
    const { p } = casesWhere(
      'outcome',
      (candidate, q) => !q.undecided && q.calls.value.length >= 2 && q.status?.value === 'SUCCEEDED',
      1,
    )[0]!;
    const [a, b, ...rest] = p.calls.value;
    const o: Observation = { ...asPredicted(p), calls: [b!, a!, ...rest], status: 'FAILED' };
    for (const aspects of [['calls'], ['status']] as const)
      expect(causeOf(p, o, compare(p, o, aspects))!.rule.id).not.toBe('sagemaker.arn.lower-case');
  });

  it('nothing differs: no cause', () => {
    const { p } = casesWhere('patterns', syncSucceeds, 1)[0]!;
    const o = asPredicted(p);
    expect(compare(p, o, ['created', 'calls', 'status', 'error', 'historyTypes'])).toEqual([]);
    expect(causeOf(p, o, [])).toBeUndefined();
  });
});

describe('what a cause is grouped by', () => {
  const key = (rule: 'sfn.jsonata.evaluation' | 'sfn.history.events', answer: string) =>
    causeKey({ rule: ruleRef(rule), answer });

  it('a rule that decides several events: one cause, whichever of them the history lacks', () => {
    expect(key('sfn.jsonata.evaluation', 'no TaskScheduled there')).toBe(
      key('sfn.jsonata.evaluation', 'no ChoiceStateExited there'),
    );
  });

  it("the history's own rule: the event it lacks is the bug (Map's and Parallel's apart)", () => {
    expect(key('sfn.history.events', 'no MapIterationSucceeded there')).not.toBe(
      key('sfn.history.events', 'no ParallelStateStarted there'),
    );
  });

  it('the output the rule shapes and its history are one cause', () => {
    expect(key('sfn.jsonata.evaluation', 'output: a value absent')).toBe(
      key('sfn.jsonata.evaluation', 'no TaskScheduled there'),
    );
  });

  it('other answers stay whole', () => {
    expect(key('sfn.jsonata.evaluation', 'calls: missing iam:PassRole')).not.toBe(
      key('sfn.jsonata.evaluation', 'calls: missing sagemaker:AddTags'),
    );
  });
});

describe('call lists aligned before they are compared', () => {
  const call = (action: string, decision: CallRecord['decision'] = 'allowed'): CallRecord => ({
    action,
    resource: `arn:aws:sagemaker:us-east-1:1:x/${action}`,
    decision,
  });
  const [create, passRole, addTags, describe_, listTags] = [
    'sagemaker:CreateTrainingJob',
    'iam:PassRole',
    'sagemaker:AddTags',
    'sagemaker:DescribeTrainingJob',
    'sagemaker:ListTags',
  ].map((a) => call(a));

  it('one missing call is one difference, wherever it is', () => {
    const predicted = [create!, passRole!, addTags!, describe_!, describe_!, listTags!];
    const observed = [create!, addTags!, describe_!, describe_!, listTags!];
    expect(alignCalls(predicted, observed)).toEqual([{ kind: 'missing', at: 1, predicted: passRole }]);
  });

  it('an extra call, a changed decision', () => {
    const predicted = [create!, passRole!, describe_!];
    expect(alignCalls(predicted, [create!, passRole!, describe_!, describe_!])).toEqual([
      { kind: 'extra', at: 3, observed: describe_ },
    ]);
    const denied = { ...passRole!, decision: 'implicitDeny' as const };
    expect(alignCalls([create!, denied], [create!, passRole!])).toEqual([
      { kind: 'changed', at: 1, predicted: denied, observed: passRole },
    ]);
  });

  it('the same lists: nothing', () => {
    expect(alignCalls([create!, passRole!], [create!, passRole!])).toEqual([]);
  });
});
