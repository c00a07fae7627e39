/**
 * AWS's JSON protocols (JSON 1.0 and 1.1) as a server sees them: a POST to `/` naming the operation
 * in `X-Amz-Target: <TargetPrefix>.<Operation>`, a JSON object as the body, a JSON object back; an
 * error is `{"__type": "<Code>", "message": "..."}` with its HTTP status, which the SDKs turn into
 * the operation's exception class. Signatures are not checked: any credentials are taken.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServedService } from './service.js';

/** An error as an AWS JSON service answers it: the code the SDK maps to a class, a message, a status. */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    readonly code: string,
    message: string,
    /** 400 for a client's error (the API models give Step Functions' errors no other status). */
    readonly status = 400,
    /** More members of the error shape (e.g. `resourceName`). */
    readonly members: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The largest request body the server reads (bytes); beyond it the answer is a 413 error. */
export const REQUEST_MAX_BYTES = 2 * 1024 * 1024;

/** How much of a refused body is read (and dropped) before the connection is closed instead. */
const DRAIN_MAX_BYTES = 8 * REQUEST_MAX_BYTES;

/** The error of a body past the bound: HTTP 413, shaped as AWS's errors are. */
export const tooLarge = (bytes: number | undefined, max: number): AwsError =>
  new AwsError(
    'RequestEntityTooLargeException',
    `Request body${bytes === undefined ? '' : ` of ${bytes} bytes`} exceeds the server's limit of ${max} bytes`,
    413,
  );

/**
 * A request's body, at most `max` bytes. Past it the rest is read and dropped (up to a bound,
 * then the connection is closed) and a 413 AwsError is thrown.
 */
export function readBody(req: IncomingMessage, max = REQUEST_MAX_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > max;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      if (!over) chunks.push(chunk);
      else if (size > DRAIN_MAX_BYTES) req.destroy();
    });
    req.on('end', () => (over ? reject(tooLarge(size, max)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(tooLarge(undefined, max));
    });
  });
}

/** One operation call of a JSON protocol: its name and its input. */
export interface JsonCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/**
 * The operation and input of a request for the service of `targetPrefix`. A missing or foreign
 * target is UnknownOperationException; a body that is not a JSON object is SerializationException.
 */
export function parseJsonCall(req: IncomingMessage, body: Buffer, targetPrefix: string): JsonCall {
  const target = req.headers['x-amz-target'];
  if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(`${targetPrefix}.`))
    throw new AwsError(
      'UnknownOperationException',
      `Expected a POST to / with X-Amz-Target: ${targetPrefix}.<Operation>`,
    );
  const operation = target.slice(targetPrefix.length + 1);
  const text = body.toString('utf8');
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new AwsError('SerializationException', `The request body is not JSON: ${(e as Error).message}`);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new AwsError('SerializationException', 'The request body must be a JSON object');
  return { operation, input: input as Record<string, unknown> };
}

/** Sends a JSON answer with the protocol's content type and a request id. */
export function sendJson(res: ServerResponse, status: number, body: unknown, contentType: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(text);
}

/** Sends an AwsError as the JSON protocols do: `__type`, `message`, the error's members, its status. */
export function sendError(res: ServerResponse, error: AwsError, contentType: string): void {
  if (error.status === 413) res.setHeader('Connection', 'close');
  res.setHeader('x-amzn-ErrorType', error.code);
  sendJson(res, error.status, { __type: error.code, message: error.message, ...error.members }, contentType);
}

/** One operation: the request's input to the response's output. */
export type Operation = (input: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** A JSON service: its protocol version's content type, its target prefix and its operations. */
export interface JsonService {
  readonly name: string;
  /** `application/x-amz-json-1.0` (Step Functions) or `-1.1` (SageMaker). */
  readonly contentType: string;
  /** `AWSStepFunctions`, `SageMaker`. */
  readonly targetPrefix: string;
  readonly operations: Readonly<Record<string, Operation>>;
}

/** The JSON service as the server serves it: told by its target prefix, errors in its shape. */
export function servedJson(service: JsonService): ServedService {
  const { contentType, targetPrefix, operations } = service;
  return {
    name: service.name,
    accepts: (req) => {
      const target = req.headers['x-amz-target'];
      return typeof target === 'string' && target.startsWith(`${targetPrefix}.`);
    },
    async answer(req, body, res) {
      try {
        const { operation, input } = parseJsonCall(req, body, targetPrefix);
        const op = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
        if (!op)
          throw new AwsError(
            'UnknownOperationException',
            `${targetPrefix}.${operation} is not an operation this server answers`,
          );
        sendJson(res, 200, await op(input), contentType);
      } catch (e) {
        answerError(res, e, contentType);
      }
    },
  };
}

/** An error as a JSON service answers it: an AwsError as it is, anything else a 500 InternalFailure. */
export function answerError(res: ServerResponse, e: unknown, contentType: string): void {
  if (res.headersSent) return;
  const error =
    e instanceof AwsError
      ? e
      : new AwsError('InternalFailure', `The server failed: ${(e as Error).message}`, 500);
  sendError(res, error, contentType);
}

/**
 * A service's operations as served: each request checked against the API model first, then
 * answered, the emulator's refusals turned into the service's errors (`asAwsError` throws).
 */
export function checkedOperations(
  ops: Readonly<
    Record<
      string,
      (input: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>
    >
  >,
  check: (operation: string, input: Record<string, unknown>) => void,
  asAwsError: (e: unknown) => never,
): Readonly<Record<string, Operation>> {
  return Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      name,
      async (input: Record<string, unknown>) => {
        check(name, input);
        try {
          return await op(input);
        } catch (e) {
          return asAwsError(e);
        }
      },
    ]),
  );
}
