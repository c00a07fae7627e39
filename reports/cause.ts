/**
 * A divergence's cause (docs/reports.md, "A divergence's cause"): of the things the target did
 * otherwise than predicted, the first in the order of the execution, and the rule of the evidence
 * table that predicts it there (the oracle's timeline names one for each event, call, failed
 * attempt and the end), with the state where it happened and what the target did there.
 *
 * The answer is said in words that do not depend on the case's own values (names, ARNs, times), so
 * that the same bug met in two cases has the same cause: divergences are grouped by it, and a
 * shrink step keeps a smaller case only if its cause is the same.
 */
import { ruleRef, type RuleId } from '../catalog/provenance.js';
import type { Observation } from '../contracts/observation.js';
import {
  CauseMatch,
  ClockTime,
  type Prediction,
  type RuleAt,
  type Timeline,
} from '../contracts/prediction.js';
import type { Difference } from '../contracts/aspect.js';
import { howOftenRule } from '../oracles/calls/taskCalls.js';
import { alignCalls, callLine, type CallStep } from './compare.js';
import type { Cause } from './report.js';

export type { Cause };

/** One thing the target did otherwise, where it happened in the execution, and what predicts it. */
interface Candidate {
  /** Its place in the execution: the index of the history event it is at (creation: -1). */
  readonly position: number;
  /** Among things at the same place: calls (made before the event), then the event, then the end. */
  readonly rank: number;
  readonly decided: RuleAt;
  readonly answer: string;
}

/** Two resources the same but for case: a name SageMaker lower-cases in its ARNs, written otherwise. */
const sameLowerCased = (a: string, b: string): boolean => a !== b && a.toLowerCase() === b.toLowerCase();

/** The rule that says a target answers every well-formed call (its failure to is its own cause). */
const TARGET_ANSWERS: RuleId = 'harness.target-answers';

/** An action as the answer names it: its verb family, not the API (`sagemaker:Describe*`, `iam:PassRole`). */
export function actionFamily(action: string): string {
  const [service, name = ''] = action.split(':');
  const verb = /^(Create|Describe|Stop|Update|Delete|List|Add)/.exec(name)?.[1];
  // The managed rule of .sync is made by several calls at creation: one family.
  if (service === 'events') return 'events:*';
  if (!verb || service !== 'sagemaker' || /^(AddTags|ListTags)$/.test(name)) return action;
  // A create and an update are each the API's own call (UpdateEndpoint is a create's sibling).
  return verb === 'Create' || verb === 'Update' ? 'sagemaker:Create*|Update*' : `${service}:${verb}*`;
}

/** The first word of a refusal or an error text (`InvalidDefinition`, `AccessDeniedException`). */
const codeOf = (text: string | undefined): string =>
  /^[A-Za-z.]+/.exec((text ?? '').trim())?.[0] ?? '(no code)';

/** The target's own message: its error and cause, or why it refused the definition, or why it did not answer. */
export function targetMessage(o: Observation): string | undefined {
  if (!o.created) return o.createError ?? o.targetError;
  const parts = [
    o.targetError,
    o.error ? `${o.error}${o.cause ? `: ${o.cause}` : ''}` : undefined,
    !o.error && o.taskFailures?.[0]
      ? `${o.taskFailures[0].error}${o.taskFailures[0].cause ? `: ${o.taskFailures[0].cause}` : ''}`
      : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(' | ') : undefined;
}

/** A text with the case's own values (numbers, ARNs, quoted names) left out, to compare causes by. */
const generic = (text: string): string =>
  text
    .replace(/arn:aws[\w-]*:[^\s"',)]+/g, '<arn>')
    .replace(/"[^"]*"|'[^']*'/g, '<name>')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 80);

/** The first index where two lists of history event types part, if they do. */
function firstParting(predicted: readonly string[], observed: readonly string[]): number | undefined {
  const n = Math.max(predicted.length, observed.length);
  for (let i = 0; i < n; i++) if (predicted[i] !== observed[i]) return i;
  return undefined;
}

/** What decides the history event at `index` (past the last: the end). */
const eventAt = (t: Timeline, index: number): RuleAt => t.events[index] ?? t.end;

/** The last event's index: where the end (status, error, cause, output) is decided. */
const endOf = (t: Timeline) => Math.max(0, t.events.length - 1);

/** The rule an output leaf rests on: a time of day, a cause, Step Functions' tags, or what produced the output. */
function outputRule(t: Timeline, d: Difference): RuleAt {
  const at = t.output?.at ?? t.end.at;
  const here = (rule: RuleId): RuleAt => ({ rule, ...(at ? { at } : {}) });
  if (d.predicted instanceof ClockTime) return here('sfn.sync.epoch-milliseconds');
  if (d.predicted instanceof CauseMatch) return here('sfn.sagemaker.cause-format');
  if (/\/Tags\/(AWS_STEP_FUNCTIONS_EXECUTION_ARN|MANAGED_BY_AWS)$/.test(d.path))
    return here('sfn.sync.tags-added');
  return t.output ?? t.end;
}

/**
 * The things the target did otherwise, each where it happened (see the file's comment); with
 * `withLocators`, also what the target shows that the suite does not compare (a call decided
 * otherwise, a failure named otherwise, where the history parts), to say where.
 */
function candidates(
  p: Prediction,
  o: Observation,
  differences: readonly Difference[],
  t: Timeline,
  withLocators = true,
): Candidate[] {
  const out: Candidate[] = [];
  const end = endOf(t);
  const observedEnd = `${o.status ?? '(no status)'}${o.error ? ` ${o.error}` : ''}`;
  for (const d of differences) {
    const [aspect = '', index = ''] = d.path.split('/');
    switch (aspect) {
      case 'created':
        out.push({
          position: -1,
          rank: 0.75,
          decided: t.creation,
          answer: o.created
            ? 'created: accepted where refused'
            : `created: refused (${codeOf(o.createError)})`,
        });
        break;
      case 'createError':
        out.push({
          position: -1,
          rank: 0.75,
          decided: t.creation,
          answer: `created: refused (${codeOf(o.createError)})`,
        });
        break;
      case 'calls': {
        // `calls/more` counts the differences past those listed: the listed ones say where.
        if (index === 'more') break;
        const at = Number(index);
        const call = Number.isInteger(at) ? (t.calls[at] ?? t.calls.at(-1)) : t.calls.at(-1);
        const line = (v: unknown) => (typeof v === 'string' && v !== '(no call)' ? v.split(' ') : undefined);
        const predicted = line(d.predicted);
        const observed = line(d.observed);
        const kind = !predicted ? 'extra' : !observed ? 'missing' : 'changed';
        const action = actionFamily((predicted ?? observed ?? [''])[0]!);
        // The same call made on another resource: its name not lower-cased in the ARN, or named
        // otherwise by the attempt (State.RetryCount), or otherwise by what names it.
        const counterpart =
          kind === 'missing'
            ? differences
                .filter(
                  (other) =>
                    other.path.startsWith('calls/') &&
                    other.predicted === '(no call)' &&
                    typeof other.observed === 'string' &&
                    other.observed.split(' ')[0] === predicted![0],
                )
                .map((other) => (other.observed as string).split(' ')[1]!)
                // The very same call made elsewhere in the list is a call made in another order.
                .filter((resource) => resource !== predicted![1])
            : [];
        const recased = counterpart.some((resource) => sameLowerCased(resource, predicted![1]!));
        const renamed = !recased && counterpart.length > 0 && call?.named !== undefined;
        const rule: RuleId = recased
          ? 'sagemaker.arn.lower-case'
          : renamed
            ? call!.named!
            : kind === 'extra'
              ? howOftenRule(
                  observed![0]!,
                  p.calls.value.map((c) => c.action),
                )
              : kind === 'missing'
                ? (call?.made ?? t.end.rule)
                : predicted![2] === 'explicitDeny'
                  ? 'iam.evaluation.explicit-deny'
                  : predicted![2] === 'implicitDeny'
                    ? 'iam.evaluation.implicit-deny'
                    : (call?.made ?? t.end.rule);
        out.push({
          // An extra call past the last predicted one: after the end the prediction came to.
          // A call before any event is made at creation, before its verdict.
          position:
            kind === 'extra' && at >= t.calls.length
              ? end + 0.25
              : call?.event === 0
                ? -1
                : (call?.event ?? end),
          // At the same place, a predicted call missing or decided otherwise comes before an extra one.
          // A definition the target refused is checked before the managed rule is made: its
          // creation calls, then, come after the verdict.
          rank: kind === 'extra' ? 0.5 : call?.event === 0 && !o.created ? 1 : 0,
          decided: { rule, ...(call?.at ? { at: call.at } : {}) },
          answer:
            recased || renamed
              ? `calls: ${action} on a resource named otherwise`
              : kind !== 'changed'
                ? `calls: ${kind} ${action}`
                : predicted![2] === 'allowed'
                  ? `calls: ${action} ${observed![2]}`
                  : `calls: a call the policy denies (${predicted![2]}) ${observed![2]}`,
        });
        break;
      }
      case 'taskFailures': {
        const failure = t.failures[Number(index)];
        const predictedError = typeof d.predicted === 'string' ? d.predicted.split(' ')[0]! : '';
        const none = d.observed === '(no such failure)';
        const observedError = typeof d.observed === 'string' && !none ? codeOf(d.observed) : undefined;
        const at = failure?.at ? { at: failure.at } : {};
        out.push({
          position: failure?.event ?? end,
          rank: 1,
          ...(observedError === undefined
            ? { decided: failure ?? t.end, answer: 'no TaskFailed there' }
            : observedError === predictedError
              ? // The error as predicted, its cause not: the cause's format is what differs.
                { decided: { rule: 'sfn.sagemaker.cause-format', ...at }, answer: 'a cause that differs' }
              : misnamed(predictedError, observedError, failure ?? t.end)),
        });
        break;
      }
      case 'status':
      case 'error': {
        const predictedError = p.error?.value;
        out.push({
          position: end,
          rank: 2,
          ...(predictedError && o.error && predictedError !== o.error
            ? misnamed(predictedError, o.error, t.end)
            : { decided: t.end, answer: `ends ${observedEnd}` }),
        });
        break;
      }
      case 'cause':
        // The error as predicted, its cause not: a task's error has its cause in the integration's format.
        out.push({
          position: end,
          rank: 2.5,
          decided: t.end.at?.api ? { rule: 'sfn.sagemaker.cause-format', at: t.end.at } : t.end,
          answer: 'a cause that differs',
        });
        break;
      case 'output':
        out.push({
          // A time of day in the output moves with every wait before it: a duration that differs
          // comes first.
          position: d.predicted instanceof ClockTime ? end + 1 : end,
          rank: d.predicted instanceof ClockTime ? 1 : 3,
          decided: outputRule(t, d),
          // A caught error's cause in the output is the task's cause, as the end's or a failure's.
          answer:
            d.predicted instanceof CauseMatch && d.observed !== '(absent)'
              ? 'a cause that differs'
              : `output: ${d.observed === '(absent)' ? 'a value absent' : 'a value differs'}`,
        });
        break;
      case 'attempts':
        out.push({ position: end, rank: 4, decided: { ...t.end, rule: 'asl.retry' }, answer: 'attempts' });
        break;
      case 'durationSeconds':
        out.push({ position: end + 1, rank: 0, decided: t.firstWait ?? t.end, answer: 'duration' });
        break;
      case 'historyTypes': {
        const i = firstParting(p.historyTypes?.value ?? [], o.historyTypes ?? []) ?? end;
        out.push({ position: i, rank: 1, decided: eventAt(t, i), answer: historyAnswer(p, o, i) });
        break;
      }
      case 'jobStates':
        out.push({
          position: end,
          rank: 5,
          decided: { ...t.end, rule: 'sfn.sync.stop-on-abort' },
          answer: `job left ${String(d.observed)}`,
        });
        break;
      case 'target': {
        const reached = Math.min(o.historyTypes?.length ?? end, end);
        const at = eventAt(t, reached).at;
        out.push({
          position: reached,
          rank: 0,
          decided: { rule: TARGET_ANSWERS, ...(at ? { at } : {}) },
          answer: `no answer: ${generic(o.targetError ?? '').split(':')[0]}`,
        });
        break;
      }
    }
  }
  // A call the target decided otherwise is where, even in a suite that does not compare the calls:
  // what follows (a denial that fails the task, or none) comes from it; so is a call predicted
  // denied that the target did not make (the denial that decides what follows never came), and a
  // call made on a resource named otherwise (what follows meets that resource). Another call only
  // missing from the record, or an extra one, changes nothing that follows and is left to the
  // suites that look.
  if (withLocators && o.calls && !differences.some((d) => d.path.startsWith('calls/'))) {
    const steps = alignCalls(p.calls.value, o.calls);
    // A missing call made on a resource named otherwise: its name not lower-cased in the ARN, or
    // named otherwise by the attempt.
    const counterpartOf = (missing: CallStep): CallStep | undefined =>
      steps.find(
        (step) =>
          step.kind === 'extra' &&
          step.observed!.action === missing.predicted!.action &&
          step.observed!.resource !== missing.predicted!.resource &&
          (sameLowerCased(step.observed!.resource, missing.predicted!.resource) ||
            t.calls[missing.at]?.named !== undefined),
      );
    const changed = steps.find(
      (step) =>
        step.kind === 'changed' ||
        (step.kind === 'missing' &&
          (step.predicted!.decision !== 'allowed' || counterpartOf(step) !== undefined)),
    );
    const renamed = changed?.kind === 'missing' ? counterpartOf(changed) : undefined;
    if (changed)
      out.push(
        ...candidates(
          p,
          o,
          [changed, ...(renamed ? [renamed] : [])].map((step) => ({
            path: `calls/${step.at}`,
            predicted: step.predicted ? callLine(step.predicted) : '(no call)',
            observed: step.observed ? callLine(step.observed) : '(no call)',
            provenance: p.calls.provenance,
          })),
          t,
          false,
        ),
      );
  }
  // A failed attempt the target names otherwise is where, even in a suite that does not compare
  // the failed attempts (a later retry, or none, follows from it).
  if (
    withLocators &&
    o.taskFailures &&
    p.taskFailures &&
    !differences.some((d) => d.path.startsWith('taskFailures'))
  ) {
    const k = p.taskFailures.value.findIndex(
      (f, i) => o.taskFailures![i] !== undefined && o.taskFailures![i]!.error !== f.error,
    );
    const failure = t.failures[k];
    if (k >= 0 && failure && p.taskFailures.value[k]!.error.startsWith('SageMaker.'))
      out.push({
        position: failure.event,
        rank: 1,
        ...misnamed(p.taskFailures.value[k]!.error, o.taskFailures[k]!.error, failure),
      });
  }
  // Where the history shows the execution went on otherwise, that is where: even in a suite that
  // does not compare the history, it says which state the difference comes from.
  if (
    withLocators &&
    o.historyTypes &&
    p.historyTypes &&
    !differences.some((d) => d.path === 'historyTypes')
  ) {
    const i = firstParting(p.historyTypes.value, o.historyTypes);
    const cutShort = o.targetError !== undefined && i !== undefined && i >= o.historyTypes.length;
    if (i !== undefined && i <= end && !cutShort)
      out.push({ position: i, rank: 1, decided: eventAt(t, i), answer: historyAnswer(p, o, i) });
  }
  return out;
}

/** Errors of a task whose call did not fail: the job failed or stopped, or the task timed out. */
const NOT_A_CALL_ERROR: ReadonlySet<string> = new Set([
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
]);

/**
 * A failure the target named otherwise: a SageMaker error reaches the state machine as
 * `SageMaker.<code>` (sfn.sagemaker.error-names), whatever made the call fail; any other error
 * is the rule that decides the failure.
 */
function misnamed(
  predicted: string,
  observed: string,
  decided: RuleAt,
): Pick<Candidate, 'decided' | 'answer'> {
  // A job's end or a timeout in place of a SageMaker error: the call did not fail, and the
  // execution went otherwise where the rule that decided the failure is.
  if (predicted.startsWith('SageMaker.') && NOT_A_CALL_ERROR.has(observed))
    return { decided, answer: 'no SageMaker error there' };
  return predicted.startsWith('SageMaker.')
    ? { decided: { ...decided, rule: 'sfn.sagemaker.error-names' }, answer: `an error named ${observed}` }
    : { decided, answer: `an error named ${observed}` };
}

/**
 * What the history shows at the event where it parts from the prediction: the predicted event it
 * does not have there (what follows instead depends on the case), or the event it has past the
 * predicted end.
 */
function historyAnswer(p: Prediction, o: Observation, i: number): string {
  const predicted = p.historyTypes?.value[i];
  return predicted === undefined
    ? `${o.historyTypes?.[i] ?? '(no event)'} past the end`
    : `no ${predicted} there`;
}

/**
 * A divergence's cause: the first thing the target did otherwise, the rule that predicts it there,
 * the state, and the target's own message. Undefined where nothing differs.
 */
export function causeOf(
  p: Prediction,
  o: Observation,
  differences: readonly Difference[],
): Cause | undefined {
  if (differences.length === 0) return undefined;
  const t = p.trace.timeline;
  const message = targetMessage(o);
  const withMessage = message !== undefined ? { message } : {};
  if (!t) {
    // A prediction without its timeline: the first difference's first rule.
    const first = differences[0]!;
    return { rule: first.provenance.rules[0]!, answer: first.path.split('/')[0]!, ...withMessage };
  }
  const first = candidates(p, o, differences, t).sort(
    (a, b) => a.position - b.position || a.rank - b.rank,
  )[0];
  if (!first) return { rule: ruleRef(t.end.rule), answer: differences[0]!.path, ...withMessage };
  return {
    rule: ruleRef(first.decided.rule),
    ...(first.decided.at ? { at: first.decided.at } : {}),
    answer: first.answer,
    ...withMessage,
  };
}

/**
 * What groups divergences, and what a shrink step must keep: the rule and the answer. Where the
 * execution only went otherwise (its history parts, its output differs), which event or value
 * shows it depends on the case, unless the rule is the history's own (its event sequences): the
 * rule alone.
 */
export const causeKey = (cause: Pick<Cause, 'rule' | 'answer'>): string =>
  `${cause.rule.id} | ${
    GOES_OTHERWISE.test(cause.answer) && cause.rule.id !== 'sfn.history.events'
      ? 'the execution goes otherwise there'
      : cause.answer
  }`;

/**
 * An answer that says only that the execution went otherwise where the rule decides: the history
 * parts there, or the output it shapes differs (which of them shows depends on the case).
 */
const GOES_OTHERWISE = /^(no \w+ there|no SageMaker error there|\w+ past the end|output: .*)$/;

/** Where a cause happened, as a heading names it: `state "Train" (CreateTrainingJob .sync)`. */
export function placeText(at: Cause['at']): string {
  if (!at) return 'the state machine';
  const task = at.api ? ` (${at.api}${at.pattern ? ` ${at.pattern}` : ''})` : '';
  return `state "${at.state}"${task}`;
}
