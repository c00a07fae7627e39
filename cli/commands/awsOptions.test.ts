/** `--target aws` talks to AWS: an endpoint override the SDK would follow is refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { endpointOverride, resolveRegion } from './awsOptions.js';

const dir = mkdtempSync(join(tmpdir(), 'sfnc-aws-options-'));
const config = (text: string) => {
  const path = join(dir, `config-${Math.abs(text.length)}`);
  writeFileSync(path, text);
  return path;
};
const none = join(dir, 'no-such-config');

describe('endpoint overrides', () => {
  it('are found where the SDK reads them: AWS_ENDPOINT_URL, a service variable, the profile', () => {
    expect(endpointOverride({ AWS_CONFIG_FILE: none })).toBeUndefined();
    expect(endpointOverride({ AWS_CONFIG_FILE: none, AWS_ENDPOINT_URL: 'http://x' })).toBe(
      'AWS_ENDPOINT_URL',
    );
    expect(endpointOverride({ AWS_CONFIG_FILE: none, AWS_ENDPOINT_URL_STS: 'http://x' })).toBe(
      'AWS_ENDPOINT_URL_STS',
    );
    const file = config(
      '[default]\nregion = eu-west-2\n\n[profile local]\nendpoint_url = http://127.0.0.1:4566\n',
    );
    expect(endpointOverride({ AWS_CONFIG_FILE: file })).toBeUndefined();
    expect(endpointOverride({ AWS_CONFIG_FILE: file, AWS_PROFILE: 'local' })).toMatch(
      /endpoint_url in profile "local"/,
    );
    expect(
      endpointOverride({
        AWS_CONFIG_FILE: file,
        AWS_PROFILE: 'local',
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
      }),
    ).toBeUndefined();
  });
});

describe('run --target aws', () => {
  const saved = process.env.AWS_ENDPOINT_URL_STS;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = saved;
  });

  it('refuses to run while an override points the SDK elsewhere, before any call', async () => {
    process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:1';
    let stderr = '';
    const code = await runCli(['run', '--target', 'aws', '--allow-account', '123456789012', '--runs', '1'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /--target aws must talk to AWS, but AWS_ENDPOINT_URL_STS points the SDK elsewhere; .* --target endpoint/,
    );
  });
});

describe('the region', () => {
  it('is resolved as the SDK and the CLI resolve it: option, AWS_REGION, AWS_DEFAULT_REGION, the profile', () => {
    const file = config('[default]\nregion = eu-west-2\n[profile cn]\nregion = cn-north-1\n');
    expect(resolveRegion('ap-south-1', { AWS_REGION: 'us-west-2', AWS_CONFIG_FILE: file })).toBe(
      'ap-south-1',
    );
    expect(
      resolveRegion(undefined, {
        AWS_REGION: 'us-west-2',
        AWS_DEFAULT_REGION: 'eu-north-1',
        AWS_CONFIG_FILE: file,
      }),
    ).toBe('us-west-2');
    expect(resolveRegion(undefined, { AWS_DEFAULT_REGION: 'eu-north-1', AWS_CONFIG_FILE: file })).toBe(
      'eu-north-1',
    );
    expect(resolveRegion(undefined, { AWS_CONFIG_FILE: file })).toBe('eu-west-2');
    expect(resolveRegion(undefined, { AWS_CONFIG_FILE: file, AWS_PROFILE: 'cn' })).toBe('cn-north-1');
    expect(resolveRegion(undefined, { AWS_CONFIG_FILE: none })).toBe('us-east-1');
  });
});

describe('--profile', () => {
  const saved = { file: process.env.AWS_CONFIG_FILE, profile: process.env.AWS_PROFILE };
  afterEach(() => {
    for (const [k, v] of [
      ['AWS_CONFIG_FILE', saved.file],
      ['AWS_PROFILE', saved.profile],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  async function run(...argv: string[]) {
    let stderr = '';
    const code = await runCli(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
    return { code, stderr };
  }

  it("selects the shared config's profile, as AWS_PROFILE does: its endpoint_url keeps --target aws from running", async () => {
    process.env.AWS_CONFIG_FILE = config(
      '[default]\nregion = eu-west-2\n[profile local]\nendpoint_url = http://127.0.0.1:4566\n',
    );
    delete process.env.AWS_PROFILE;
    const args = [
      'run',
      '--target',
      'aws',
      '--allow-account',
      '123456789012',
      '--runs',
      '1',
      '--profile',
      'local',
    ];
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/endpoint_url in profile "local"/);
    expect((await run('run', '--target', 'aws', '--runs', '1', '--profile', 'bad name')).stderr).toMatch(
      /--profile "bad name" is not a profile name/,
    );
  });
});
