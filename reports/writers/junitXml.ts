/**
 * JUnit XML as CI systems read it (Jenkins' schema, which the JUnit reporters of GitHub Actions
 * follow; `reports/writers/testing/jenkins-junit.xsd`): `<testsuites>` without a `skipped`
 * attribute; every `<testsuite>` with tests, failures, errors, skipped, time, timestamp and
 * hostname; every `<testcase>` with a time; a type on every failure and error; a skipped case's
 * reason as the text of its `<skipped>`.
 */
import { hostname } from 'node:os';

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

export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

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

export function renderJunit(d: JunitDocument): string {
  const all = d.suites.flatMap((s) => s.cases);
  const count = (cases: readonly JunitCase[], k: 'failure' | 'error' | 'skipped') =>
    cases.filter((c) => c[k] !== undefined).length;
  const host = xml(d.hostname ?? hostname());
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(d.name)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" time="${time(d.seconds)}">`,
  ];
  for (const suite of d.suites) {
    const seconds = suite.cases.reduce((sum, c) => sum + c.seconds, 0);
    out.push(
      `  <testsuite name="${xml(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="${count(suite.cases, 'skipped')}" time="${time(seconds)}" timestamp="${xml(d.timestamp)}" hostname="${host}">`,
    );
    for (const c of suite.cases) {
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
      if (body.length === 0) out.push(`${open}/>`);
      else out.push(`${open}>`, ...body, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
