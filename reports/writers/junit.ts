import type { Report } from '../report.js';
import type { Reporter } from './reporter.js';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(report: Report): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sfn-sagemaker-conformance" tests="${report.totals.cases}" failures="${report.totals.diverged}" errors="${report.totals.errored}" skipped="${(report.totals.skipped ?? 0) + (report.totals.undecided ?? 0)}" time="${(report.durationMs / 1000).toFixed(3)}">`,
  ];
  for (const suite of report.suites) {
    const cases = report.cases.filter((c) => c.suite === suite);
    const failures = cases.filter((c) => c.verdict === 'diverged').length;
    const errors = cases.filter((c) => c.verdict === 'error').length;
    const skipped = cases.filter((c) => c.verdict === 'skipped' || c.verdict === 'undecided').length;
    out.push(
      `  <testsuite name="${xml(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    );
    for (const c of cases) {
      const name = xml(`${c.api} ${c.pattern} ${c.resourceMode} ${c.queryLanguage} ${c.id}`);
      if (c.verdict === 'match') {
        out.push(`    <testcase classname="${xml(suite)}" name="${name}"/>`);
      } else if (c.verdict === 'skipped' || c.verdict === 'undecided') {
        const why = c.verdict === 'skipped' ? (c.skipReason ?? '') : `undecided: ${c.undecidedReason ?? ''}`;
        out.push(
          `    <testcase classname="${xml(suite)}" name="${name}">`,
          `      <skipped message="${xml(why)}"/>`,
          '    </testcase>',
        );
      } else if (c.verdict === 'diverged') {
        const diffs = (c.shrunk?.differences ?? c.differences).map(
          (d) =>
            `${d.path}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)} [${d.provenance.kind}]`,
        );
        out.push(
          `    <testcase classname="${xml(suite)}" name="${name}">`,
          `      <failure message="${xml(diffs[0] ?? 'diverged')}">${xml([...diffs, `replay: ${c.replay.command}`].join('\n'))}</failure>`,
          '    </testcase>',
        );
      } else {
        out.push(
          `    <testcase classname="${xml(suite)}" name="${name}">`,
          `      <error message="${xml((c.errorMessage ?? '').split('\n')[0] ?? '')}">${xml(c.errorMessage ?? '')}</error>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export const junitReporter: Reporter = { fileName: 'junit.xml', render };
