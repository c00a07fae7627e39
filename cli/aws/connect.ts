/**
 * The options that connect `run` and `replay` to a real account or an AWS-compatible endpoint, and
 * the safety checks made before anything is created.
 */
import { checkAccount, checkRegion, integer } from '../values.js';
import { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import {
  type AwsClients,
  configuredEndpoints,
  endpointCredentials,
  makeClients,
} from '../../suites/targets/aws/clients.js';
import { describeError } from '../../suites/targets/aws/errors.js';
import { newRunId } from '../../suites/targets/aws/naming.js';
import type { AwsTargetOptions } from '../../suites/targets/aws/options.js';
import { UsageError } from '../../contracts/usageError.js';
import { type BillableRaw, billableJobsOf, readAwsConfig } from './config.js';

/** The AWS target options as the command line gives them. */
export interface AwsRaw extends BillableRaw {
  config?: string;
  target?: string;
  endpoint?: string;
  region?: string;
  /** The shared config's profile (credentials, region, endpoint): `AWS_PROFILE` for the SDK. */
  profile?: string;
  /** Seconds a request may go unanswered. */
  requestTimeout?: string;
  /** Seconds every execution may run before the harness stops it (default: from its prediction). */
  executionTimeout?: string;
  /** On an endpoint: pace calls at AWS's quotas all the same. */
  clientQuotas?: boolean;
  allowAccount?: string[];
  permissionsBoundary?: string;
  /** `run --plan`: print what would be created, create nothing. */
  plan?: boolean;
  /** With `--plan`: the account to plan for, without asking the credentials. */
  account?: string;
}

/** The services the target calls, by their clients, as the SDK names their variables (`AWS_ENDPOINT_URL_<ID>`). */
const SERVICE_IDS = { sts: 'STS', sfn: 'SFN', iam: 'IAM', sagemaker: 'SAGEMAKER' } as const;
type Service = keyof typeof SERVICE_IDS;

/** Where an endpoint the SDK follows for a service is configured, for the messages that name it. */
function overrideSource(service: Service, env: NodeJS.ProcessEnv = process.env): string {
  const own = `AWS_ENDPOINT_URL_${SERVICE_IDS[service]}`;
  if (env[own]) return own;
  if (env.AWS_ENDPOINT_URL) return 'AWS_ENDPOINT_URL';
  return `the shared config (endpoint_url or a services section of profile "${env.AWS_PROFILE ?? 'default'}")`;
}

/**
 * The region as the SDK and the CLI resolve it: the option, `AWS_REGION`, `AWS_DEFAULT_REGION`,
 * the profile's `region` in the shared config (read by the SDK's own loader), else us-east-1.
 */
export async function resolveRegion(option: string | undefined): Promise<string> {
  const env = process.env;
  const given = option ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (given) return given;
  const { loadConfig } = await import('@smithy/core/config');
  const fromProfile = await loadConfig<string | undefined>(
    {
      environmentVariableSelector: () => undefined,
      configFileSelector: (profile) => profile.region,
      default: () => undefined,
    },
    { ignoreCache: true },
  )().catch(() => undefined);
  return fromProfile ?? 'us-east-1';
}

/** `--endpoint URL`, checked. */
export function endpointOf(raw: AwsRaw): string | undefined {
  const url = raw.endpoint;
  if (url === undefined) return undefined;
  checkUrl(url, '--endpoint');
  return url;
}

/** A URL as a message may name it: without what stands before an `@` in its authority (credentials). */
const withoutUserInfo = (url: string): string => url.replace(/^([a-z][\w+.-]*:\/\/)[^/?#]*@/i, '$1');

/**
 * An endpoint URL, checked: http or https, a host (and a port), and no credentials in it (they
 * would be echoed in messages and replay commands, and stored in the report): a message never
 * repeats them.
 */
function checkUrl(url: string, where: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed && (parsed.username !== '' || parsed.password !== ''))
    throw new UsageError(
      'bad-option',
      `${where} has credentials in its URL (user:password@); they are not sent from there, and would be echoed and stored: remove them, and give the endpoint's credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or --profile)`,
    );
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hostname === '' || /\s/.test(url))
    throw new UsageError(
      'bad-option',
      `${where} "${withoutUserInfo(url)}" is not an http(s) URL with a host${parsed ? '' : ' (it does not parse as a URL)'}; give scheme, host and port, e.g. --endpoint http://127.0.0.1:5000`,
    );
}

/**
 * `AWS_RETRY_MODE`, as the SDK reads it: `standard`, `adaptive` or `legacy`. The target retries
 * with its own strategy in every mode (the standard one's full jitter; adaptive's client-side rate
 * limiting is always on: token buckets at the service's rates, fewer cases in flight after a
 * throttle), so a value is only checked.
 */
function checkRetryMode(env: NodeJS.ProcessEnv = process.env): void {
  const mode = env.AWS_RETRY_MODE;
  if (mode !== undefined && mode !== '' && !['standard', 'adaptive', 'legacy'].includes(mode))
    throw new UsageError(
      'bad-environment',
      `AWS_RETRY_MODE "${mode}" is not a retry mode the SDK knows; use standard, adaptive or legacy, or unset it`,
    );
}

/**
 * Where the SDK would send each service's calls: for `--target aws` none may be configured
 * elsewhere (whatever answered there would vouch for the account the allow-list checks); for
 * `--target endpoint` without `--endpoint`, every service must have one (a run half on AWS would
 * create real roles). Returns the endpoint as the report names it.
 */
async function checkEndpoints(kind: 'aws' | 'endpoint', clients: AwsClients): Promise<string | undefined> {
  let configured: Record<Service, string | undefined>;
  try {
    configured = await configuredEndpoints(clients);
  } catch (e) {
    throw new UsageError(
      'bad-config',
      `the shared config cannot be read for endpoints: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const services = Object.keys(SERVICE_IDS) as Service[];
  const set = services.filter((s) => configured[s] !== undefined);
  if (kind === 'aws') {
    const s = set[0];
    if (s)
      throw new UsageError(
        'endpoint-override',
        `--target aws must talk to AWS, but ${overrideSource(s)} points the SDK's ${s} calls at ${withoutUserInfo(configured[s]!)}; unset it, or use --target endpoint for an AWS-compatible endpoint`,
      );
    return undefined;
  }
  if (set.length === 0)
    throw new UsageError(
      'missing-option',
      '--target endpoint needs --endpoint URL (or AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, or endpoint_url in the profile), e.g. --endpoint http://127.0.0.1:5000',
    );
  const unset = services.filter((s) => configured[s] === undefined);
  if (unset.length > 0)
    throw new UsageError(
      'partial-endpoint',
      `${overrideSource(set[0]!)} gives ${set.join(', ')} an endpoint, but ${unset.join(', ')} would go to AWS; give every service one (AWS_ENDPOINT_URL, or AWS_ENDPOINT_URL_${unset.map((u) => SERVICE_IDS[u]).join(' / _')}), or pass --endpoint URL`,
    );
  for (const s of services) checkUrl(configured[s]!, overrideSource(s));
  const urls = [...new Set(services.map((s) => configured[s]!))];
  return urls.length === 1 ? urls[0] : services.map((s) => `${s} ${configured[s]}`).join(', ');
}

/** One URL every service uses (a replay may pass it as --endpoint), not a list of them. */
const isOneUrl = (endpoint: string): boolean => !/\s/.test(endpoint);

/** --profile is the SDK's AWS_PROFILE: its credentials, region and endpoint settings, as the CLI's. */
export function useProfile(profile: string | undefined): void {
  if (profile === undefined) return;
  if (!/^[\w.+@-]+$/.test(profile))
    throw new UsageError(
      'bad-option',
      `--profile "${profile}" is not a profile name (letters, digits and . _ - + @)`,
    );
  process.env.AWS_PROFILE = profile;
}

/**
 * The AWS target the options select, connected (`args`: the options that reach it again, for
 * `sweep`; `runArgs`: those and the billable-job caps, for `replay`): sts:GetCallerIdentity answered and, on a real
 * account, the account is one `--allow-account` names.
 */
export async function connectAwsTarget(
  raw: AwsRaw,
  run: { maxConcurrency?: number; record?: AwsTargetOptions['record'] } = {},
): Promise<{ target: AwsTarget; args: string; runArgs: string; account: string }> {
  const kind = raw.target as 'aws' | 'endpoint';
  useProfile(raw.profile);
  const config = raw.config === undefined ? undefined : readAwsConfig(raw.config);
  const allowAccounts = raw.allowAccount?.length ? raw.allowAccount : (config?.allowAccounts ?? []);
  const permissionsBoundary = raw.permissionsBoundary ?? config?.permissionsBoundary;
  if (kind === 'endpoint' && raw.allowBillableJobs)
    throw new UsageError(
      'bad-option',
      '--allow-billable-jobs is for --target aws; on an endpoint every case runs, creates included',
    );
  const billableJobs = billableJobsOf(raw, config);
  const region = checkRegion(
    await resolveRegion(raw.region),
    raw.region !== undefined
      ? '--region'
      : 'the configured region (AWS_REGION, AWS_DEFAULT_REGION or the profile)',
  );
  const explicit = endpointOf(raw);
  if (kind === 'aws' && raw.endpoint)
    throw new UsageError(
      'bad-option',
      '--endpoint is for --target endpoint; --target aws uses the real AWS endpoints',
    );
  checkRetryMode();
  if (permissionsBoundary !== undefined && !/^arn:aws[\w-]*:iam::\d{12}:policy\/.+/.test(permissionsBoundary))
    throw new UsageError(
      'bad-option',
      `--permissions-boundary "${permissionsBoundary}" is not an IAM policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`,
    );
  for (const a of allowAccounts)
    if (!/^\d{12}$/.test(a))
      throw new UsageError('bad-option', `--allow-account "${a}" is not a 12-digit AWS account id`);
  // A plan for a named account asks nothing of the credentials (there may be none yet).
  if (raw.account !== undefined && !raw.plan)
    throw new UsageError(
      'bad-option',
      "--account goes with --plan (the account to plan for); a run uses the credentials' account, which --allow-account must name",
    );
  const planAccount = raw.account === undefined ? undefined : checkAccount(raw.account);
  if (kind === 'aws' && allowAccounts.length === 0 && planAccount === undefined)
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
  const credentials = kind === 'endpoint' ? endpointCredentials() : undefined;
  const clients = makeClients({
    kind,
    region,
    ...(explicit ? { endpoint: explicit } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(credentials ? { credentials: credentials.provider } : {}),
  });
  // --endpoint is the endpoint of every service; without it, the SDK's configuration says.
  const endpoint = explicit ?? (await checkEndpoints(kind, clients));
  const target = new AwsTarget({
    kind,
    region,
    clients,
    ...(credentials ? { testCredentials: credentials } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(executionTimeoutMs ? { executionTimeoutMs } : {}),
    ...(raw.clientQuotas ? { clientQuotas: true } : {}),
    runId: newRunId(),
    ...(planAccount ? { account: planAccount } : {}),
    ...(kind === 'aws'
      ? {}
      : isOneUrl(endpoint!)
        ? { endpoint: endpoint! }
        : { endpointDescription: endpoint! }),
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
    ...(billableJobs ? { billableJobs } : {}),
    ...(run.maxConcurrency ? { maxConcurrency: run.maxConcurrency } : {}),
    ...(run.record ? { record: run.record } : {}),
  });
  let account: string;
  try {
    account = await target.identify();
  } catch (e) {
    const where = kind === 'aws' ? 'AWS' : endpoint;
    if ((e as Error).name === 'TimeoutError')
      throw new UsageError(
        'unreachable',
        `${where} is unreachable: sts:GetCallerIdentity had no answer in time (${describeError(e)}); check the endpoint URL, or give it longer with --request-timeout SECONDS`,
      );
    throw new UsageError(
      'no-credentials',
      `sts:GetCallerIdentity failed on ${where}: ${describeError(e)}; check the credentials (default provider chain${process.env.AWS_PROFILE ? `, profile "${process.env.AWS_PROFILE}"` : ''}) and the endpoint`,
    );
  }
  if (kind === 'aws' && !allowAccounts.includes(account) && !(planAccount && allowAccounts.length === 0))
    throw new UsageError(
      'account-not-allowed',
      `${planAccount ? '--account' : 'the credentials belong to account'} ${account}, which --allow-account does not name; nothing was created`,
    );
  if (billableJobs && !billableJobs.sagemakerRoleArn.includes(`::${account}:`))
    throw new UsageError(
      'bad-config',
      `billableJobs.sagemakerRoleArn "${billableJobs.sagemakerRoleArn}" is not in account ${account}; jobs run as a role of the account they run in`,
    );
  // The replay and sweep commands run where this run did: the same endpoint option or configuration.
  if (kind === 'aws' && raw.clientQuotas)
    throw new UsageError(
      'bad-option',
      "--client-quotas is for --target endpoint; on AWS calls are always paced at AWS's quotas",
    );
  const args = [
    `--target ${kind}`,
    ...(raw.clientQuotas ? ['--client-quotas'] : []),
    ...(explicit ? [`--endpoint ${explicit}`] : []),
    ...(raw.profile !== undefined ? [`--profile ${raw.profile}`] : []),
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
