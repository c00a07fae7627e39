import { ruleIds } from './provenanceText.js';
import type { CaseEntry, CaseResult } from '../report.js';
import type { ReportSummary } from '../tally.js';
import {
  type JunitCase,
  JUNIT_CLOSING,
  JUNIT_SUITE_CLOSING,
  junitOpening,
  junitSuiteOpening,
  junitTestcase,
} from './junitXml.js';
import type { Chunk, ReportFormat } from './format.js';

/** The index of a case in its suite (its replay path is `suite:index`). */
const indexOf = (c: CaseEntry) => c.replay.path.slice(c.replay.path.lastIndexOf(':') + 1);

/** A difference as a line: path, predicted, observed, provenance. */
const diffLine = (d: CaseResult['differences'][number]) =>
  `${d.path}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)} [${ruleIds(d.provenance)}]`;

/** A case as a testcase, named by its suite, index, API and pattern: the same name every night. */
function testcase(c: CaseEntry): JunitCase {
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
      const differences = c.shrunk?.differences ?? c.differences ?? [];
      const diffs = differences.map(diffLine);
      const first = differences[0];
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

/** The file: each suite's testcases (written as the cases finish) within its counts. */
function render(summary: ReportSummary): readonly Chunk[] {
  const d = {
    name: 'sfn-sagemaker-conformance',
    timestamp: summary.startedAt,
    seconds: summary.durationMs / 1000,
  };
  const of = (suite: string) =>
    summary.tally.suites[suite] ?? { cases: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
  const counts = (suite: string) => {
    const n = of(suite);
    return { tests: n.cases, failures: n.failures, errors: n.errors, skipped: n.skipped, seconds: n.seconds };
  };
  const all = summary.suites.map(counts);
  const sum = (k: 'tests' | 'failures' | 'errors') => all.reduce((n, c) => n + c[k], 0);
  return [
    junitOpening(d, {
      tests: sum('tests'),
      failures: sum('failures'),
      errors: sum('errors'),
      seconds: d.seconds,
    }),
    ...summary.suites.flatMap((suite) => [
      junitSuiteOpening(d, suite, counts(suite)),
      { section: suite },
      JUNIT_SUITE_CLOSING,
    ]),
    JUNIT_CLOSING,
  ];
}

/** junit.xml: a testsuite per suite, a testcase per case. */
export const junitFormat: ReportFormat = {
  fileName: 'junit.xml',
  perCase: { section: (c) => c.suite, text: (c) => junitTestcase(testcase(c)) },
  render,
};
