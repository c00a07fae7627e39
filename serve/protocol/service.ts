/**
 * A service the server answers: how to tell its requests apart from the others', and how to answer
 * one. Step Functions and SageMaker speak JSON (json.ts, told by `X-Amz-Target`); IAM and STS speak
 * the query protocol (form-encoded `Action=...`, XML answers).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One service of the server: which requests are its, and how it answers them. */
export interface ServedService {
  /** The service's name, for messages (`states`, `sagemaker`, `iam`, `sts`). */
  readonly name: string;
  /** Whether the request is this service's (read from its headers only; the body comes later). */
  accepts(req: IncomingMessage): boolean;
  /** Answers the request whose body has been read; every error is answered in the service's shape. */
  answer(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void>;
  /** Answers an error met before the body was read (too large); absent: in Step Functions' JSON shape. */
  answerError?(res: ServerResponse, error: unknown): void;
}
