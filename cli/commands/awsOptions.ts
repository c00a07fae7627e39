/**
 * The options that connect `run` and `replay` to a real account or an AWS-compatible endpoint, and
 * the safety checks made before anything is created.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { integer } from '../values.js';
import { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import { describeError } from '../../suites/targets/aws/errors.js';
import { newRunId } from '../../suites/targets/aws/naming.js';
import { UsageError } from '../errors.js';
import { type BillableRaw, billableJobsOf, readAwsConfig } from './awsConfig.js';

export interface AwsRaw extends BillableRaw {
  config?: string;
  target?: string;
  endpoint?: string;
  region?: string;
  /** The shared config's profile (credentials, region, endpoint): `AWS_PROFILE` for the SDK. */
  profile?: string;
  /** Seconds a request may go unanswered. */
  requestTimeout?: string;
  /** Seconds an execution may run before the harness stops it (at most; the prediction sets less). */
  executionTimeout?: string;
  allowAccount?: string[];
  permissionsBoundary?: string;
}

/** The services the target calls, as the SDK names their endpoint variables (`AWS_ENDPOINT_URL_<ID>`). */
const SERVICE_IDS = ['STS', 'SFN', 'IAM', 'SAGEMAKER'];

/**
 * An endpoint override the SDK would follow, if one is in force (unless
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` turns them off): `AWS_ENDPOINT_URL`, a service's
 * `AWS_ENDPOINT_URL_<ID>`, or `endpoint_url` in the profile of the shared config file.
 */
export function endpointOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  if (env.AWS_ENDPOINT_URL) return 'AWS_ENDPOINT_URL';
  for (const id of SERVICE_IDS) if (env[`AWS_ENDPOINT_URL_${id}`]) return `AWS_ENDPOINT_URL_${id}`;
  const setting = profileSetting('endpoint_url', env);
  return setting ? `endpoint_url in profile "${setting.profile}" of ${setting.file}` : undefined;
}

/**
 * A setting of the profile in the shared config file (`AWS_CONFIG_FILE`, else `~/.aws/config`;
 * the profile `AWS_PROFILE`, else `default`), as the SDK and the CLI read it.
 */
export function profileSetting(
  key: string,
  env: NodeJS.ProcessEnv = process.env,
): { value: string; profile: string; file: string } | undefined {
  const file = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  const profile = env.AWS_PROFILE ?? 'default';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // The shared config's sections: `[default]`, `[profile NAME]`; a key is `name = value`.
  let section: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]\s*$/.exec(line);
    if (header) section = header[1];
    else if (section === profile) {
      const m = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (m && m[1] === key && m[2] !== '') return { value: m[2]!, profile, file };
    }
  }
  return undefined;
}

/** The region as the SDK and the CLI resolve it: the option, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's, else us-east-1. */
export function resolveRegion(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return (
    option ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? profileSetting('region', env)?.value ?? 'us-east-1'
  );
}

/** The endpoint of `--target endpoint`: `--endpoint`, else `AWS_ENDPOINT_URL`. */
export function endpointOf(raw: AwsRaw): string | undefined {
  const url = raw.endpoint ?? process.env.AWS_ENDPOINT_URL;
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(url))
    throw new UsageError(
      'bad-option',
      `--endpoint "${url}" is not an http(s) URL; e.g. --endpoint http://127.0.0.1:5000`,
    );
  return url;
}

/**
 * The AWS target the options select, connected (`args`: the options that reach it again, for
 * `sweep`; `runArgs`: those and the billable-job caps, for `replay`): sts:GetCallerIdentity answered and, on a real
 * account, the account is one `--allow-account` names.
 */
export async function connectAwsTarget(
  raw: AwsRaw,
  run: { maxConcurrency?: number } = {},
): Promise<{ target: AwsTarget; args: string; runArgs: string; account: string }> {
  const kind = raw.target as 'aws' | 'endpoint';
  // --profile is the SDK's AWS_PROFILE: its credentials, region and endpoint settings, as the CLI's.
  if (raw.profile !== undefined) {
    if (!/^[\w.+@-]+$/.test(raw.profile))
      throw new UsageError(
        'bad-option',
        `--profile "${raw.profile}" is not a profile name (letters, digits and . _ - + @)`,
      );
    process.env.AWS_PROFILE = raw.profile;
  }
  const config = raw.config === undefined ? undefined : readAwsConfig(raw.config);
  const allowAccounts = raw.allowAccount?.length ? raw.allowAccount : (config?.allowAccounts ?? []);
  const permissionsBoundary = raw.permissionsBoundary ?? config?.permissionsBoundary;
  if (kind === 'endpoint' && raw.allowBillableJobs)
    throw new UsageError(
      'bad-option',
      '--allow-billable-jobs is for --target aws; on an endpoint every case runs, creates included',
    );
  const billableJobs = billableJobsOf(raw, config);
  const region = resolveRegion(raw.region);
  const endpoint = endpointOf(raw);
  if (kind === 'endpoint' && !endpoint)
    throw new UsageError(
      'missing-option',
      '--target endpoint needs --endpoint URL (or AWS_ENDPOINT_URL), e.g. --endpoint http://127.0.0.1:5000',
    );
  if (kind === 'aws' && raw.endpoint)
    throw new UsageError(
      'bad-option',
      '--endpoint is for --target endpoint; --target aws uses the real AWS endpoints',
    );
  // --target aws must talk to AWS: with an endpoint override in force, whatever answers there would
  // vouch for the account the allow-list checks.
  const override = kind === 'aws' ? endpointOverride() : undefined;
  if (override)
    throw new UsageError(
      'endpoint-override',
      `--target aws must talk to AWS, but ${override} points the SDK elsewhere; unset it, or use --target endpoint for an AWS-compatible endpoint`,
    );
  if (permissionsBoundary !== undefined && !/^arn:aws[\w-]*:iam::\d{12}:policy\/.+/.test(permissionsBoundary))
    throw new UsageError(
      'bad-option',
      `--permissions-boundary "${permissionsBoundary}" is not an IAM policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`,
    );
  for (const a of allowAccounts)
    if (!/^\d{12}$/.test(a))
      throw new UsageError('bad-option', `--allow-account "${a}" is not a 12-digit AWS account id`);
  if (kind === 'aws' && allowAccounts.length === 0)
    throw new UsageError(
      'missing-option',
      '--target aws creates roles and state machines: name the account it may use with --allow-account ACCOUNT_ID (or allowAccounts in --config)',
    );
  const requestTimeoutMs =
    raw.requestTimeout === undefined
      ? undefined
      : integer(raw.requestTimeout, '--request-timeout', 1, 3600) * 1000;
  const executionTimeoutMs =
    raw.executionTimeout === undefined
      ? undefined
      : integer(raw.executionTimeout, '--execution-timeout', 1, 24 * 3600) * 1000;
  const target = new AwsTarget({
    kind,
    region,
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(executionTimeoutMs ? { executionTimeoutMs } : {}),
    runId: newRunId(),
    ...(kind === 'aws' ? {} : { endpoint: endpoint! }),
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
    ...(billableJobs ? { billableJobs } : {}),
    ...(run.maxConcurrency ? { maxConcurrency: run.maxConcurrency } : {}),
  });
  let account: string;
  try {
    account = await target.identify();
  } catch (e) {
    const where = kind === 'aws' ? 'AWS' : endpoint;
    if ((e as Error).name === 'TimeoutError')
      throw new UsageError(
        'unreachable',
        `${where} is unreachable: sts:GetCallerIdentity had no answer in time (${describeError(e)}); check the endpoint, or give it longer with --request-timeout SECONDS`,
      );
    throw new UsageError(
      'no-credentials',
      `sts:GetCallerIdentity failed on ${where}: ${describeError(e)}; check the credentials (default provider chain) and the endpoint`,
    );
  }
  if (kind === 'aws' && !allowAccounts.includes(account))
    throw new UsageError(
      'account-not-allowed',
      `the credentials belong to account ${account}, which --allow-account does not name; nothing was created`,
    );
  if (billableJobs && !billableJobs.sagemakerRoleArn.includes(`::${account}:`))
    throw new UsageError(
      'bad-config',
      `billableJobs.sagemakerRoleArn "${billableJobs.sagemakerRoleArn}" is not in account ${account}; jobs run as a role of the account they run in`,
    );
  const args = [
    `--target ${kind}`,
    ...(kind === 'endpoint' ? [`--endpoint ${endpoint}`] : []),
    `--region ${region}`,
    ...(kind === 'aws' ? [`--allow-account ${account}`] : []),
    ...(raw.config !== undefined ? [`--config ${raw.config}`] : []),
  ].join(' ');
  // A replay runs the case as the run did: billable cases need the same caps.
  const runArgs = [
    args,
    ...(billableJobs
      ? [
          '--allow-billable-jobs',
          `--max-billable-jobs ${billableJobs.maxJobs}`,
          ...billableJobs.instanceTypes.map((t) => `--instance-type ${t}`),
          `--max-runtime ${billableJobs.maxRuntimeInSeconds}`,
        ]
      : []),
  ].join(' ');
  return { target, args, runArgs, account };
}
