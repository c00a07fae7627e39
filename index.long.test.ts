/**
 * The library as a user gets it: the package packed (`npm pack`), unpacked into a project of its
 * own beside this one's installed dependencies (no registry is asked), imported by name, its
 * types checked by tsc, a property run with fast-check, and the internals out of reach.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname);

const USER_TEST = `import fc from 'fast-check';
import {
  EmbeddedTarget,
  EmulatedStepFunctions,
  parseMockConfig,
  predictExecution,
  selectMockCase,
  ReportSchema,
  runSuites,
  validCaseArb,
  withId,
  type Observation,
  type Target,
} from 'sfn-sagemaker-conformance';

// A property of the user's own: every valid case the emulator runs ends as the oracle predicts.
const target = new EmbeddedTarget();
await fc.assert(
  fc.asyncProperty(validCaseArb({ policy: 'predicted' }), async (content) => {
    const c = withId(content, { seed: 1, path: 'mine:0' });
    const predicted = predictExecution(c);
    // What the oracle does not know, it does not predict (Prediction.undecided).
    if (predicted.undecided) return true;
    const observed: Observation = await target.execute(c);
    return observed.created === predicted.created.value && observed.status === predicted.status?.value;
  }),
  { numRuns: 25, seed: 42 },
);

// A Target of the user's own, run by the runner.
const mine: Target = {
  kind: 'embedded',
  description: 'my target',
  capabilities: { seesCalls: true, scenarios: true },
  execute: (c) => target.execute(c),
};
const report = await runSuites({
  target: mine, runs: 5, seed: 3, concurrency: 2, suites: ['outcome'], shrinkBudget: 0,
  targetArgs: '', region: 'us-east-1', version: 'user',
});
if (!ReportSchema.safeParse(report).success) throw new Error('the report does not fit its schema');
if (report.totals.diverged !== 0) throw new Error('diverged');

// The emulator on its own.
const sfn = new EmulatedStepFunctions({ region: 'us-east-1', account: '123456789012' });
const { stateMachineArn } = sfn.createStateMachine({
  definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
});
const { executionArn } = sfn.startExecution({ stateMachineArn, input: { a: 1 } });
const result = await sfn.awaitExecution(executionArn);

// A Lambda step answered by a Step Functions Local mock configuration.
const mocks = parseMockConfig(
  {
    StateMachines: { Pipeline: { TestCases: { Happy: { Score: 'Scored' } } } },
    MockedResponses: { Scored: { '0': { Return: { Payload: { auc: 0.9 } } } } },
  },
  'mocks',
);
const mocked = sfn.createStateMachine({
  name: 'Pipeline',
  definition: {
    StartAt: 'Score',
    States: { Score: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', OutputPath: '$.Payload', End: true } },
  },
});
const scored = await sfn.awaitExecution(
  sfn.startExecution({ stateMachineArn: mocked.stateMachineArn, mock: selectMockCase(mocks, 'Happy', 'mocks') })
    .executionArn,
);
if ((scored.output as { auc: number }).auc !== 0.9) throw new Error('the mock did not answer');
console.log(JSON.stringify({ status: result.status, cases: report.totals.cases }));
`;

describe('the packed package', () => {
  it('is imported by name, typed, runs a property, and keeps its internals internal', () => {
    const work = mkdtempSync(join(tmpdir(), 'sfnc-pack-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, npm_config_ignore_scripts: 'false' },
    })
      .trim()
      .split('\n')
      .at(-1)!;
    const project = join(work, 'user-project');
    const pkg = join(project, 'node_modules', 'sfn-sagemaker-conformance');
    mkdirSync(pkg, { recursive: true });
    execFileSync('tar', ['xzf', join(work, tarball), '-C', pkg, '--strip-components', '1']);
    // The package's dependencies (and the user's fast-check and types) from this project's install.
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dep of [...Object.keys(manifest.dependencies), 'typescript', '@types/node']) {
      const at = join(project, 'node_modules', dep);
      mkdirSync(join(at, '..'), { recursive: true });
      symlinkSync(join(root, 'node_modules', dep), at, 'dir');
    }
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user', type: 'module', private: true }),
    );
    writeFileSync(join(project, 'property.ts'), USER_TEST);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: false,
          outDir: 'out',
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['property.ts'],
      }),
    );
    // Its types: the user's test compiles against the package's declarations.
    execFileSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: project,
      encoding: 'utf8',
    });
    const out = execFileSync(process.execPath, [join(project, 'out', 'property.js')], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ status: 'SUCCEEDED', cases: 5 });
    // The internals are not part of the package's interface.
    const deep = (() => {
      try {
        execFileSync(process.execPath, ['-e', "import('sfn-sagemaker-conformance/dist/suites/runner.js')"], {
          cwd: project,
          encoding: 'utf8',
          stdio: 'pipe',
        });
        return '';
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    })();
    expect(deep).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    // The command still ships.
    expect(readFileSync(join(pkg, 'bin', 'sfn-conformance.js'), 'utf8')).toContain('runCli');
  });
});
