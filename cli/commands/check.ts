import { PolicySet } from '../../iam/evaluate.js';
import { printable, printableLines } from '../../contracts/printable.js';
import { checkActionsAgainstCatalog } from '../../iam/actionCatalog.js';
import { checkPolicy, type PolicyCheck, type Requirement } from '../../oracles/calls/checkPolicy.js';
import type { StateMachineType } from '../../catalog/api.js';
import type { PredictionOptions } from '../../oracles/options.js';
import { UsageError } from '../../contracts/usageError.js';
import { readPolicyFile } from '../policyFile.js';
import type { MockCase } from '../../emulator/mock/mockConfig.js';
import { readInput, type Io } from '../io.js';
import { toPredictionOptions, type RawPredictionOptions } from '../predictionOptions.js';
import { definitionProblem, readValidDefinition, reportUnmodelled } from '../definitionFile.js';
import { chosenFormat, TEXT_OR_JSON } from '../options/report.js';

/** `check`'s options, as commander hands them over. */
export interface CheckOptions extends RawPredictionOptions {
  definition: string;
  policy: string[];
  format?: string;
  /** A sample execution input (JSON text or `@file`): names given at run time are decided as it gives them. */
  input?: string;
  /** With `input`: a Step Functions Local mock configuration for the other tasks of the run, and its test case. */
  mock?: string;
  mockCase?: string;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '))
    .join('\n');
}

const DECISION_TEXT = {
  allowed: 'allowed',
  implicitDeny: 'DENIED (implicit)',
  explicitDeny: 'DENIED (explicit)',
  dependsOnName: 'depends on the name',
} as const;

function why(r: Requirement): string {
  if (r.decision === 'explicitDeny') {
    return r.statements
      .map((s) => `denied by ${s.policy} statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}`)
      .join('; ');
  }
  if (r.decision === 'implicitDeny') {
    const near = r.statements.map((s) => `${s.policy} statement ${s.index + 1}: ${s.reason}`);
    return near.length > 0 ? near.join('; ') : 'no statement allows the action';
  }
  return '';
}

function renderText(result: PolicyCheck, resolvedByInput: boolean): string {
  const lines: string[] = [];
  const rows = [['STATE', 'ACTION', 'RESOURCE', 'LEVEL', 'DECISION']];
  for (const r of result.requirements)
    rows.push([r.state, r.action, r.resource, r.level, DECISION_TEXT[r.decision]]);
  lines.push(table(rows), '');
  const denied = result.requirements.filter(
    (r) => r.decision !== 'allowed' && r.decision !== 'dependsOnName',
  );
  const byName = result.requirements.filter((r) => r.byName);
  for (const r of byName) {
    lines.push(`DEPENDS ON THE NAME: ${r.state}: ${r.action} on ${r.resource}`);
    lines.push(`  allowed where ${r.byName!.field} gives: ${r.byName!.allowedWhere.join(', ')}`);
    lines.push(`  denied where it gives: ${r.byName!.deniedWhere.join(', ')}`);
  }
  if (byName.length > 0)
    lines.push(
      resolvedByInput
        ? '  The execution with that input did not reach the state: decided for any name.'
        : '  The names are given at run time: pass a sample execution input (--input @FILE) to decide them for it.',
      '',
    );
  for (const r of denied) {
    lines.push(
      `${r.level === 'required' ? 'MISSING' : 'degraded'}: ${r.state}: ${r.action} on ${r.resource}`,
    );
    lines.push(
      `  why it is needed: ${r.reason} [${r.provenance.kind}: ${r.provenance.rules.map((x) => x.id).join(', ')}]`,
    );
    lines.push(`  why it is denied: ${why(r)}`);
  }
  if (denied.length > 0) lines.push('');
  const requiredDenied = denied.filter((r) => r.level === 'required');
  if (result.dependsOnNames) {
    lines.push(
      `Depends on the names: ${byName.filter((r) => r.level === 'required').length} required call(s) are allowed for some names given at run time and denied for others.`,
    );
  } else if (result.sufficient) {
    lines.push(
      `Sufficient: every required call (${result.requirements.filter((r) => r.level === 'required').length}) is allowed.`,
    );
  } else {
    lines.push(`Insufficient: ${requiredDenied.length} required call(s) denied.`);
    if (result.missing)
      lines.push('Add these statements to the execution role:', JSON.stringify(result.missing, null, 2));
    const explicit = requiredDenied.filter((r) => r.decision === 'explicitDeny');
    if (explicit.length > 0)
      lines.push('Remove or narrow the Deny statements named above: an explicit Deny wins over any Allow.');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The request each SageMaker Task state sends for a sample input: the definition run in the
 * built-in emulator (every call allowed, every job completing, referenced resources there), each
 * state's first TaskScheduled parameters. A state the run does not reach stays undecided.
 */
async function resolvedRequests(
  definition: unknown,
  type: StateMachineType | undefined,
  input: unknown,
  options: PredictionOptions,
  io: Io,
  mock: MockCase | undefined,
): Promise<Map<string, Record<string, unknown>>> {
  const { EmulatedStepFunctions } = await import('../../emulator/stepFunctions.js');
  const { firstTaskRequests } = await import('../../emulator/engine/history.js');
  const sfn = new EmulatedStepFunctions({
    ...(options.region ? { region: options.region } : {}),
    account: options.account,
  });
  const { stateMachineArn } = sfn.createStateMachine({
    ...(mock ? { name: mock.machine } : {}),
    definition: definition as Record<string, unknown>,
    ...(type ? { type } : {}),
  });
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    input,
    scenario: { referencesExist: true },
    ...(mock ? { mock } : {}),
  });
  const run = await sfn.awaitExecution(executionArn);
  const out = firstTaskRequests(run.history, 'sagemaker');
  if (run.status !== 'SUCCEEDED')
    io.stderr(
      `note: with this input the execution ${run.status}${run.error ? ` (${printable(run.error)})` : ''} in the built-in emulator: states it did not reach are decided for any name (--mock FILE --mock-case CASE answer the tasks of other services)\n`,
    );
  return out;
}

/** `sfn-conformance check`: is this policy enough for this definition? */
export async function checkCommand(raw: CheckOptions, io: Io): Promise<number> {
  const format = chosenFormat(raw.format, TEXT_OR_JSON);
  const { definition, type } = readValidDefinition(raw.definition);
  const policies = raw.policy.map((p) => readPolicyFile(p).policy);
  if (raw.input === undefined && (raw.mock !== undefined || raw.mockCase !== undefined))
    throw new UsageError(
      'bad-option',
      '--mock and --mock-case go with --input (they answer the tasks of its run)',
    );
  // Every file is read before anything is said: a problem with one is the only line.
  const input = raw.input === undefined ? undefined : readInput(raw.input);
  const mock =
    raw.input === undefined ? undefined : (await import('../mockFile.js')).readMock(raw, definition);
  const options = toPredictionOptions(raw, type, io);
  for (const policy of policies) {
    for (const w of await checkActionsAgainstCatalog(policy))
      io.stderr(`warning: ${printable(`${policy.name}: ${w.path}: ${w.message}`)}\n`);
  }
  const resolved =
    raw.input === undefined ? undefined : await resolvedRequests(definition, type, input, options, io, mock);
  const result = checkPolicy(definition, new PolicySet(policies), options, resolved);
  if (!result.ok) throw definitionProblem(raw.definition, result.problems);
  reportUnmodelled(result.unmodelled, io);
  for (const w of result.warnings) io.stderr(`warning: ${printable(w)}\n`);
  if (format === 'json') {
    const { ok: _ok, ...body } = result;
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(printableLines(renderText(result, raw.input !== undefined)));
  }
  return result.sufficient ? 0 : 1;
}
