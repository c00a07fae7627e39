/**
 * The options that connect `run` and `replay` to a real account or an AWS-compatible endpoint, and
 * the safety checks made before anything is created.
 */
import { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import { describeError } from '../../suites/targets/aws/errors.js';
import { newRunId } from '../../suites/targets/aws/naming.js';
import { UsageError } from '../errors.js';

export interface AwsRaw {
  target?: string;
  endpoint?: string;
  region?: string;
  allowAccount?: string[];
  permissionsBoundary?: string;
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
 * The AWS target the options select, connected: sts:GetCallerIdentity answered and, on a real
 * account, the account is one `--allow-account` names.
 */
export async function connectAwsTarget(
  raw: AwsRaw,
): Promise<{ target: AwsTarget; args: string; account: string }> {
  const kind = raw.target as 'aws' | 'endpoint';
  const region = raw.region ?? process.env.AWS_REGION ?? 'us-east-1';
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
  if (
    raw.permissionsBoundary !== undefined &&
    !/^arn:aws[\w-]*:iam::\d{12}:policy\/.+/.test(raw.permissionsBoundary)
  )
    throw new UsageError(
      'bad-option',
      `--permissions-boundary "${raw.permissionsBoundary}" is not an IAM policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`,
    );
  for (const a of raw.allowAccount ?? [])
    if (!/^\d{12}$/.test(a))
      throw new UsageError('bad-option', `--allow-account "${a}" is not a 12-digit AWS account id`);
  if (kind === 'aws' && (raw.allowAccount ?? []).length === 0)
    throw new UsageError(
      'missing-option',
      '--target aws creates roles and state machines: name the account it may use with --allow-account ACCOUNT_ID',
    );
  const target = new AwsTarget({
    kind,
    region,
    runId: newRunId(),
    ...(kind === 'aws' ? {} : { endpoint: endpoint! }),
    ...(raw.permissionsBoundary ? { permissionsBoundary: raw.permissionsBoundary } : {}),
  });
  let account: string;
  try {
    account = await target.identify();
  } catch (e) {
    throw new UsageError(
      'no-credentials',
      `sts:GetCallerIdentity failed on ${kind === 'aws' ? 'AWS' : endpoint}: ${describeError(e)}; check the credentials (default provider chain) and the endpoint`,
    );
  }
  if (kind === 'aws' && !raw.allowAccount!.includes(account))
    throw new UsageError(
      'account-not-allowed',
      `the credentials belong to account ${account}, which --allow-account does not name; nothing was created`,
    );
  const args = [
    `--target ${kind}`,
    ...(kind === 'endpoint' ? [`--endpoint ${endpoint}`] : []),
    `--region ${region}`,
    ...(kind === 'aws' ? [`--allow-account ${account}`] : []),
  ].join(' ');
  return { target, args, account };
}
