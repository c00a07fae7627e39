import { isPartition, type Partition } from '../../catalog/api.js';
import { printable, printableLines } from '../../contracts/printable.js';
import { partitionOf } from '../../catalog/regions.js';
import { DEFAULT_REGION } from '../../oracles/options.js';
import { EmulatedStepFunctions, StepFunctionsError } from '../../emulator/stepFunctions.js';
import { UsageError } from '../../contracts/usageError.js';
import { readPolicyFile } from '../policyFile.js';
import { checkAccount, checkExecutionName, checkRegion, checkSeed } from '../values.js';
import { readInput, type Io } from '../io.js';
import { readDefinition } from '../predictionOptions.js';
import { readMock } from '../mockFile.js';
import { readScenario } from '../scenarioFile.js';
import { chosenFormat, TEXT_OR_JSON } from '../options/report.js';

/** `exec`'s options, as commander hands them over. */
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
  partition?: string;
  mock?: string;
  mockCase?: string;
}

/** The partition the definition's Task Resource ARNs name (`arn:aws-cn:states:::...`), if any does. */
function partitionOfDefinition(definition: unknown): Partition | undefined {
  const m = /"Resource"\s*:\s*"arn:(aws|aws-cn|aws-us-gov):states:/.exec(JSON.stringify(definition));
  return m ? (m[1] as Partition) : undefined;
}

/**
 * The region of the emulated account, as `policy` takes it: `--region`, else the first region of
 * the partition (`--partition`, else the one the Task Resource ARNs name, else aws).
 */
function regionOf(raw: ExecRaw, definition: unknown): string {
  if (raw.partition !== undefined && !isPartition(raw.partition))
    throw new UsageError(
      'bad-option',
      `--partition "${raw.partition}" is not supported; use aws, aws-cn or aws-us-gov`,
    );
  if (raw.region !== undefined) {
    checkRegion(raw.region);
    if (raw.partition !== undefined && partitionOf(raw.region) !== raw.partition)
      throw new UsageError(
        'bad-option',
        `--region ${raw.region} is in partition ${partitionOf(raw.region)}, not --partition ${raw.partition}; give one of them`,
      );
    return raw.region;
  }
  const partition = (raw.partition as Partition | undefined) ?? partitionOfDefinition(definition) ?? 'aws';
  return DEFAULT_REGION[partition];
}

/** `sfn-conformance exec`: one execution in the built-in emulator. Exit 0 SUCCEEDED, 1 otherwise. */
export async function execCommand(path: string, raw: ExecRaw, io: Io): Promise<number> {
  const format = chosenFormat(raw.format, TEXT_OR_JSON);
  const { definition, type } = readDefinition(path);
  const input = readInput(raw.input);
  const policy = raw.policy?.map((p) => readPolicyFile(p).doc);
  const scenario = raw.scenario ? readScenario(raw.scenario) : undefined;
  const seed = raw.seed === undefined ? undefined : checkSeed(raw.seed);
  const region = regionOf(raw, definition);
  if (raw.account !== undefined) checkAccount(raw.account);
  if (raw.name !== undefined) checkExecutionName(raw.name);
  const mock = readMock(raw, definition);
  const sfn = new EmulatedStepFunctions({
    region,
    ...(raw.account ? { account: raw.account } : {}),
  });
  let executionArn: string;
  try {
    const { stateMachineArn } = sfn.createStateMachine({
      // The test case's state machine: $$.StateMachine.Name and the ARNs name it.
      ...(mock ? { name: mock.machine } : {}),
      definition: definition as Record<string, unknown>,
      ...(policy ? { policy } : {}),
      ...(type ? { type } : {}),
    });
    ({ executionArn } = sfn.startExecution({
      stateMachineArn,
      input,
      ...(raw.name ? { name: raw.name } : {}),
      ...(scenario ? { scenario } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(mock ? { mock } : {}),
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
    if (result.error !== undefined)
      lines.push(`error: ${printable(result.error)}`, `cause: ${printable(result.cause ?? '')}`);
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
    io.stdout(`${printableLines(lines.join('\n'))}\n`);
  }
  return result.status === 'SUCCEEDED' ? 0 : 1;
}
