/**
 * `serve` on the command line: bad input is one line and exit 2; started as a real process it
 * prints its endpoint, answers the SDK, and closes cleanly (exit 0) on SIGTERM and SIGINT.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from '../testing/runInProcess.js';
import { checkHost } from './serve.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');

/** Mock files: one that is not JSON, one that is not a mock configuration, one naming a response it lacks. */
const dir = mkdtempSync(join(tmpdir(), 'serve-mock-'));
const file = (name: string, content: string | object) => {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return join(dir, name);
};
const NOT_JSON = file('not-json.json', '{"StateMachines": ');
const NOT_MOCKS = file('not-mocks.json', '{"StateMachines": {}, "Responses": {}}');
const DANGLING = file(
  'dangling.json',
  JSON.stringify({ StateMachines: { M: { TestCases: { T: { S: 'Gone' } } } }, MockedResponses: {} }),
);

describe('serve: bad input', () => {
  it.each([
    [['--port', 'abc'], /--port "abc" must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port "70000" must be an integer from 0 to 65535/],
    [['--port', '-1'], /--port "-1" must be an integer/],
    [['--host', '192.0.2.1'], /--host 192\.0\.2\.1 is not a loopback address.*--allow-remote/],
    [['--host', '10.1.2.3', '--port', '0'], /--host 10\.1\.2\.3 is not a loopback address/],
    // --allow-remote lets the host through; this one is no address of the machine.
    [
      ['--host', '192.0.2.1', '--allow-remote', '--port', '0'],
      /--host 192\.0\.2\.1 is not an address of this machine/,
    ],
    [
      ['--host', 'no-such-host.invalid'],
      /--host no-such-host\.invalid is not an address or a name this machine resolves/,
    ],
    [['--port', '0', '--region', 'nowhere'], /--region "nowhere" is not a region name/],
    [['--port', '0', '--account', '12'], /--account "12" is not a 12-digit AWS account id/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--port', '0', '--clock', 'foo'], /--clock "foo" is unknown; use virtual or real/],
    [['--port', '0', '--mock', join(dir, 'missing.json')], /missing\.json/],
    [['--port', '0', '--mock', NOT_JSON], /not-json\.json.*line 1/],
    [
      ['--port', '0', '--mock', NOT_MOCKS],
      /mock file ".*not-mocks\.json" is not a Step Functions Local mock configuration/,
    ],
    [
      ['--port', '0', '--mock', DANGLING],
      /mock file ".*dangling\.json": test case M#T mocks the state "S" with "Gone", which MockedResponses does not define/,
    ],
  ])('serve %j: exit 2, one line', async (args, fragment) => {
    expectOneLine(await run('serve', ...args), fragment);
  });

  it('a scenario file that is not one: exit 2, one line naming the file and the field', async () => {
    const unknown = file('serve-s1.json', { jobs: {} });
    expectOneLine(
      await run('serve', '--port', '0', '--scenario', unknown),
      new RegExp(`scenario file "${unknown}": unknown field "jobs"`),
    );
    expectOneLine(
      await run(
        'serve',
        '--port',
        '0',
        '--scenario',
        file('serve-s2.json', { job: { outcome: 'Exploded' } }),
      ),
      /job must be \{ "outcome": Completed\|Failed\|Stopped/,
    );
    expectOneLine(await run('serve', '--port', '0', '--scenario', '/nonexistent/s.json'), /s\.json/);
  });

  it.each([
    ['not JSON', '{"version": 1, "iam": ', /is not valid JSON/],
    ['another version', '{"version": 2}', /is not a state file of version 1 \(its version: 2\)/],
    ['no state', '[1, 2]', /is not a state file of version 1; move it away/],
    ['a part missing', '{"version": 1, "iam": {}, "sagemaker": {}}', /has no "stepFunctions"/],
    [
      'a part damaged',
      '{"version": 1, "stepFunctions": {}, "iam": {"roles": 7}, "sagemaker": {}}',
      /is damaged: /,
    ],
  ])(
    '--state with a state.json that is %s: exit 2, one line, the file left as it is',
    async (_, content, fragment) => {
      const state = mkdtempSync(join(tmpdir(), 'serve-state-'));
      const stateFile = join(state, 'state.json');
      writeFileSync(stateFile, content);
      const ran = await run('serve', '--port', '0', '--state', state);
      expectOneLine(ran, new RegExp(`state file "${stateFile}"`));
      expectOneLine(ran, fragment);
      expect(readFileSync(stateFile, 'utf8')).toBe(content);
    },
  );

  it('--state naming a file: exit 2, one line', async () => {
    const notDir = file('state-is-a-file', 'keep me');
    expectOneLine(
      await run('serve', '--port', '0', '--state', notDir),
      new RegExp(`--state "${notDir}" is a file, not a directory`),
    );
    expectOneLine(
      await run('serve', '--port', '0', '--state', join(notDir, 'below')),
      /below": cannot create the directory \(its parent is a file\)/,
    );
    expect(readFileSync(notDir, 'utf8')).toBe('keep me');
  });

  it('a port in use: exit 2, one line', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      expectOneLine(
        await run('serve', '--port', String(port)),
        new RegExp(`--port ${port}: the port is in use`),
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('serve: --host', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.2', '127.0.0.2'],
    ['localhost', 'localhost'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
  ])('%s is loopback: taken without --allow-remote', async (given, host) => {
    expect(await checkHost(given, false)).toEqual({ host, remote: false });
  });

  it.each(['0.0.0.0', '10.1.2.3', '::', '192.0.2.1'])(
    '%s is not loopback: refused, or remote with --allow-remote',
    async (given) => {
      await expect(checkHost(given, false)).rejects.toThrow(/is not a loopback address.*--allow-remote/);
      expect(await checkHost(given, true)).toEqual({ host: given, remote: true });
    },
  );
});

describe('serve: a real process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves the SDK on a free port, and on %s closes with exit 0',
    async (signal) => {
      const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--port', '0'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m =
            /serving Step Functions \(JSON 1\.0\), SageMaker \(JSON 1\.1\), IAM and STS \(query\) at (http:\/\/127\.0\.0\.1:\d+)/.exec(
              stdout,
            );
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`serve ended before listening: ${stderr}`)));
      });
      expect(stdout).toMatch(
        /execution roles enforced; virtual clock; no mocks; .*; request bodies up to 2097152 bytes/,
      );
      const sfn = new SFNClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      });
      expect((await sfn.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
      sfn.destroy();
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stdout).toContain(`stopped (${signal})`);
      expect(stderr).toBe('');
    },
  );

  it('--state: the account written on SIGTERM is loaded by the next server, which says so', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'serve-state-')), 'made');
    /** Starts a server on the state directory: its first line and its endpoint. */
    const start = async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', entry, 'serve', '--port', '0', '--state', state],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let stdout = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('\n')) resolve();
        });
        child.once('exit', () => reject(new Error('serve ended before listening')));
      });
      return { child, exited, line: stdout, url: /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]! };
    };
    const first = await start();
    expect(first.line).toContain(
      `; state kept in ${state} (0 state machines, 0 roles loaded). Ctrl-C stops it.`,
    );
    const iam = new IAMClient({
      endpoint: first.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'kept',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    iam.destroy();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = await start();
    expect(second.line).toContain(`; state kept in ${state} (0 state machines, 1 role loaded).`);
    const again = new IAMClient({
      endpoint: second.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    // An answer first: a signal the moment the first line is out may come before the server watches for it.
    expect((await again.send(new GetRoleCommand({ RoleName: 'kept' }))).Role?.RoleName).toBe('kept');
    again.destroy();
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('says its clock and the test cases of its mock file', async () => {
    const mocks = file(
      'good.json',
      JSON.stringify({
        StateMachines: { M: { TestCases: { T: { S: 'Ok' }, U: { S: 'Ok' } } } },
        MockedResponses: { Ok: { '0': { Return: 1 } } },
      }),
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', entry, 'serve', '--port', '0', '--clock', 'real', '--mock', mocks],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('\n')) resolve();
      });
      child.once('exit', () => reject(new Error('serve ended before listening')));
    });
    expect(stdout).toMatch(
      /; real clock; 2 mock test cases from .*good\.json \(StartExecution ARN#TestCase\); /,
    );
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const sfn = new SFNClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    expect((await sfn.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
    sfn.destroy();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
