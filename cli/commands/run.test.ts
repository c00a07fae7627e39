/**
 * `run` on the command line: the suites on the emulator, mutants, the report files, the options
 * of the AWS target, --quiet, several emulator mutants at once.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseResultSchema, ReportSchema } from '../../reports/report.js';
import { dir, expectUsageError, file } from '../testing/commandLine.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

describe('run', () => {
  it('runs the suites on the emulator, writes the four reports, exit 0', async () => {
    const report = join(dir, 'run-ok');
    const result = await run('run', '--runs', '15', '--seed', '4', '--report', report);
    expect(result.code).toBe(0);
    // Undecided: a .sync job that outlasts its HeartbeatSeconds while polled (sfn.sync.heartbeat).
    expect(result.stdout).toMatch(
      /75 cases: (\d+) matched, 0 diverged, 0 errored(, (\d+) undecided)? \(seed 4/,
    );
    const [, matched, , undecided] =
      /75 cases: (\d+) matched, 0 diverged, 0 errored(, (\d+) undecided)?/.exec(result.stdout)!;
    expect(Number(matched) + Number(undecided ?? 0)).toBe(75);
    expect(Number(undecided ?? 0)).toBeLessThan(8);
    for (const f of ['report.json', 'report.md', 'junit.xml', 'cases.jsonl'])
      expect(existsSync(join(report, f)), f).toBe(true);
    expect(readFileSync(join(report, 'cases.jsonl'), 'utf8').trim().split('\n')).toHaveLength(75);
    const junit = readFileSync(join(report, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    // A testcase per suite, API, pattern and query language that has a case.
    const cells = new Set(
      readFileSync(join(report, 'cases.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as { suite: string; api: string; pattern: string; queryLanguage: string },
        )
        .map((c) => `${c.suite} ${c.api} ${c.pattern} ${c.queryLanguage}`),
    );
    expect(junit.match(/<testcase /g)).toHaveLength(cells.size);
    // report.json lists every case in the run's order, summarised; cases.jsonl holds each whole.
    const json = ReportSchema.parse(JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')));
    expect(json.schemaVersion).toBe(2);
    expect(json.cases.map((c) => c.replay.path)).toEqual(
      json.suites.flatMap((s) => Array.from({ length: 15 }, (_, i) => `${s}:${i}`)),
    );
    expect(json.cases.every((c) => c.predicted === undefined && c.observed === undefined)).toBe(true);
    const lines = readFileSync(join(report, 'cases.jsonl'), 'utf8').trim().split('\n');
    expect(lines.every((l) => CaseResultSchema.parse(JSON.parse(l)).predicted !== undefined)).toBe(true);
    expect(readdirSync(report).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('exit 1 with a mutant: the divergence is shrunk, with a replay command that reproduces it', async () => {
    const report = join(dir, 'run-mutant');
    const result = await run(
      'run',
      '--runs',
      '40',
      '--seed',
      '1',
      '--suite',
      'necessity',
      '--emulator-mutant',
      'passrole-not-checked',
      '--report',
      report,
      '--shrink-budget',
      '30',
    );
    expect(result.code).toBe(1);
    const body = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as {
      cases: { id: string; verdict: string; replay: { command: string }; shrunk?: { id: string } }[];
    };
    const diverged = body.cases.find((c) => c.verdict === 'diverged')!;
    expect(diverged.shrunk).toBeDefined();
    expect(diverged.replay.command).toContain('--emulator-mutant passrole-not-checked');
    const md = readFileSync(join(report, 'report.md'), 'utf8');
    // One missing call is one difference, under the rule it breaks.
    expect(md).toMatch(/\(-\) calls\/\d+ "iam:PassRole <arn:\d+> (allowed|implicitDeny)"/);
    expect(md).toMatch(/#### \d+ × sagemaker\.passrole-checked broken at .*: calls: missing iam:PassRole/);
    expect(md).toContain(
      `Replay the shrunk case: \`npx sfn-conformance replay ${join(report, 'report.json')} ${diverged.shrunk!.id}\``,
    );
    const args = diverged.replay.command.replace(/^npx sfn-conformance /, '').split(' ');
    const replayed = await run(...args, '--format', 'json');
    expect(replayed.code).toBe(1);
    expect((JSON.parse(replayed.stdout) as { id: string }).id).toBe(diverged.id);
    const byReport = await run('replay', join(report, 'report.json'), diverged.shrunk!.id);
    expect(byReport.code).toBe(1);
    expect(byReport.stdout).toContain('diverged');
  });

  it('--workers 2 writes the report one thread writes', async () => {
    const reports = ['1', '2'].map((w) => join(dir, `workers-${w}`));
    for (const [i, report] of reports.entries())
      expect(
        (
          await run(
            'run',
            '--runs',
            '6',
            '--seed',
            '4',
            '--emulator-mutant',
            'addtags-not-checked',
            '--workers',
            String(i + 1),
            '--quiet',
            '--report',
            report,
          )
        ).code,
      ).toBe(1);
    // The same but for the time each case took and the report's own path in replay commands.
    const cases = (report: string) =>
      (
        JSON.parse(readFileSync(join(report, 'report.json'), 'utf8').replaceAll(report, 'REPORT')) as {
          cases: Record<string, unknown>[];
        }
      ).cases.map(({ durationMs: _d, ...c }) => c);
    expect(cases(reports[1]!)).toEqual(cases(reports[0]!));
    expect(cases(reports[0]!).some((c) => c.verdict === 'diverged')).toBe(true);
  });

  it('refuses to overwrite a report, lists mutants, rejects bad options with exit 2', async () => {
    const report = join(dir, 'run-twice');
    expect(
      (await run('run', '--runs', '2', '--seed', '1', '--suite', 'outcome', '--report', report)).code,
    ).toBe(0);
    expectUsageError(
      await run('run', '--runs', '2', '--seed', '1', '--report', report),
      'already holds cases.jsonl, junit.xml, report.html, report.json, report.md',
    );
    expect(
      (
        await run(
          'run',
          '--runs',
          '2',
          '--seed',
          '1',
          '--suite',
          'outcome',
          '--report',
          report,
          '--overwrite',
        )
      ).code,
    ).toBe(0);
    const list = await run('run', '--list-mutants');
    expect(list.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(8);
    expectUsageError(await run('run', '--suite', 'speed'), '--suite "speed" is unknown');
    expectUsageError(await run('run', '--emulator-mutant', 'nope'), '--emulator-mutant "nope" is unknown');
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws'),
      'name the account it may use with --allow-account',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'endpoint'),
      '--target endpoint needs --endpoint URL',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'endpoint', '--endpoint', 'localhost:5000'),
      'is not an http(s) URL',
    );
    expectUsageError(await run('run', '--seed', '1', '--plan'), 'are for --target aws or endpoint');
    expectUsageError(
      await run(
        'run',
        '--seed',
        '1',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:1',
        '--workers',
        '2',
      ),
      '--workers is for --target embedded',
    );
    expectUsageError(await run('run', '--seed', '1', '--workers', '0'), '--workers');
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws', '--allow-account', '12345'),
      'is not a 12-digit AWS account id',
    );
    expectUsageError(
      await run('sweep', '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:1'),
      'needs --run-id',
    );
    expectUsageError(await run('run', '--runs', '0'), '--runs "0" must be an integer');
    expectUsageError(await run('replay', join(dir, 'nope.json'), 'x'), 'no such file');
    expectUsageError(
      await run('replay', '--suite', 'outcome'),
      'replay needs <report.json> <caseId>, or --suite, --seed and --path',
    );
  });
});

describe('run: the AWS config file and the billable-job options', () => {
  const aws = ['run', '--seed', '1', '--target', 'aws', '--allow-account', '123456789012'];
  const jobs = {
    sagemakerRoleArn: 'arn:aws:iam::123456789012:role/MySageMaker',
    trainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:1',
    inputS3Uri: 's3://my-bucket/in',
    outputS3Uri: 's3://my-bucket/out',
  };

  it('names the field of a bad config file, and how to fix it', async () => {
    const bad = file(
      'bad-config.json',
      JSON.stringify({ billableJobs: { ...jobs, inputS3Uri: 'my-bucket/in' } }),
    );
    expectUsageError(
      await run(...aws, '--config', bad, '--allow-billable-jobs'),
      `config file "${bad}" at /billableJobs/inputS3Uri: must be an s3://bucket/key URI`,
    );
    const unknown = file('unknown-config.json', JSON.stringify({ billableJob: jobs }));
    expectUsageError(await run(...aws, '--config', unknown), `config file "${unknown}" at (top level)`);
    const types = file(
      'types-config.json',
      JSON.stringify({ billableJobs: { ...jobs, instanceTypes: ['m5.large'] } }),
    );
    expectUsageError(
      await run(...aws, '--config', types),
      'at /billableJobs/instanceTypes/0: is not a SageMaker instance type',
    );
  });

  it('refuses billable jobs without their config, on an endpoint, or options without --allow-billable-jobs', async () => {
    expectUsageError(await run(...aws, '--allow-billable-jobs'), '--allow-billable-jobs needs --config FILE');
    const noJobs = file('no-jobs-config.json', JSON.stringify({ allowAccounts: ['123456789012'] }));
    expectUsageError(
      await run(...aws, '--config', noJobs, '--allow-billable-jobs'),
      'with a "billableJobs" section',
    );
    expectUsageError(await run(...aws, '--max-billable-jobs', '3'), 'take effect with --allow-billable-jobs');
    const good = file('good-config.json', JSON.stringify({ billableJobs: jobs }));
    expectUsageError(
      await run(...aws, '--config', good, '--allow-billable-jobs', '--instance-type', 'ml.huge'),
      '--instance-type "ml.huge" is not a SageMaker instance type',
    );
    expectUsageError(
      await run(...aws, '--config', good, '--allow-billable-jobs', '--max-runtime', '0'),
      '--max-runtime "0" must be an integer from 1 to 86400',
    );
    expectUsageError(
      await run(
        'run',
        '--seed',
        '1',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:1',
        '--allow-billable-jobs',
      ),
      '--allow-billable-jobs is for --target aws',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--allow-billable-jobs'),
      'are for --target aws or endpoint',
    );
  });

  it('takes the accounts a run may use from the config file', async () => {
    const accounts = file('accounts-config.json', JSON.stringify({ allowAccounts: ['12345'] }));
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws', '--config', accounts),
      'at /allowAccounts/0: must be a 12-digit AWS account id',
    );
  });
});

const base = mkdtempSync(join(tmpdir(), 'sfnc-run-'));

describe('run: its outputs', () => {
  it('--quiet writes neither the line that says what runs nor progress, and the summary still prints', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-quiet-')), 'r');
    const r = await run(
      'run',
      '--runs',
      '2',
      '--seed',
      '1',
      '--suite',
      'outcome',
      '--report',
      dir,
      '--quiet',
      '--progress',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^2 cases: 2 matched/);
    // A drawn seed is still told, once the report files are open.
    const drawn = await run(
      'run',
      '--runs',
      '2',
      '--suite',
      'outcome',
      '--report',
      `${dir}-drawn`,
      '--quiet',
    );
    expect(drawn.code).toBe(0);
    expect(drawn.stderr).toMatch(/^seed: \d+ \(pass --seed \d+ to reproduce\)\n$/);
  });

  it('--emulator-mutant twice runs the emulator with both: the report names both, replay takes both', async () => {
    const dir = join(base, 'two-mutants');
    const r = await run(
      'run',
      '--runs',
      '20',
      '--seed',
      '1',
      '--suite',
      'necessity',
      '--emulator-mutant',
      'passrole-not-checked',
      '--emulator-mutant',
      'addtags-not-checked',
      '--shrink-budget',
      '0',
      '--quiet',
      '--report',
      dir,
    );
    expect(r.code, r.stderr).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    expect(report.target.mutant).toBe('passrole-not-checked,addtags-not-checked');
    expect(report.target.description).toContain('passrole-not-checked, addtags-not-checked');
    const diverged = report.cases.find((c) => c.verdict === 'diverged')!;
    expect(diverged.replay.command).toContain(
      '--target embedded --emulator-mutant passrole-not-checked --emulator-mutant addtags-not-checked',
    );
    // Replayed from the report, the case runs on the emulator with both mutants again.
    const replayed = await run('replay', join(dir, 'report.json'), diverged.id);
    expect(replayed.code, replayed.stderr).toBe(1);
    expect(replayed.stdout).toMatch(/^diverged: necessity /);
  });

  it('an unknown one of several mutants is exit 2 with one line', async () => {
    expectOneLine(
      await run(
        'run',
        '--runs',
        '1',
        '--emulator-mutant',
        'passrole-not-checked',
        '--emulator-mutant',
        'nope',
        '--report',
        join(base, 'unknown-mutant'),
      ),
      /--emulator-mutant "nope" is unknown; see sfn-conformance run --list-mutants/,
    );
  });

  it('a report file it cannot open is one line, the drawn seed not printed before it', async () => {
    const report = mkdtempSync(join(tmpdir(), 'sfnc-part-'));
    // A directory where the run puts a part file: opening it fails after the directory's checks.
    mkdirSync(join(report, '.report.json.part'));
    expectOneLine(await run('run', '--runs', '2', '--report', report, '--overwrite'), /EISDIR/);
  });
});
