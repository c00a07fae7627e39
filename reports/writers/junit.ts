import type { CaseResult, Report } from '../report.js';
import { type JunitCase, renderJunit } from './junitXml.js';
import type { Reporter } from './reporter.js';

/** The index of a case in its suite (its replay path is `suite:index`). */
const indexOf = (c: CaseResult) => c.replay.path.slice(c.replay.path.lastIndexOf(':') + 1);

/** A difference as a line: path, predicted, observed, provenance. */
const diffLine = (d: CaseResult['differences'][number]) =>
  `${d.path}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)} [${d.provenance.kind}]`;

/** A case as a testcase, named by its suite, index, API and pattern: the same name every night. */
function testcase(c: CaseResult): JunitCase {
  const base = {
    classname: c.suite,
    name: `${c.suite} case ${indexOf(c)}: ${c.api} ${c.pattern}`,
    seconds: (c.durationMs ?? 0) / 1000,
  };
  switch (c.verdict) {
    case 'match':
      return base;
    case 'skipped':
      return { ...base, skipped: c.skipReason ?? 'not run' };
    case 'undecided':
      return { ...base, skipped: `undecided: ${c.undecidedReason ?? ''}` };
    case 'diverged': {
      if (c.expected) return { ...base, skipped: `expected divergence: ${c.expected.reason}` };
      const diffs = (c.shrunk?.differences ?? c.differences).map(diffLine);
      const first = (c.shrunk?.differences ?? c.differences)[0];
      return {
        ...base,
        failure: {
          // The kind of difference: the aspect it is in (`status`, `calls`, `output`, ...).
          type: first ? first.path.split('/')[0]! : 'divergence',
          message: diffs[0] ?? 'diverged',
          body: [...diffs, `replay: ${c.shrunk?.replay?.command ?? c.replay.command}`].join('\n'),
        },
      };
    }
    case 'error':
      return {
        ...base,
        error: {
          type: 'harness-error',
          message: (c.errorMessage ?? '').split('\n')[0] ?? '',
          body: `${c.errorMessage ?? ''}\nreplay: ${c.replay.command}`,
        },
      };
  }
}

function render(report: Report): string {
  return renderJunit({
    name: 'sfn-sagemaker-conformance',
    timestamp: report.startedAt,
    seconds: report.durationMs / 1000,
    suites: report.suites.map((suite) => ({
      name: suite,
      cases: report.cases.filter((c) => c.suite === suite).map(testcase),
    })),
  });
}

export const junitReporter: Reporter = { fileName: 'junit.xml', render };
