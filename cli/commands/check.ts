import { PolicySet } from '../../iam/evaluate.js';
import { checkActionsAgainstCatalog } from '../../iam/actionCatalog.js';
import { checkPolicy, type PolicyCheck, type Requirement } from '../../oracles/calls/checkPolicy.js';
import { UsageError } from '../errors.js';
import { readPolicyFile } from '../policyFile.js';
import type { Io } from '../io.js';
import { toPredictionOptions, type RawPredictionOptions } from '../predictionOptions.js';
import { definitionProblem, readValidDefinition, reportUnmodelled } from './policy.js';

export interface CheckOptions extends RawPredictionOptions {
  definition: string;
  policy: string[];
  format?: string;
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

function renderText(result: PolicyCheck): string {
  const lines: string[] = [];
  const rows = [['STATE', 'ACTION', 'RESOURCE', 'LEVEL', 'DECISION']];
  for (const r of result.requirements)
    rows.push([r.state, r.action, r.resource, r.level, DECISION_TEXT[r.decision]]);
  lines.push(table(rows), '');
  const denied = result.requirements.filter((r) => r.decision !== 'allowed');
  for (const r of denied) {
    lines.push(
      `${r.level === 'required' ? 'MISSING' : 'degraded'}: ${r.state}: ${r.action} on ${r.resource}`,
    );
    lines.push(`  why it is needed: ${r.reason} [${r.provenance.kind}]`);
    lines.push(`  why it is denied: ${why(r)}`);
  }
  if (denied.length > 0) lines.push('');
  const requiredDenied = denied.filter((r) => r.level === 'required');
  if (result.sufficient) {
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

/** `sfn-conformance check`: is this policy enough for this definition? */
export async function checkCommand(raw: CheckOptions, io: Io): Promise<number> {
  const format = raw.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError('bad-option', `--format "${format}" is unknown; use text or json`);
  const { definition, type } = readValidDefinition(raw.definition);
  const policies = raw.policy.map((p) => readPolicyFile(p).policy);
  const options = toPredictionOptions(raw, type, io);
  for (const policy of policies) {
    for (const w of await checkActionsAgainstCatalog(policy))
      io.stderr(`warning: policy file "${policy.name}": ${w.path}: ${w.message}\n`);
  }
  const result = checkPolicy(definition, new PolicySet(policies), options);
  if (!result.ok) throw definitionProblem(raw.definition, result.problems);
  reportUnmodelled(result.unmodelled, io);
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  if (format === 'json') {
    const { ok: _ok, ...body } = result;
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(renderText(result));
  }
  return result.sufficient ? 0 : 1;
}
