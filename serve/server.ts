/**
 * The local endpoint: an HTTP server that answers AWS's wire protocols from the built-in emulator.
 * Step Functions (JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`) on `/`. Nothing is
 * persisted: the emulated account lives as long as the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClockKind } from '../emulator/engine/scheduler.js';
import { EmulatedStepFunctions, type EmulatorOptions } from '../emulator/stepFunctions.js';
import { answerError, readBody, REQUEST_MAX_BYTES, servedJson } from './protocol/json.js';
import type { ServedService } from './protocol/service.js';
import type { LoadedMocks } from './stepFunctions/mockCases.js';
import { stepFunctionsOperations } from './stepFunctions/operations.js';

/** Step Functions' JSON protocol: its version's content type and its target prefix. */
const SFN_PROTOCOL = { contentType: 'application/x-amz-json-1.0', targetPrefix: 'AWSStepFunctions' } as const;

/** Where the server listens and what it emulates. */
export interface ServeOptions {
  /** 0: a free port, chosen by the system. */
  readonly port: number;
  readonly host: string;
  /** The largest request body read (bytes; default REQUEST_MAX_BYTES). */
  readonly maxBodyBytes?: number;
  /** The emulated account and region. */
  readonly emulator?: Pick<EmulatorOptions, 'region' | 'account' | 'startEpochMs'>;
  /** The executions' clock (default virtual). */
  readonly clock?: ClockKind;
  /** A Step Functions Local mock configuration: StartExecution's `ARN#TestCase` runs its test cases. */
  readonly mocks?: LoadedMocks;
}

/** A listening server: its address, and how to stop it. */
export interface RunningServer {
  /** `http://host:port`, what a client takes as its endpoint. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Stops listening, ends open connections, and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Starts the server; rejects with the listen error (a port in use, a host not on this machine). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const sfn = new EmulatedStepFunctions({
    startEpochMs: options.emulator?.startEpochMs ?? Date.now(),
    ...(options.emulator?.region ? { region: options.emulator.region } : {}),
    ...(options.emulator?.account ? { account: options.emulator.account } : {}),
    // A callback task waits for SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat.
    callbacks: true,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const stepFunctions = servedJson({
    name: 'states',
    ...SFN_PROTOCOL,
    operations: stepFunctionsOperations(sfn, options.mocks ? { mocks: options.mocks } : {}),
  });
  const services: readonly ServedService[] = [stepFunctions];
  const max = options.maxBodyBytes ?? REQUEST_MAX_BYTES;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request no service accepts is answered as Step Functions answers an unknown operation.
    const service = services.find((s) => s.accepts(req)) ?? stepFunctions;
    let body: Buffer;
    try {
      body = await readBody(req, max);
    } catch (e) {
      answerError(res, e, SFN_PROTOCOL.contentType);
      return;
    }
    await service.answer(req, body, res);
  }

  const server = createServer((req, res) => void handle(req, res));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
