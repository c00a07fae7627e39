/**
 * Errors as the SDK throws them, for tests: the service's class for the code where its model has
 * one (IAM's NoSuchEntityException for `NoSuchEntity`), else the service's base exception named by
 * the code (as the SDK reads an answer its model does not list).
 */
import * as iam from '@aws-sdk/client-iam';
import * as sagemaker from '@aws-sdk/client-sagemaker';
import * as sfn from '@aws-sdk/client-sfn';

type Options = { message: string; $metadata: { httpStatusCode: number } };
type ExceptionClass = new (o: Options) => Error;

const SERVICES = {
  sfn: { module: sfn as unknown as Record<string, unknown>, base: sfn.SFNServiceException },
  iam: { module: iam as unknown as Record<string, unknown>, base: iam.IAMServiceException },
  sagemaker: {
    module: sagemaker as unknown as Record<string, unknown>,
    base: sagemaker.SageMakerServiceException,
  },
};

/** The error the SDK throws for this service, code, message and HTTP status. */
export function sdkError(
  service: keyof typeof SERVICES,
  code: string,
  message: string,
  httpStatusCode = 400,
): Error {
  const { module, base } = SERVICES[service];
  const modeled = [module[code], module[`${code}Exception`]].find(
    (c): c is ExceptionClass => typeof c === 'function' && c.prototype instanceof base,
  );
  const $metadata = { httpStatusCode };
  if (modeled) return new modeled({ message, $metadata });
  return new base({ name: code, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata, message });
}
