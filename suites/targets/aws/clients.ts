/**
 * The AWS SDK clients the AWS target calls (Step Functions, IAM, STS, SageMaker): made from the
 * target's options and the default credential chain, and told where each will send its calls.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { CredentialsProviderError } from '@smithy/core/config';
import { keepErrorBodies } from './errors.js';
import type { AwsTargetOptions } from './options.js';

/** One client per service the target calls. */
export interface AwsClients {
  readonly sfn: SFNClient;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly sagemaker: SageMakerClient;
}

/** How long a connection may take to open before the call fails (ms). */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
/** How long a request may go unanswered before the call fails (ms). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/**
 * How long the first sts:GetCallerIdentity, its retries included, may go unanswered (ms) unless a
 * longer request timeout is given: an endpoint that accepts connections and never answers is
 * reported unreachable within 30 s, not after every attempt's full request timeout.
 */
export const DEFAULT_IDENTITY_DEADLINE_MS = 25_000;

/** Credentials as the default provider chain resolves them. */
type AwsCredentialIdentity = Awaited<ReturnType<ReturnType<typeof defaultProvider>>>;

/** The credentials an endpoint target gets where the default provider chain resolves none. */
const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The default provider chain's credentials (environment, shared files, SSO, web identity,
 * process, container and instance metadata, as the SDK resolves them). On an endpoint, where the
 * chain resolves none and no profile is named, test ones: moto and LocalStack take any. A named
 * profile that resolves none is an error, not a reason to fall back.
 */
export function endpointCredentials(): {
  provider: () => Promise<AwsCredentialIdentity>;
  readonly usedTest: boolean;
} {
  const chain = defaultProvider();
  const state = {
    usedTest: false,
    provider: async (): Promise<AwsCredentialIdentity> => {
      if (state.usedTest) return TEST_CREDENTIALS;
      try {
        return await chain();
      } catch (e) {
        if (!(e instanceof CredentialsProviderError) || process.env.AWS_PROFILE) throw e;
        state.usedTest = true;
        return TEST_CREDENTIALS;
      }
    },
  };
  return state;
}

/**
 * The clients for a target's kind, region and endpoint: the SDK's own retries off (the target
 * retries and counts), time-outs on every request, error bodies kept.
 */
export function makeClients(
  options: Pick<AwsTargetOptions, 'kind' | 'region' | 'endpoint' | 'requestTimeoutMs'> & {
    /** An endpoint's credentials (default: the chain's, else test ones). */
    readonly credentials?: () => Promise<AwsCredentialIdentity>;
  },
): AwsClients {
  // The SDK's nine-line notice about Node versions is not the user's business: stderr is for their errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const credentials =
    options.credentials ?? (options.kind === 'endpoint' ? endpointCredentials().provider : undefined);
  const config = {
    region: options.region,
    // The target retries itself, so that throttles and waits are counted.
    maxAttempts: 1,
    // An endpoint that accepts the connection and never answers must not hang the run.
    requestHandler: {
      connectionTimeout: DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    // Without an endpoint the SDK follows its configured ones (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<ID>,
    // the profile's endpoint_url or services section), else AWS.
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // An endpoint answers at its own host: TestState's `sync-` host prefix is AWS's alone.
    ...(options.kind === 'endpoint' ? { disableHostPrefix: true } : {}),
    ...(credentials ? { credentials } : {}),
  };
  const clients = {
    sfn: new SFNClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
    sagemaker: new SageMakerClient(config),
  };
  for (const client of Object.values(clients)) keepErrorBodies(client);
  return clients;
}

/**
 * Where the SDK sends each client's calls by its own configuration, for clients made without an
 * endpoint: the configured endpoint of the service (`AWS_ENDPOINT_URL_<ID>`, `AWS_ENDPOINT_URL`,
 * the profile's services section or `endpoint_url`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`),
 * or undefined for AWS itself. Asked of the clients, so that it is what they will do.
 */
export async function configuredEndpoints(
  clients: AwsClients,
): Promise<Record<keyof AwsClients, string | undefined>> {
  const of = async (client: { config: object }) => {
    const configured = (client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> })
      .serviceConfiguredEndpoint;
    if (typeof configured !== 'function')
      throw new Error('this version of the AWS SDK does not tell its configured endpoints');
    return (await configured()) || undefined;
  };
  const [sfn, iam, sts, sagemaker] = await Promise.all([
    of(clients.sfn),
    of(clients.iam),
    of(clients.sts),
    of(clients.sagemaker),
  ]);
  return { sfn, iam, sts, sagemaker };
}

/**
 * The clients with every `send` going through `call` (named by the command, `Command` cut off):
 * the target's own way of calling, rate-limited and retried.
 */
export function sendingThrough(
  clients: AwsClients,
  call: <T>(api: string, send: () => Promise<T>) => Promise<T>,
): AwsClients {
  const through = <C extends object>(client: C): C =>
    new Proxy(client, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'send' || typeof value !== 'function') return value;
        return (command: object) =>
          call(command.constructor.name.replace(/Command$/, ''), () =>
            (value as (command: object) => Promise<unknown>).call(target, command),
          );
      },
    });
  return {
    sfn: through(clients.sfn),
    iam: through(clients.iam),
    sts: through(clients.sts),
    sagemaker: through(clients.sagemaker),
  };
}
