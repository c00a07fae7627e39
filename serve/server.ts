/**
 * The local endpoint: an HTTP server that answers AWS's wire protocols from the built-in emulator.
 * Step Functions (JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`), SageMaker (JSON 1.1,
 * `X-Amz-Target: SageMaker.<Operation>`), IAM and STS (the query protocol: form-encoded
 * `Action=...`, XML answers) on `/`, on one emulated account: the SageMaker resources executions
 * create are those SageMaker's own calls find, and Step Functions asks the emulated IAM for its
 * state machines' roles (whether they trust it, and their policies). The account lives as long as
 * the server, or, with a state directory (serve/state.ts), is loaded from it at the start and
 * written to it at the close.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { partitionOf } from '../catalog/regions.js';
import type { WorldScenario } from '../catalog/scenario.js';
import { EmulatedIam } from '../emulator/iam/roles.js';
import type { ClockKind } from '../emulator/engine/scheduler.js';
import { EmulatedStepFunctions, type EmulatorOptions } from '../emulator/stepFunctions.js';
import { iamService } from './iam/operations.js';
import { answerError, AwsError, readBody, REQUEST_MAX_BYTES, servedJson } from './protocol/json.js';
import { servedQuery } from './protocol/query.js';
import type { ServedService } from './protocol/service.js';
import { sagemakerOperations } from './sagemaker/operations.js';
import { readState, STATE_VERSION, unreadableState, writeState, type ServerState } from './state.js';
import type { LoadedMocks } from './stepFunctions/mockCases.js';
import { stepFunctionsOperations } from './stepFunctions/operations.js';
import { stsService } from './sts/operations.js';

/** Step Functions' JSON protocol: its version's content type and its target prefix. */
const SFN_PROTOCOL = { contentType: 'application/x-amz-json-1.0', targetPrefix: 'AWSStepFunctions' } as const;
/** SageMaker's JSON protocol. */
const SAGEMAKER_PROTOCOL = { contentType: 'application/x-amz-json-1.1', targetPrefix: 'SageMaker' } as const;

/** The world of a server started without a scenario: a fresh account, where only what was created exists. */
export const FRESH_ACCOUNT: WorldScenario = { referencesExist: false };

/** Where the server listens and what it emulates. */
export interface ServeOptions {
  /** 0: a free port, chosen by the system. */
  readonly port: number;
  readonly host: string;
  /** The largest request body read (bytes; default REQUEST_MAX_BYTES). */
  readonly maxBodyBytes?: number;
  /** The emulated account and region. */
  readonly emulator?: Pick<EmulatorOptions, 'region' | 'account' | 'startEpochMs' | 'mutants'>;
  /**
   * How SageMaker behaves for executions (those of a state machine tagged `sfn-conformance:scenario`
   * excepted) and for the jobs SageMaker's own calls create (default FRESH_ACCOUNT).
   */
  readonly scenario?: WorldScenario;
  /** The executions' clock (default virtual). */
  readonly clock?: ClockKind;
  /** A Step Functions Local mock configuration: StartExecution's `ARN#TestCase` runs its test cases. */
  readonly mocks?: LoadedMocks;
  /**
   * A directory the account is kept in (serve/state.ts): loaded from it at the start, written to it
   * at the close. A directory or state file that cannot be used is a UsageError, before listening.
   */
  readonly stateDir?: string;
}

/** A listening server: its address, and how to stop it. */
export interface RunningServer {
  /** `http://host:port`, what a client takes as its endpoint. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** What the state directory held at the start (nothing without one, or where it had no state file). */
  readonly loaded?: { readonly stateMachines: number; readonly roles: number };
  /** The account as a state file holds it. */
  snapshot(): ServerState;
  /** Stops listening, ends open connections, and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Starts the server; rejects with the listen error (a port in use, a host not on this machine). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const scenario = options.scenario ?? FRESH_ACCOUNT;
  const region = options.emulator?.region ?? 'us-east-1';
  const account = { account: options.emulator?.account ?? '123456789012', partition: partitionOf(region) };
  // One clock for the account: IAM's creation dates are on Step Functions' virtual clock.
  let clock = (): number => Date.now();
  const iam = new EmulatedIam({ ...account, now: () => clock() });
  const sfn = new EmulatedStepFunctions({
    // One SageMaker world for every execution and for SageMaker's own calls.
    scenario,
    oneWorld: true,
    startEpochMs: options.emulator?.startEpochMs ?? Date.now(),
    ...(options.emulator?.mutants ? { mutants: options.emulator.mutants } : {}),
    region,
    ...account,
    roles: iam,
    // A callback task waits for SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat.
    callbacks: true,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  clock = () => sfn.now();
  const loaded = options.stateDir === undefined ? undefined : readState(options.stateDir);
  if (loaded) {
    try {
      // IAM first: a state machine's policies are its role's.
      iam.restore(loaded.iam);
      sfn.sagemaker().restore(loaded.sagemaker);
      sfn.restore(loaded.stepFunctions);
    } catch (e) {
      throw unreadableState(options.stateDir!, e);
    }
  }
  const snapshot = (): ServerState => ({
    version: STATE_VERSION,
    stepFunctions: sfn.snapshot(),
    iam: iam.snapshot(),
    sagemaker: sfn.sagemaker().snapshot(),
  });
  const stepFunctions = servedJson({
    name: 'states',
    ...SFN_PROTOCOL,
    operations: stepFunctionsOperations(sfn, options.mocks ? { mocks: options.mocks } : {}),
  });
  const sagemaker = servedJson({
    name: 'sagemaker',
    ...SAGEMAKER_PROTOCOL,
    operations: sagemakerOperations(sfn, scenario),
  });
  const services: readonly ServedService[] = [
    stepFunctions,
    sagemaker,
    servedQuery([iamService(iam), stsService(account)]),
  ];
  const max = options.maxBodyBytes ?? REQUEST_MAX_BYTES;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request no service accepts is answered as Step Functions answers an unknown operation.
    const service = services.find((s) => s.accepts(req)) ?? stepFunctions;
    // A web page may send simple requests (a form POST, a GET) to loopback without a preflight;
    // the server checks no credentials, so a request a browser marks with its Origin is refused.
    // The AWS CLI, boto3 and the SDKs on Node send none.
    if (req.headers.origin !== undefined) {
      req.resume();
      const refused = new AwsError(
        'AccessDeniedException',
        `Requests from a web page (Origin: ${req.headers.origin}) are refused: the server checks no credentials`,
        403,
      );
      if (service.answerError) service.answerError(res, refused);
      else answerError(res, refused, SFN_PROTOCOL.contentType);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, max);
    } catch (e) {
      if (service.answerError) service.answerError(res, e);
      else answerError(res, e, SFN_PROTOCOL.contentType);
      return;
    }
    await service.answer(req, body, res);
  }

  // Whatever goes wrong with one request is that request's answer (HTTP 500), never the server's end.
  const server = createServer(
    (req, res) => void handle(req, res).catch((e: unknown) => answerError(res, e, SFN_PROTOCOL.contentType)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    host: address.address,
    ...(loaded
      ? {
          loaded: {
            stateMachines: loaded.stepFunctions.stateMachines.length,
            roles: loaded.iam.roles.length,
          },
        }
      : {}),
    snapshot,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Executions still running (a real clock's wait, a callback waiting for its token) end now.
      await sfn.abortAll();
      if (options.stateDir !== undefined) writeState(options.stateDir, snapshot());
    },
  };
}
