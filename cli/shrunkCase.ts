/**
 * A report's shrunk case, checked before `replay` runs it. A drawn case is drawn again from its
 * coordinates and checked against its id; a shrunk case is stored whole, so a report (a CI
 * artifact, a file someone sent) would choose what runs. It is held to what CreateStateMachine and
 * StartExecution would accept (a definition object within the size limit that passes the
 * definition checks, an input object within the payload limit, valid names, a region and an
 * account), to the policy document and scenario checks the files of `exec` meet, and to the case's
 * own shape; anything else is refused with one line.
 */
import { z } from 'zod';
import { API_NAMES, PATTERNS } from '../catalog/api.js';
import { CREATE_ERRORS, SCENARIO_BOUNDS } from '../catalog/scenario.js';
import { DEFINITION_MAX_CHARS, PAYLOAD_MAX_BYTES } from '../catalog/stepFunctionsLimits.js';
import { type CaseContent, WRAPPERS } from '../contracts/case.js';
import { UsageError } from '../contracts/usageError.js';
import { rejectedAtCreation, validateDefinition } from '../validation/validateDefinition.js';
import { zodPlace } from './io.js';
import { checkedPolicy } from './policyFile.js';
import { checkAccount, checkExecutionName, checkRegion } from './values.js';

const B = SCENARIO_BOUNDS;
const bounded = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

/** The world scenario, as the scenario files of `exec` are checked (docs/emulator.md, "Scenario files"). */
const ScenarioSchema = z.strictObject({
  createError: z
    .strictObject({ error: z.enum(CREATE_ERRORS), times: bounded(B.createErrorTimes) })
    .optional(),
  job: z
    .strictObject({
      polls: bounded(B.polls),
      outcome: z.enum(['Completed', 'Failed', 'Stopped']),
      failureReason: z.string().max(B.failureReasonLength.max).optional(),
      durationSeconds: z.number().min(B.durationSeconds.min).max(B.durationSeconds.max),
    })
    .optional(),
  referencesExist: z.boolean(),
  namesInUse: z.boolean().optional(),
  abortAfterPolls: bounded(B.abortAfterPolls).optional(),
  jobQuota: bounded(B.jobQuota).optional(),
});

const action = z.string().min(1).max(200);

/** The shape of a case's content (contracts/case.ts); its values are checked further below. */
const ShrunkCaseSchema = z.strictObject({
  /** The shrunk case's id, as the report names it (`shrunk.id`). */
  id: z.string(),
  api: z.enum(API_NAMES),
  pattern: z.enum(PATTERNS),
  resourceMode: z.enum(['static', 'dynamic']),
  queryLanguage: z.enum(['JSONPath', 'JSONata']),
  shape: z.string().regex(/^[a-z-]{1,40}$/, 'must be a machine shape'),
  wrappers: z.array(z.enum(WRAPPERS as [string, ...string[]])).max(WRAPPERS.length),
  stateMachineType: z.enum(['STANDARD', 'EXPRESS']),
  plan: z.record(z.string(), z.unknown()),
  definition: z.record(z.string(), z.unknown()),
  input: z.record(z.string(), z.unknown()),
  executionName: z.string(),
  region: z.string(),
  account: z.string(),
  scenario: ScenarioSchema,
  policyVariant: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('predicted') }),
    z.strictObject({ kind: z.literal('leaveOneOut'), action }),
    z.strictObject({ kind: z.literal('wrongResourceName'), action }),
    z.strictObject({ kind: z.literal('missingPassRoleCondition') }),
    z.strictObject({ kind: z.literal('extraDeny'), action }),
  ]),
  policy: z.unknown(),
  validity: z.union([
    z.strictObject({ valid: z.literal(true) }),
    z.strictObject({
      valid: z.literal(false),
      violation: z.string(),
      breaks: z.looseObject({ kind: z.enum(['request', 'resource', 'asl']) }),
    }),
  ]),
});

/**
 * The shrunk case `id` of the report `path`, checked as Step Functions and the input checks would
 * check it; a problem is one usage error naming the field and saying the report is damaged.
 */
export function checkShrunkCase(raw: unknown, id: string, path: string): CaseContent {
  const where = `the shrunk case "${id}" in "${path}"`;
  const damaged = (what: string) =>
    new UsageError(
      'bad-report',
      `${where}: ${what}; the report is damaged, replay by its seed and path instead`,
    );
  const parsed = ShrunkCaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(`at ${zodPlace(issue.path)}: ${issue.message}`);
  }
  const content = parsed.data;
  if (content.id !== id)
    throw damaged(`its case says id ${JSON.stringify(content.id)}, not the shrunk id "${id}"`);
  try {
    checkExecutionName(content.executionName, 'executionName');
    checkRegion(content.region, 'region');
    checkAccount(content.account, 'account');
    checkedPolicy(content.policy, 'policy');
  } catch (e) {
    if (e instanceof UsageError) throw damaged(e.message);
    throw e;
  }
  if (JSON.stringify(content.definition).length > DEFINITION_MAX_CHARS.value)
    throw damaged(`its definition is longer than Step Functions' ${DEFINITION_MAX_CHARS.value} characters`);
  if (Buffer.byteLength(JSON.stringify(content.input)) > PAYLOAD_MAX_BYTES.value)
    throw damaged(`its input is larger than Step Functions' ${PAYLOAD_MAX_BYTES.value} bytes`);
  let problems: { pointer: string; message: string }[];
  try {
    problems = validateDefinition(content.definition, content.stateMachineType).filter(rejectedAtCreation);
  } catch (e) {
    throw damaged(`its definition cannot be checked (${(e as Error).message.split('\n')[0]})`);
  }
  // A valid case's definition is one CreateStateMachine accepts; an invalid case's may be refused,
  // and then the target's CreateStateMachine refuses it (it is not run).
  if (content.validity.valid && problems.length > 0)
    throw damaged(
      `it is marked valid, but CreateStateMachine would refuse its definition at ${problems[0]!.pointer}: ${problems[0]!.message}`,
    );
  // The id stays: the replay names the case as the report does (a target's realise may have moved it).
  return content as unknown as CaseContent;
}
