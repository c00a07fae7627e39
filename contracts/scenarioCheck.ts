/**
 * A world scenario as JSON gives it (docs/emulator.md, "Scenario files"): every object checked for
 * its fields, at every level. A misspelled field is a problem named in one line (a UsageError,
 * `bad-scenario`), never a default silently taken in its place. `exec --scenario` and `serve
 * --scenario` read a file of it; `serve` reads one from a state machine's tag too.
 */
import { CREATE_ERRORS, SCENARIO_BOUNDS, type WorldScenario } from '../catalog/scenario.js';
import { isObject, type JsonObject } from '../syntax/json.js';
import { UsageError } from './usageError.js';

/** The fields of each object of a scenario file, by where the object is. */
const FIELDS = {
  top: ['createError', 'job', 'referencesExist', 'namesInUse', 'abortAfterPolls', 'jobQuota'],
  job: ['outcome', 'polls', 'durationSeconds', 'failureReason'],
  createError: ['error', 'times'],
} as const;

const OUTCOMES = ['Completed', 'Failed', 'Stopped'] as const;

/**
 * A scenario as JSON gives it, checked: the WorldScenario shape, each field and each nested
 * object's fields. `where` names it in a problem's line (`scenario file "s.json"`);
 * `referencesExist` is taken where the scenario does not say.
 */
export function checkScenario(
  raw: unknown,
  where: string,
  defaults: { referencesExist: boolean },
): WorldScenario {
  if (!isObject(raw)) throw new UsageError('bad-scenario', `${where} must hold a JSON object`);
  /** Refuses a field the object at `at` does not have. */
  const onlyFields = (object: JsonObject, at: keyof typeof FIELDS): void => {
    const known: readonly string[] = FIELDS[at];
    for (const k of Object.keys(object))
      if (!known.includes(k))
        throw new UsageError(
          'bad-scenario',
          at === 'top'
            ? `${where}: unknown field "${k}" (fields: ${known.join(', ')})`
            : `${where}: unknown field "${at}.${k}" (the fields of ${at}: ${known.join(', ')})`,
        );
  };
  onlyFields(raw, 'top');
  const scenario: Record<string, unknown> = {
    referencesExist: raw.referencesExist ?? defaults.referencesExist,
  };
  if (typeof scenario.referencesExist !== 'boolean')
    throw new UsageError('bad-scenario', `${where}: referencesExist must be true or false`);
  if (raw.namesInUse !== undefined) {
    if (typeof raw.namesInUse !== 'boolean')
      throw new UsageError('bad-scenario', `${where}: namesInUse must be true or false`);
    if (raw.namesInUse) scenario.namesInUse = true;
  }
  const B = SCENARIO_BOUNDS;
  /** An integer field within its bounds, named with them. */
  const bounded = (value: unknown, field: string, { min, max }: { min: number; max: number }): number => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      throw new UsageError(
        'bad-scenario',
        `${where}: ${field} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`,
      );
    return value as number;
  };
  if (raw.createError !== undefined) {
    const e = raw.createError;
    if (
      !isObject(e) ||
      typeof e.error !== 'string' ||
      !(CREATE_ERRORS as readonly string[]).includes(e.error)
    )
      throw new UsageError(
        'bad-scenario',
        `${where}: createError must be { "error": ${CREATE_ERRORS.join('|')}, "times": ${B.createErrorTimes.min} to ${B.createErrorTimes.max} }`,
      );
    onlyFields(e, 'createError');
    scenario.createError = {
      error: e.error,
      times: bounded(e.times, 'createError.times', B.createErrorTimes),
    };
  }
  if (raw.job !== undefined) {
    const j = raw.job;
    if (!isObject(j) || typeof j.outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(j.outcome))
      throw new UsageError(
        'bad-scenario',
        `${where}: job must be { "outcome": ${OUTCOMES.join('|')}, "polls": n, "durationSeconds": s, "failureReason"?: text }`,
      );
    onlyFields(j, 'job');
    const duration = j.durationSeconds ?? 60;
    if (
      typeof duration !== 'number' ||
      !(duration >= B.durationSeconds.min && duration <= B.durationSeconds.max)
    )
      throw new UsageError(
        'bad-scenario',
        `${where}: job.durationSeconds must be a number from ${B.durationSeconds.min} to ${B.durationSeconds.max} (a year, the longest an execution runs; got ${JSON.stringify(duration)})`,
      );
    if (
      j.failureReason !== undefined &&
      (typeof j.failureReason !== 'string' || j.failureReason.length > B.failureReasonLength.max)
    )
      throw new UsageError(
        'bad-scenario',
        `${where}: job.failureReason must be a text of at most ${B.failureReasonLength.max} characters (SageMaker's FailureReason)`,
      );
    scenario.job = {
      polls: bounded(j.polls ?? 0, 'job.polls', B.polls),
      outcome: j.outcome,
      durationSeconds: duration,
      ...(typeof j.failureReason === 'string' ? { failureReason: j.failureReason } : {}),
    };
  }
  if (raw.abortAfterPolls !== undefined)
    scenario.abortAfterPolls = bounded(raw.abortAfterPolls, 'abortAfterPolls', B.abortAfterPolls);
  if (raw.jobQuota !== undefined) scenario.jobQuota = bounded(raw.jobQuota, 'jobQuota', B.jobQuota);
  return scenario as unknown as WorldScenario;
}
