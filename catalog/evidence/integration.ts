/** The integration's rules: its APIs and patterns, and where a definition is refused. */
import type { EvidenceEntry } from './entry.js';
import { ASL, CONNECT_SAGEMAKER, DG, model, page, report } from './sources.js';

/** The integration: APIs, patterns, where they are refused. */
export const INTEGRATION_RULES = [
  {
    id: 'sfn.sagemaker.apis',
    claim:
      'The optimized SageMaker integration has nine APIs, each called as arn:<partition>:states:::sagemaker:<lowerCamelApi>',
    kind: 'documented',
    sources: [page(CONNECT_SAGEMAKER, 'Optimized SageMaker AI APIs')],
  },
  {
    id: 'sfn.sagemaker.patterns',
    claim:
      'Request-response is available for all nine APIs, .sync (Run a Job) for the five job APIs only, and the callback pattern (.waitForTaskToken) for none',
    kind: 'documented',
    sources: [
      page(CONNECT_SAGEMAKER, 'Key features of Optimized SageMaker AI integration'),
      page(`${DG}/connect-to-resource.html`, 'Optimized integrations: supported patterns table'),
    ],
  },
  {
    id: 'sfn.express.request-response-only',
    claim: 'Express state machines support only the request-response pattern of optimized integrations',
    kind: 'documented',
    sources: [page(`${DG}/connect-to-resource.html`, 'Optimized integrations: supported patterns table')],
  },
  {
    id: 'sfn.sagemaker.unsupported-resource-refused-at-creation',
    claim:
      'CreateStateMachine refuses a definition with an unsupported SageMaker resource (.waitForTaskToken, .sync on a non-job API or in Express, an API the integration does not have) with InvalidDefinition',
    kind: 'inferred',
    sources: [
      page(CONNECT_SAGEMAKER, 'Key features of Optimized SageMaker AI integration'),
      report(
        'serverless-operations/serverless-step-functions#41',
        'an invalid Resource failed at run time as States.Runtime ("The provided ARN ... is invalid"), in 2017',
      ),
    ],
    caveat:
      'the pages say the pattern is not supported, not when or how it is refused; no capture of the refusal was found',
  },
  {
    id: 'sfn.create.invalid-definition',
    claim:
      'CreateStateMachine refuses a definition that breaks the States Language (its schema, the Retry and timeout rules) with InvalidDefinition',
    kind: 'documented',
    sources: [
      model('stepfunctions operations.CreateStateMachine.errors (InvalidDefinition)'),
      page(ASL, 'Retrying after error; Task state fields'),
    ],
  },
  {
    id: 'sfn.parameters.field-names-checked-at-creation',
    claim:
      'CreateStateMachine checks the field names of a request (case-sensitively, against the API model) and refuses an unknown one with SCHEMA_VALIDATION_FAILED',
    kind: 'observed',
    sources: [
      report(
        'aws/aws-step-functions-data-science-sdk-python#200',
        'SCHEMA_VALIDATION_FAILED: The field "key" is not supported by Step Functions',
      ),
      report('aws/aws-cdk#10014', 'a misspelt field name failed the deployment'),
    ],
  },
  {
    id: 'sfn.parameters.unknown-field-at-run-time',
    claim:
      'A field the API does not know that appears only at run time (from a whole-object path) fails the state with States.Runtime: "The field ... is not supported by Step Functions"',
    kind: 'observed',
    sources: [
      report(
        'aws/aws-step-functions-data-science-sdk-python#15',
        'States.Runtime: The Parameters ... could not be used to start the Task: [The field "S3Operations" is not supported by Step Functions]',
      ),
    ],
  },
  {
    id: 'sfn.sagemaker.request-response-result',
    claim: 'A request-response task returns the Create/Update response: the ARN field of the API',
    kind: 'documented',
    sources: [
      page(`${DG}/connect-to-resource.html`, 'Request Response'),
      model('sagemaker shapes.CreateTrainingJobResponse (and the other Create/Update responses)'),
    ],
  },
] as const satisfies readonly EvidenceEntry[];
