/** The regression report's Markdown: each change where it belongs, and table rows that hold. */
import { describe, expect, it } from 'vitest';
import { rule } from '../../catalog/provenance.js';
import type { RegressionReport } from './report.js';
import { regressionMarkdown } from './writers.js';

const report: RegressionReport = {
  schemaVersion: 1,
  kind: 'policy-regression',
  tool: { name: 'sfn-sagemaker-conformance', version: 'test' },
  old: 'old.json',
  new: 'new.json',
  sources: ['train.asl.json'],
  options: { account: '123456789012', docRevision: 'r' },
  totals: { calls: 2, newlyDenied: 1, newlyDeniedRequired: 1, newlyAllowed: 0, unchanged: 1 },
  breaking: true,
  newlyDenied: [
    {
      call: {
        source: 'train.asl.json',
        state: 'Train | prod',
        pattern: 'sync',
        action: 'sagemaker:AddTags',
        resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/*',
        context: {},
        level: 'required',
        provenance: rule('sfn.template.by-analogy'),
        scenarios: ['success'],
      },
      before: 'allowed',
      after: 'implicitDeny',
      grantedBy: [
        {
          policy: 'old.json',
          index: 0,
          sid: 'Tags',
          effect: 'Allow',
          reason: 'its Action and Resource match',
        },
      ],
      why: 'no statement allows it',
      consequence: 'the create fails',
      flags: [],
    },
  ],
  newlyAllowed: [],
  verification: [
    {
      source: 'train.asl.json',
      state: 'Train | prod',
      action: 'sagemaker:AddTags',
      scenario: 'success\nretried',
      predicted: { old: 'SUCCEEDED', new: 'FAILED', callDenied: true },
      observed: { old: 'SUCCEEDED', new: 'FAILED', callDenied: true },
      verdict: 'confirmed',
      replay: 'npx sfn-conformance regress --verify embedded',
    },
  ],
};

describe('the regression report in Markdown', () => {
  const md = regressionMarkdown(report);

  it('leads with the breaking change, the statement that allowed it, and its consequence', () => {
    expect(md).toContain('**Breaking: 1 required call(s) newly denied.**');
    expect(md).toContain('## Breaking changes');
    expect(md).toContain(
      'was allowed by old.json statement 1 (Tags); now not allowed: no statement allows it',
    );
    expect(md).not.toContain('## Widenings');
  });

  it('keeps the verification table a table: a `|` or a line break in a cell is escaped', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| Train'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toBe(
      '| Train \\| prod | sagemaker:AddTags | success<br>retried | SUCCEEDED → FAILED, call denied | SUCCEEDED → FAILED, call denied | confirmed | `npx sfn-conformance regress --verify embedded` |',
    );
  });
});
