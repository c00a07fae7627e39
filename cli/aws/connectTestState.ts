/**
 * `--target teststate`: the options that connect the TestState lane to a real account (the
 * default credential chain and region, as `--target aws`) or to an AWS-compatible endpoint
 * (`--endpoint URL`, as `--target endpoint`), and its checks before any call.
 */
import { UsageError } from '../../contracts/usageError.js';
import { endpointCredentials, makeClients } from '../../suites/targets/aws/clients.js';
import { describeError } from '../../suites/targets/aws/errors.js';
import { TestStateTarget } from '../../suites/targets/testState/testStateTarget.js';
import { checkRegion, integer } from '../values.js';
import { type AwsRaw, endpointOf, resolveRegion, useProfile } from './connect.js';

/** The options `--target teststate` does not take, as the command line names them. */
const NOT_FOR_TEST_STATE = {
  plan: '--plan',
  allowAccount: '--allow-account',
  account: '--account',
  permissionsBoundary: '--permissions-boundary',
  config: '--config',
  executionTimeout: '--execution-timeout',
  clientQuotas: '--client-quotas',
  allowBillableJobs: '--allow-billable-jobs',
  maxBillableJobs: '--max-billable-jobs',
  instanceType: '--instance-type',
  maxRuntime: '--max-runtime',
} as const;

/**
 * The TestState target the options select, its credentials answered (sts:GetCallerIdentity), and
 * the options that reach it again (replay commands). It creates nothing, so no account need be allowed.
 */
export async function connectTestStateTarget(
  raw: AwsRaw,
): Promise<{ target: TestStateTarget; args: string }> {
  for (const [field, option] of Object.entries(NOT_FOR_TEST_STATE))
    if (raw[field as keyof typeof NOT_FOR_TEST_STATE] !== undefined)
      throw new UsageError(
        'bad-option',
        `${option} is not for --target teststate (it creates nothing and runs no execution): remove it, or use --target aws or endpoint`,
      );
  useProfile(raw.profile);
  const region = checkRegion(
    await resolveRegion(raw.region),
    raw.region !== undefined
      ? '--region'
      : 'the configured region (AWS_REGION, AWS_DEFAULT_REGION or the profile)',
  );
  const endpoint = endpointOf(raw);
  const requestTimeoutMs =
    raw.requestTimeout === undefined
      ? undefined
      : integer(raw.requestTimeout, '--request-timeout', 1, 3600) * 1000;
  const credentials = endpoint ? endpointCredentials() : undefined;
  const clients = makeClients({
    kind: endpoint ? 'endpoint' : 'aws',
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(credentials ? { credentials: credentials.provider } : {}),
  });
  const target = new TestStateTarget({
    on: endpoint ? 'endpoint' : 'aws',
    region,
    clients,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { testCredentials: credentials } : {}),
  });
  const where = endpoint ?? `AWS (${region})`;
  try {
    await target.identify();
  } catch (e) {
    throw new UsageError(
      'no-credentials',
      `--target teststate: sts:GetCallerIdentity failed on ${where}: ${describeError(e)}; check the credentials (default provider chain${process.env.AWS_PROFILE ? `, profile "${process.env.AWS_PROFILE}"` : ''})${endpoint ? ' and the endpoint' : ', or give --endpoint URL for an AWS-compatible endpoint'}`,
    );
  }
  const args = [
    '--target teststate',
    ...(endpoint ? [`--endpoint ${endpoint}`] : []),
    ...(raw.profile !== undefined ? [`--profile ${raw.profile}`] : []),
    `--region ${region}`,
  ].join(' ');
  return { target, args };
}
