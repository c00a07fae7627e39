/**
 * JUnit XML as CI systems read it (Jenkins' schema, which the JUnit reporters of GitHub Actions
 * follow; `reports/writers/testing/jenkins-junit.xsd`): `<testsuites>` without a `skipped`
 * attribute; every `<testsuite>` with tests, failures, errors, skipped, time, timestamp and
 * hostname; every `<testcase>` with a time; a type on every failure and error; a skipped case's
 * reason as the text of its `<skipped>`.
 */
import { hostname } from 'node:os';

/** A `<testcase>`: its names, time, and failure, error or skip. */
export interface JunitCase {
  readonly classname: string;
  /** Stable across runs (CI history lines up by it). */
  readonly name: string;
  readonly seconds: number;
  readonly failure?: { readonly type: string; readonly message: string; readonly body: string };
  readonly error?: { readonly type: string; readonly message: string; readonly body: string };
  readonly skipped?: string;
  readonly systemOut?: string;
}

/** A `<testsuite>` and its cases. */
export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

/** A JUnit document: its suites, when and where it ran. */
export interface JunitDocument {
  readonly name: string;
  /** When the run started (ISO 8601). */
  readonly timestamp: string;
  readonly seconds: number;
  readonly suites: readonly JunitSuite[];
  /** The machine the run ran on (default: this one). */
  readonly hostname?: string;
}

/** Text and attribute values: escaped, and without the control characters XML 1.0 cannot carry. */
export const xml = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const time = (seconds: number) => Math.max(0, seconds).toFixed(3);

/** The counts a `<testsuite>` or `<testsuites>` opening carries. */
export interface JunitCounts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  readonly seconds: number;
}

/** The document's opening: the declaration and `<testsuites>` with the counts of all its cases. */
export const junitOpening = (d: Omit<JunitDocument, 'suites'>, all: Omit<JunitCounts, 'skipped'>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(d.name)}" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${time(d.seconds)}">\n`;

/** A `<testsuite>`'s opening, with the counts of its cases. */
export const junitSuiteOpening = (d: Omit<JunitDocument, 'suites'>, name: string, n: JunitCounts): string =>
  `  <testsuite name="${xml(name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="${time(n.seconds)}" timestamp="${xml(d.timestamp)}" hostname="${xml(d.hostname ?? hostname())}">\n`;

/** A `<testsuite>`'s closing. */
export const JUNIT_SUITE_CLOSING = '  </testsuite>\n';
/** The document's closing. */
export const JUNIT_CLOSING = '</testsuites>\n';

/** A `<testcase>`, its lines each ended. */
export function junitTestcase(c: JunitCase): string {
  const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="${time(c.seconds)}"`;
  const body = [
    ...(c.skipped !== undefined ? [`      <skipped>${xml(c.skipped)}</skipped>`] : []),
    ...(c.error
      ? [
          `      <error type="${xml(c.error.type)}" message="${xml(c.error.message)}">${xml(c.error.body)}</error>`,
        ]
      : []),
    ...(c.failure
      ? [
          `      <failure type="${xml(c.failure.type)}" message="${xml(c.failure.message)}">${xml(c.failure.body)}</failure>`,
        ]
      : []),
    ...(c.systemOut !== undefined ? [`      <system-out>${xml(c.systemOut)}</system-out>`] : []),
  ];
  return body.length === 0 ? `${open}/>\n` : `${[`${open}>`, ...body, '    </testcase>'].join('\n')}\n`;
}

const countsOf = (cases: readonly JunitCase[]): JunitCounts => ({
  tests: cases.length,
  failures: cases.filter((c) => c.failure !== undefined).length,
  errors: cases.filter((c) => c.error !== undefined).length,
  skipped: cases.filter((c) => c.skipped !== undefined).length,
  seconds: cases.reduce((sum, c) => sum + c.seconds, 0),
});

/** A JUnit document whole. */
export function renderJunit(d: JunitDocument): string {
  const out = [junitOpening(d, countsOf(d.suites.flatMap((s) => s.cases)))];
  for (const suite of d.suites)
    out.push(
      junitSuiteOpening(d, suite.name, countsOf(suite.cases)),
      ...suite.cases.map(junitTestcase),
      JUNIT_SUITE_CLOSING,
    );
  out.push(JUNIT_CLOSING);
  return out.join('');
}
