/**
 * `run --definition`: the suites' cases drawn around users' own definitions on the emulator, the
 * states the oracle does not model left undecided, bad files refused in one line, and replay
 * commands that draw the same case again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dir, file, ROLE } from '../testing/commandLine.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

const EXAMPLES = ['processing-train-evaluate', 'jsonata-pipeline', 'create-or-update-endpoint'].map((e) =>
  join('examples', `${e}.json`),
);

/** A training job after a Wait state. */
const WITH_WAIT = file('with-wait.json', {
  StartAt: 'Pause',
  States: {
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Train' },
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': '$.jobName',
        RoleArn: ROLE,
        AlgorithmSpecification: {
          TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1',
          TrainingInputMode: 'File',
        },
        OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-bucket/out' },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      End: true,
    },
  },
});

interface Line {
  id: string;
  suite: string;
  verdict: string;
  undecidedReason?: string;
  replay: { path: string; command: string };
}

const casesOf = (report: string): Line[] =>
  readFileSync(join(report, 'cases.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('run --definition', () => {
  it('modelled definitions: no divergence on the emulator, every case decided; a replay draws the same case', async () => {
    const report = join(dir, 'definitions-modelled');
    const result = await run(
      'run',
      '--definition',
      ...EXAMPLES,
      '--runs',
      '12',
      '--seed',
      '1',
      '--report',
      report,
      '--quiet',
    );
    expect(result.code, result.stderr).toBe(0);
    // The validation suite draws machines of its own: four suites of 12 cases.
    expect(result.stdout).toMatch(/48 cases: 48 matched, 0 diverged, 0 errored \(seed 1/);
    const cases = casesOf(report);
    expect(new Set(cases.map((c) => c.suite))).toEqual(
      new Set(['sufficiency', 'necessity', 'outcome', 'patterns']),
    );
    const chosen = cases.find((c) => c.replay.path === 'outcome:4')!;
    expect(chosen.replay.command).toContain(`--definition ${EXAMPLES.join(' --definition ')}`);
    const args = chosen.replay.command.replace(/^npx sfn-conformance /, '').split(' ');
    const replayed = await run(...args, '--format', 'json');
    expect(replayed.code, replayed.stderr).toBe(0);
    const again = JSON.parse(replayed.stdout) as {
      id: string;
      verdict: string;
      case: { definition: unknown };
    };
    expect(again.id).toBe(chosen.id);
    expect(again.verdict).toBe('match');
    // Case k is drawn around definition k mod 3.
    expect(again.case.definition).toEqual(JSON.parse(readFileSync(EXAMPLES[4 % 3]!, 'utf8')));
    // Replayed by its id, the case needs its definitions again, and says how.
    const byId = await run('replay', join(report, 'report.json'), chosen.id);
    expectOneLine(
      byId,
      /was drawn around definitions: give them as its run did: .*--definition examples\/processing/,
    );
    const byIdWith = await run(
      'replay',
      join(report, 'report.json'),
      chosen.id,
      ...EXAMPLES.flatMap((e) => ['--definition', e]),
    );
    expect(byIdWith.code, byIdWith.stderr).toBe(0);
  });

  it('a Wait state: the outcome is undecided, the reason names the state', async () => {
    const report = join(dir, 'definitions-wait');
    const result = await run(
      'run',
      '--definition',
      WITH_WAIT,
      '--runs',
      '6',
      '--seed',
      '2',
      '--report',
      report,
      '--quiet',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('state "Pause": Wait states are not modelled');
    const cases = casesOf(report);
    const undecided = cases.filter((c) => c.verdict === 'undecided');
    // Only a case whose creation is refused (a managed rule's permission taken away) is decided.
    expect(undecided.length).toBeGreaterThanOrEqual(20);
    expect(cases.every((c) => c.verdict === 'undecided' || c.verdict === 'match')).toBe(true);
    for (const c of undecided) expect(c.undecidedReason).toBe('state "Pause": Wait states are not modelled');
  });

  it('a file that is missing, not JSON, not a definition, or without a SageMaker task: exit 2, one line naming it', async () => {
    const missing = join(dir, 'no-such-definition.json');
    expectOneLine(
      await run('run', '--definition', missing, '--runs', '1'),
      /no-such-definition\.json.*no such file/,
    );
    const broken = file('broken-definition.json', '{"StartAt": ');
    expectOneLine(
      await run('run', '--definition', EXAMPLES[0]!, broken, '--runs', '1'),
      /broken-definition\.json/,
    );
    const invalid = file('invalid-definition.json', {
      StartAt: 'Nowhere',
      States: { A: { Type: 'Succeed' } },
    });
    expectOneLine(await run('run', '--definition', invalid, '--runs', '1'), /invalid-definition\.json/);
    const noTask = file('no-task.json', { StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    expectOneLine(
      await run('run', '--definition', noTask, '--runs', '1'),
      /no-task\.json" has no SageMaker optimized-integration Task state/,
    );
    expectOneLine(
      await run('run', '--definition', EXAMPLES[0]!, '--suite', 'validation', '--runs', '1'),
      /--suite validation draws machines of its own and does not take --definition/,
    );
    expectOneLine(
      await run('run', '--definition', EXAMPLES[0]!, '--workers', '2', '--runs', '1'),
      /--workers is not available with --definition/,
    );
  });
});
