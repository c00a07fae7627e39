/** The regression report's formats: JSON, Markdown for a pull-request comment, JUnit for CI. */
import { type JunitCase, renderJunit } from '../writers/junitXml.js';
import { cell } from '../writers/markdownCell.js';
import type { RegressionReport } from './report.js';

type Change = RegressionReport['newlyDenied'][number];

const where = (c: Change) => `**${c.call.state}** (${c.call.source}, ${c.call.pattern})`;
const stmt = (s: Change['grantedBy'][number]) =>
  `${s.policy} statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}`;

/** The regression report as Markdown (a pull request's comment). */
export function regressionMarkdown(r: RegressionReport): string {
  const t = r.totals;
  const lines = [
    '# Policy regression',
    '',
    `\`${r.old}\` → \`${r.new}\` over ${t.calls} calls of ${r.sources.length} definition(s)${r.generated ? ` (generated: ${r.generated.runs} cases, seed ${r.generated.seed})` : ''}.`,
    '',
    r.breaking
      ? `**Breaking: ${t.newlyDeniedRequired} required call(s) newly denied.** ${t.newlyDenied - t.newlyDeniedRequired} degrading, ${t.newlyAllowed} widening(s), ${t.unchanged} unchanged.`
      : `No required call is newly denied. ${t.newlyDenied} degrading, ${t.newlyAllowed} widening(s), ${t.unchanged} unchanged.`,
    '',
  ];
  const denied = (level: string) => r.newlyDenied.filter((c) => c.call.level === level);
  for (const [title, list] of [
    ['Breaking changes', denied('required')],
    ['Degrading changes (documented permissions)', denied('documented')],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const c of list) {
      lines.push(
        `- ${where(c)}: \`${c.call.action}\` on \`${c.call.resource}\` — was allowed by ${c.grantedBy.map(stmt).join(', ')}; now ${c.after === 'explicitDeny' ? 'explicitly denied' : 'not allowed'}: ${c.why}. Consequence: ${c.consequence ?? ''} (${c.call.provenance.kind}; scenarios: ${c.call.scenarios.join(', ')})`,
      );
    }
    lines.push('');
  }
  if (r.newlyAllowed.length > 0) {
    lines.push('## Widenings', '');
    for (const c of r.newlyAllowed) {
      const what = c.call.probe
        ? `${c.call.action} for ${c.call.probe}`
        : `\`${c.call.action}\` on \`${c.call.resource}\``;
      lines.push(
        `- ${where(c)}: ${what} — now granted by ${c.grantedBy.map(stmt).join(', ')}${c.flags.length ? ` **(${c.flags.join('; ')})**` : ''}`,
      );
    }
    lines.push('');
  }
  if (r.verification && r.verification.length > 0) {
    lines.push(
      '## Verified on the target',
      '',
      '| state | call | scenario | predicted (old → new) | observed (old → new) | verdict | replay |',
      '|---|---|---|---|---|---|---|',
    );
    for (const v of r.verification) {
      lines.push(
        `| ${[
          v.state,
          v.action,
          v.scenario,
          `${v.predicted.old} → ${v.predicted.new}${v.predicted.callDenied ? ', call denied' : ''}`,
          `${v.observed.old} → ${v.observed.new}${v.observed.callDenied ? ', call denied' : ''}`,
          v.verdict,
          `\`${v.replay}\``,
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One testcase per changed call, named by its state, action and resource. A failure only where
 * the exit code says so: a newly denied required call (breaking). A degrading or widening change
 * is reported in the testcase's output, not failed.
 */
export function regressionJunit(r: RegressionReport): string {
  const affected = [...r.newlyDenied, ...r.newlyAllowed];
  const cases: JunitCase[] = affected.map((c) => {
    const base = {
      classname: c.call.source,
      name: `${c.call.state} ${c.call.action} ${c.call.resource}${c.call.probe ? ` (probe: ${c.call.probe})` : ''}`,
      seconds: 0,
    };
    if (c.after === 'allowed')
      return { ...base, systemOut: `newly allowed${c.flags.length ? `: ${c.flags.join('; ')}` : ''}` };
    if (c.call.level !== 'required')
      return { ...base, systemOut: `degrading (${c.call.level}): ${c.consequence ?? ''}: ${c.why}` };
    return {
      ...base,
      failure: {
        type: 'breaking',
        message: `newly denied (${c.call.level}): ${c.consequence ?? ''}`,
        body: c.why,
      },
    };
  });
  return renderJunit({
    name: 'policy-regression',
    // The regression report is computed, not run: the time it was written.
    timestamp: new Date().toISOString(),
    seconds: 0,
    suites: [{ name: 'policy-regression', cases }],
  });
}
