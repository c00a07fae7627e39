/**
 * The AWS connection as the SDK and the CLI configure it: region, profile, endpoints and
 * credentials, checked against a fake endpoint on loopback that logs where each request went and
 * how it was signed. `--target aws` talks to AWS only.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { resolveRegion } from './connect.js';
import { isolatedAwsEnvironment } from '../testing/awsEnvironment.js';

const file = isolatedAwsEnvironment('sfnc-aws-options-');

/** A fake STS on loopback: answers GetCallerIdentity, logs each request's signing key and region. */
const seen: { path: string; accessKey: string; region: string; service: string }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    // Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261201/eu-west-2/sts/aws4_request, ...
    const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
    seen.push({
      path: req.url ?? '',
      accessKey: scope?.[1] ?? '',
      region: scope?.[2] ?? '',
      service: scope?.[3] ?? '',
    });
    const body = Buffer.concat(chunks).toString('utf8');
    if (/GetCallerIdentity/.test(body) || /GetCallerIdentity/.test(String(req.headers['x-amz-target']))) {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
          '<Arn>arn:aws:iam::123456789012:user/test</Arn><UserId>AIDTEST</UserId><Account>123456789012</Account>' +
          '</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
      );
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"__type":"UnknownOperationException","message":"not faked"}');
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const plan = (...more: string[]) =>
  run('run', '--target', 'endpoint', '--plan', '--runs', '1', '--seed', '1', ...more);

describe('--target endpoint follows the endpoints the SDK is configured with', () => {
  beforeEach(() => void (seen.length = 0));

  it('AWS_ENDPOINT_URL_<SERVICE> for each service, and test credentials where the chain resolves none', async () => {
    for (const id of ['STS', 'SFN', 'IAM', 'SAGEMAKER']) process.env[`AWS_ENDPOINT_URL_${id}`] = url;
    const r = await plan();
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toEqual([{ path: '/', accessKey: 'test', region: 'us-east-1', service: 'sts' }]);
    expect(`${r.stdout}${r.stderr}`).toContain(
      `AWS-compatible endpoint ${url} (us-east-1, test credentials: none configured)`,
    );
  });

  it("a service's own variable over AWS_ENDPOINT_URL, each service where the SDK sends it", async () => {
    process.env.AWS_ENDPOINT_URL = url;
    process.env.AWS_ENDPOINT_URL_SFN = 'http://127.0.0.1:9';
    const r = await plan();
    expect(r.code, r.stderr).toBe(0);
    expect(seen.map((s) => s.service)).toEqual(['sts']);
    expect(`${r.stdout}${r.stderr}`).toContain(
      `AWS-compatible endpoints sts ${url}, sfn http://127.0.0.1:9, iam ${url}, sagemaker ${url} (us-east-1`,
    );
  });

  it("a profile's services section and its credentials and region, selected by --profile", async () => {
    process.env.AWS_CONFIG_FILE = file(
      [
        '[profile local]',
        'region = eu-west-2',
        'services = local-services',
        '[services local-services]',
        ...['sts', 'sfn', 'iam', 'sagemaker'].flatMap((s) => [`${s} =`, `  endpoint_url = ${url}`]),
        '',
      ].join('\n'),
    );
    process.env.AWS_SHARED_CREDENTIALS_FILE = file(
      '[local]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret\n',
    );
    const r = await plan('--profile', 'local');
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toEqual([{ path: '/', accessKey: 'AKIDPROFILE', region: 'eu-west-2', service: 'sts' }]);
    expect(r.stderr).not.toContain('test credentials');
    expect(`${r.stdout}${r.stderr}`).not.toContain('secret');
  });

  it('the credentials of the environment, never printed', async () => {
    process.env.AWS_ENDPOINT_URL = url;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'very-secret';
    const r = await plan();
    expect(r.code, r.stderr).toBe(0);
    expect(seen.map((s) => s.accessKey)).toEqual(['AKIDFROMENV']);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/AKIDFROMENV|very-secret/);
  });

  it('refuses, in one line, a configuration that sends some services to AWS, and a named profile without credentials', async () => {
    process.env.AWS_ENDPOINT_URL_SFN = url;
    const partial = await plan();
    expect(partial.code).toBe(2);
    expect(partial.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(partial.stderr).toMatch(
      /AWS_ENDPOINT_URL_SFN gives sfn an endpoint, but sts, iam, sagemaker would go to AWS/,
    );
    delete process.env.AWS_ENDPOINT_URL_SFN;
    const none = await plan();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--target endpoint needs --endpoint URL \(or AWS_ENDPOINT_URL/);
    // A profile that was asked for and gives no credentials is not replaced by test ones.
    process.env.AWS_ENDPOINT_URL = url;
    const ghost = await plan('--profile', 'ghost');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ghost.stderr).toMatch(/sts:GetCallerIdentity failed on .*profile "ghost"/);
    expect(seen).toEqual([]);
  });

  it('refuses an AWS_RETRY_MODE the SDK does not know', async () => {
    process.env.AWS_ENDPOINT_URL = url;
    process.env.AWS_RETRY_MODE = 'eager';
    const r = await plan();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AWS_RETRY_MODE "eager" is not a retry mode the SDK knows/);
    process.env.AWS_RETRY_MODE = 'adaptive';
    expect((await plan()).code).toBe(0);
  });
});

describe('--target aws talks to AWS', () => {
  const aws = (...more: string[]) =>
    run('run', '--target', 'aws', '--allow-account', '123456789012', '--runs', '1', ...more);

  it('refuses, before any call, while an endpoint override is in force: a service variable, the profile', async () => {
    seen.length = 0;
    process.env.AWS_ENDPOINT_URL_STS = url;
    const r = await aws();
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /--target aws must talk to AWS, but AWS_ENDPOINT_URL_STS points the SDK's sts calls at http:\/\/127\.0\.0\.1:\d+; .* --target endpoint/,
    );
    delete process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_CONFIG_FILE = file(
      `[default]\nregion = eu-west-2\n[profile local]\nendpoint_url = ${url}\n`,
    );
    // The default profile sets no endpoint: no refusal for it (the credentials are what is missing).
    expect((await aws()).stderr).not.toMatch(/must talk to AWS/);
    const p = await aws('--profile', 'local');
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/the shared config \(endpoint_url or a services section of profile "local"\)/);
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
    expect((await aws('--profile', 'local')).stderr).not.toMatch(/must talk to AWS/);
    expect(seen).toEqual([]);
    expect((await aws('--profile', 'bad name')).stderr).toMatch(/--profile "bad name" is not a profile name/);
  });
});

describe('the region', () => {
  it('is resolved as the SDK and the CLI resolve it: option, AWS_REGION, AWS_DEFAULT_REGION, the profile', async () => {
    process.env.AWS_CONFIG_FILE = file(
      '[default]\nregion = eu-west-2\n[profile cn]\nregion = cn-north-1\n[services s]\nsfn =\n  region = ap-east-1\n',
    );
    process.env.AWS_REGION = 'us-west-2';
    process.env.AWS_DEFAULT_REGION = 'eu-north-1';
    expect(await resolveRegion('ap-south-1')).toBe('ap-south-1');
    expect(await resolveRegion(undefined)).toBe('us-west-2');
    delete process.env.AWS_REGION;
    expect(await resolveRegion(undefined)).toBe('eu-north-1');
    delete process.env.AWS_DEFAULT_REGION;
    expect(await resolveRegion(undefined)).toBe('eu-west-2');
    process.env.AWS_PROFILE = 'cn';
    expect(await resolveRegion(undefined)).toBe('cn-north-1');
    process.env.AWS_PROFILE = 'nobody';
    expect(await resolveRegion(undefined)).toBe('us-east-1');
  });
});
