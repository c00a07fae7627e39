/**
 * A counting proxy on loopback: every request a client sends to an AWS-compatible endpoint (serve,
 * moto) passes through it and is counted by service and operation, as the endpoint sees it (SDK
 * retries included). What the bench and the reuse tests count calls with.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The calls counted, by `service:Operation` (e.g. `states:StartExecution`, `iam:CreateRole`). */
export type WireCounts = Record<string, number>;

/** A running counting proxy. */
export interface WireCounter {
  /** The URL to give the client in place of the endpoint's. */
  readonly url: string;
  /** The counts so far (a copy). */
  counts(): WireCounts;
  /** The bodies of the requests of one kept operation (`keep` of `startWireCounter`), in order. */
  bodies(operation: string): string[];
  /** Starts counting from zero. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The operation a request names: the JSON protocols' `X-Amz-Target` (`AWSStepFunctions.StartExecution`,
 * `SageMaker.CreateTrainingJob`), or the query protocol's `Action` (IAM, STS), with the service
 * from the request's SigV4 credential scope.
 */
export function operationOf(headers: IncomingMessage['headers'], body: string): string {
  const scope = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(String(headers.authorization ?? ''));
  const service = scope?.[1] ?? 'unknown';
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return `${service}:${target.slice(target.lastIndexOf('.') + 1)}`;
  const action = new URLSearchParams(body).get('Action');
  return `${service}:${action ?? 'unknown'}`;
}

/**
 * Starts a counting proxy on 127.0.0.1 in front of `upstream` (an `http://` URL), keeping the
 * bodies of the operations in `keep` (e.g. `iam:PutRolePolicy`).
 */
export async function startWireCounter(upstream: string, keep: readonly string[] = []): Promise<WireCounter> {
  const target = new URL(upstream);
  let counts: WireCounts = {};
  const kept = new Map<string, string[]>(keep.map((operation) => [operation, []]));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = operationOf(req.headers, body.toString('utf8'));
      counts[operation] = (counts[operation] ?? 0) + 1;
      kept.get(operation)?.push(body.toString('utf8'));
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    bodies: (operation) => [...(kept.get(operation) ?? [])],
    reset: () => {
      counts = {};
      for (const bodies of kept.values()) bodies.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
