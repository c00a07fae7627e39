import type { WorldScenario } from '../../catalog/scenario.js';
import { EmulatedStepFunctions, StepFunctionsError } from '../../emulator/stepFunctions.js';
import type { PolicyDocument } from '../../iam/policy.js';
import { UsageError } from '../errors.js';
import { parseJsonText, readJsonFile, type Io } from '../io.js';
import { readDefinition } from '../predictionOptions.js';

export interface ExecRaw {
  input?: string;
  policy?: string[];
  scenario?: string;
  history?: boolean;
  format?: string;
  seed?: string;
  name?: string;
  region?: string;
  account?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `--input '{"a":1}'` or `--input @file.json`. */
function readInput(value: string | undefined): unknown {
  if (value === undefined) return {};
  if (value.startsWith('@')) return readJsonFile(value.slice(1), 'input file');
  return parseJsonText(value, '--input');
}

/** A scenario file: the WorldScenario shape (README, "Scenario files"). */
export function readScenario(path: string): WorldScenario {
  const raw = readJsonFile(path, 'scenario file');
  const where = `scenario file "${path}"`;
  if (!isObject(raw)) throw new UsageError('bad-scenario', `${where} must hold a JSON object`);
  const known = ['createError', 'job', 'referencesExist', 'abortAfterPolls'];
  for (const k of Object.keys(raw))
    if (!known.includes(k))
      throw new UsageError('bad-scenario', `${where}: unknown field "${k}" (fields: ${known.join(', ')})`);
  const scenario: Record<string, unknown> = { referencesExist: raw.referencesExist ?? true };
  if (typeof scenario.referencesExist !== 'boolean')
    throw new UsageError('bad-scenario', `${where}: referencesExist must be true or false`);
  if (raw.createError !== undefined) {
    const e = raw.createError as Record<string, unknown>;
    const errors = [
      'ResourceLimitExceeded',
      'ResourceInUse',
      'ResourceNotFound',
      'ValidationException',
      'ThrottlingException',
    ];
    if (
      !isObject(e) ||
      !errors.includes(String(e.error)) ||
      !Number.isInteger(e.times) ||
      (e.times as number) < 1
    ) {
      throw new UsageError(
        'bad-scenario',
        `${where}: createError must be { "error": ${errors.join('|')}, "times": n >= 1 }`,
      );
    }
    scenario.createError = { error: e.error, times: e.times };
  }
  if (raw.job !== undefined) {
    const j = raw.job as Record<string, unknown>;
    if (
      !isObject(j) ||
      !['Completed', 'Failed', 'Stopped'].includes(String(j.outcome)) ||
      !Number.isInteger(j.polls ?? 0) ||
      typeof (j.durationSeconds ?? 60) !== 'number'
    ) {
      throw new UsageError(
        'bad-scenario',
        `${where}: job must be { "outcome": Completed|Failed|Stopped, "polls": n, "durationSeconds": s, "failureReason"?: text }`,
      );
    }
    scenario.job = {
      polls: j.polls ?? 0,
      outcome: j.outcome,
      durationSeconds: j.durationSeconds ?? 60,
      ...(typeof j.failureReason === 'string' ? { failureReason: j.failureReason } : {}),
    };
  }
  if (raw.abortAfterPolls !== undefined) {
    if (!Number.isInteger(raw.abortAfterPolls) || (raw.abortAfterPolls as number) < 0)
      throw new UsageError('bad-scenario', `${where}: abortAfterPolls must be an integer >= 0`);
    scenario.abortAfterPolls = raw.abortAfterPolls;
  }
  return scenario as unknown as WorldScenario;
}

/** `sfn-conformance exec`: one execution in the built-in emulator. Exit 0 SUCCEEDED, 1 otherwise. */
export async function execCommand(path: string, raw: ExecRaw, io: Io): Promise<number> {
  const format = raw.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError('bad-option', `--format "${format}" is unknown; use text or json`);
  const { definition, type } = readDefinition(path);
  const input = readInput(raw.input);
  const policy = raw.policy?.map((p) => readJsonFile(p, 'policy file') as PolicyDocument);
  const scenario = raw.scenario ? readScenario(raw.scenario) : undefined;
  if (raw.seed !== undefined && !/^\d+$/.test(raw.seed))
    throw new UsageError('bad-option', `--seed "${raw.seed}" must be a non-negative integer`);
  const sfn = new EmulatedStepFunctions({
    ...(raw.region ? { region: raw.region } : {}),
    ...(raw.account ? { account: raw.account } : {}),
  });
  let executionArn: string;
  try {
    const { stateMachineArn } = sfn.createStateMachine({
      definition: definition as Record<string, unknown>,
      ...(policy ? { policy } : {}),
      ...(type ? { type } : {}),
    });
    ({ executionArn } = sfn.startExecution({
      stateMachineArn,
      input,
      ...(raw.name ? { name: raw.name } : {}),
      ...(scenario ? { scenario } : {}),
      ...(raw.seed ? { seed: Number(raw.seed) } : {}),
    }));
  } catch (e) {
    if (e instanceof StepFunctionsError)
      throw new UsageError('create-failed', `${path}: CreateStateMachine failed: ${e.code}: ${e.message}`);
    throw e;
  }
  const result = await sfn.awaitExecution(executionArn);
  const body = {
    status: result.status,
    ...(result.output !== undefined ? { output: result.output } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.cause !== undefined ? { cause: result.cause } : {}),
    calls: result.calls.map(({ action, resource, decision }) => ({ action, resource, decision })),
    ...(raw.history ? { history: result.history } : {}),
  };
  if (format === 'json') {
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    const lines = [`status: ${result.status}`];
    if (result.output !== undefined) lines.push(`output: ${JSON.stringify(result.output)}`);
    if (result.error !== undefined) lines.push(`error: ${result.error}`, `cause: ${result.cause ?? ''}`);
    lines.push(
      `virtual duration: ${(result.stopEpochMs - result.startEpochMs) / 1000} s, ${result.history.length} history events`,
    );
    lines.push('calls made as the execution role:');
    for (const c of result.calls)
      lines.push(`  ${c.decision === 'allowed' ? 'allowed' : 'DENIED '}  ${c.action}  ${c.resource}`);
    if (raw.history) {
      lines.push('history:');
      for (const e of result.history) lines.push(`  ${String(e.id).padStart(4)} ${e.timestamp} ${e.type}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return result.status === 'SUCCEEDED' ? 0 : 1;
}
