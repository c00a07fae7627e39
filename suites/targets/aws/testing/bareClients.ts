/** Clients with no configuration, for tests that replace them with aws-sdk-client-mock. */
import { IAMClient } from '@aws-sdk/client-iam';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClients } from '../clients.js';

/** One client per service, unconfigured. */
export function bareClients(): AwsClients {
  return {
    sfn: new SFNClient({}),
    iam: new IAMClient({}),
    sts: new STSClient({}),
    sagemaker: new SageMakerClient({}),
  };
}
