/**
 * report.md from a fixture report, held to the expected file (testing/fixture.report.md): the
 * matrix with its counts, every provenance group and the target's own, normalised diffs with
 * numbered placeholders, replay commands, undecided and skipped cases, cells that stay cells.
 * Regenerate the expected file with `npx vitest run --project unit -u reports/writers` and read
 * the diff.
 */
import { renderReport } from './format.js';
import { describe, expect, it } from 'vitest';
import { markdownFormat } from './markdown.js';
import { fixtureReport } from './testing/fixtureReport.js';

describe('report.md', () => {
  const md = renderReport(markdownFormat, fixtureReport());

  it('is the expected file for the fixture report', async () => {
    await expect(md).toMatchFileSnapshot('./testing/fixture.report.md');
  });

  it('numbers placeholders by first appearance: one value, one number; two values, two', () => {
    // The shrunk case names two training jobs: <arn:1> and <arn:2>, each everywhere it appears.
    expect(md).toContain(
      '(~) calls/0 "sagemaker:AddTags <arn:1> implicitDeny" -> "sagemaker:AddTags <arn:1> allowed"',
    );
    // The same job in a cause, quoted inside JSON: the same number (the escaped quote is not part of the ARN).
    expect(md).toContain(
      '(~) cause "contains \\"not authorized\\", \\"<arn:1>\\"" -> "request <uuid:1> on <arn:2>"',
    );
    expect(md).toContain('<uuid:1>');
  });

  it('groups divergences by cause, each group in the section of how far it can be trusted, the target failures apart', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('### ') || l.startsWith('#### '));
    expect(headings).toEqual([
      '### The target failed to answer (1 case, 1 cause)',
      '#### 1 × harness.target-answers broken at state "Endpoint" (CreateEndpoint requestResponse): no answer: StartExecution',
      '### From documented expectations (1 case, 1 cause)',
      '#### 1 × asl.retry broken at state "Train | prod" (CreateTrainingJob sync): ends FAILED States.TaskFailed',
      // A report written before causes: its difference paths.
      '### From observed expectations (1 case, 1 cause)',
      '#### 1 × error',
      // A documented rule broken, where the prediction rests on an inferred one too.
      '### From inferred expectations (1 case, 1 cause)',
      '#### 1 × iam.evaluation.implicit-deny broken at state "Train | prod" (CreateTrainingJob sync): calls: a call the policy denies (implicitDeny) allowed',
      '### Errors (1)',
    ]);
  });

  it("names the rule a group's cause breaks, what the prediction rests on where that is another rule, and what the target said", () => {
    const group = md.slice(md.indexOf('#### 1 × iam.evaluation.implicit-deny'));
    expect(group).toContain('Rule broken (documented):\n\n- `iam.evaluation.implicit-deny` (documented)');
    expect(group).toContain('The prediction rests on (inferred):\n\n- `sfn.template.by-analogy` (inferred)');
    const retry = md.slice(md.indexOf('#### 1 × asl.retry'), md.indexOf('### From observed'));
    expect(retry).not.toContain('The prediction rests on');
    expect(md).toContain('The target said: ` StartExecution: InternalFailure (HTTP 500): boom `');
  });

  it('counts a group and lists its other cases', () => {
    const report = fixtureReport();
    const other = { ...report.cases[6]!, id: 'nece9c0ffee9', shrunk: undefined };
    report.cases.push(other);
    const grouped = renderReport(markdownFormat, report);
    expect(grouped).toContain('#### 2 × iam.evaluation.implicit-deny');
    expect(grouped).toContain('Also: necessity nece9c0ffee9.');
  });

  it('keeps every row of a table a row: a `|` in a cell is escaped', () => {
    const report = fixtureReport();
    report.cases[0] = { ...report.cases[0]!, api: 'Train | prod\nnext' };
    const row = renderReport(markdownFormat, report)
      .split('\n')
      .find((l) => l.startsWith('| Train'))!;
    expect(row).toBe('| Train \\| prod<br>next | sync | 1 / 0 / 0 |  |');
  });
});
