/** The rules of SageMaker's answers: its errors, names and ARNs, the resources its calls refer to. */
import type { EvidenceEntry } from './entry.js';
import { CONNECT_SAGEMAKER, DG, model, page, report, SM_API } from './sources.js';

/** SageMaker's answers. */
export const SAGEMAKER_RULES = [
  {
    id: 'sagemaker.request-members',
    claim:
      "The request members of each API (the name field, the role fields, the response's ARN field) are those of the SageMaker API model",
    kind: 'documented',
    sources: [model('sagemaker shapes.Create*Request / Create*Input / UpdateEndpointInput')],
  },
  {
    id: 'sagemaker.validation',
    claim: "SageMaker refuses a request outside the API model's constraints with ValidationException",
    kind: 'inferred',
    sources: [model('sagemaker shapes (min, max, pattern, enum, required)')],
    caveat:
      'the model gives the constraints; that each is checked at call time, and the wording, are inferred',
  },
  {
    id: 'sagemaker.names.unique',
    claim: 'Resource names are unique per account and region, per resource type',
    kind: 'documented',
    sources: [
      model('sagemaker shapes.CreateTrainingJobRequest.members.TrainingJobName (and the other name members)'),
    ],
  },
  {
    id: 'sagemaker.names.case-insensitive',
    claim: 'Labeling, tuning job and endpoint names are unique regardless of case',
    kind: 'documented',
    sources: [
      model('sagemaker shapes.CreateLabelingJobRequest.members.LabelingJobName'),
      model('sagemaker shapes.CreateHyperParameterTuningJobRequest.members.HyperParameterTuningJobName'),
      model('sagemaker shapes.CreateEndpointInput.members.EndpointName'),
    ],
  },
  {
    id: 'sagemaker.names.case-sensitive',
    claim:
      'Other names (training, processing, transform jobs, models, endpoint configurations) are compared as written',
    kind: 'inferred',
    sources: [model('sagemaker shapes.CreateTrainingJobRequest.members.TrainingJobName')],
  },
  {
    id: 'sagemaker.arn.lower-case',
    claim: 'SageMaker lower-cases the resource name in the ARNs it returns (training-job/myjob for MyJob)',
    kind: 'observed',
    sources: [
      report(
        'aws/sagemaker-experiments#172',
        'ARN casing: a training job with upper case has a lower-cased ARN',
      ),
      report('boto/boto3#4606', 'HyperParameterTuningJobArn in lower case although the name has capitals'),
      report(
        'aws/aws-cdk packages/aws-cdk-lib/aws-stepfunctions-tasks/lib/sagemaker/create-endpoint.ts',
        'lower-cases names in policy ARNs: "SageMaker uses lowercase for resource name in the arn"',
      ),
    ],
    caveat:
      'prometheus-community/yet-another-cloudwatch-exporter#1793 reports endpoint ARNs that keep capitals',
  },
  {
    id: 'sagemaker.passrole-checked',
    claim: 'SageMaker checks that the caller may pass the role the request names (iam:PassRole)',
    kind: 'documented',
    sources: [
      model('sagemaker shapes.CreateTrainingJobRequest.members.RoleArn (and the other role members)'),
    ],
  },
  {
    id: 'iam.evaluation.explicit-deny',
    claim: 'An explicit Deny in any policy that applies to the request overrides every Allow',
    kind: 'documented',
    sources: [
      page(
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
        'Determining whether a request is allowed or denied within an account',
      ),
    ],
  },
  {
    id: 'iam.evaluation.implicit-deny',
    claim:
      'A request that no policy allows is denied (an implicit deny); a statement allows only the actions and resources it names, under its conditions',
    kind: 'documented',
    sources: [
      page(
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
        'Determining whether a request is allowed or denied within an account',
      ),
    ],
  },
  {
    id: 'iam.passrole.same-account',
    claim:
      'A role can be passed only to a service in its own account: a role of another account cannot be passed',
    kind: 'documented',
    sources: [
      page(
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'Warning at the top',
      ),
    ],
  },
  {
    id: 'sagemaker.cross-account-role',
    claim:
      'SageMaker refuses a request that passes a role of another account; the task fails with SageMaker.AmazonSageMakerException',
    kind: 'inferred',
    sources: [
      page(
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'Warning at the top',
      ),
      report(
        'artilleryio/chaos-lambda#29',
        'Lambda answers AccessDeniedException "Cross-account pass role is not allowed."',
      ),
    ],
    caveat:
      "SageMaker's error code and message are not known (other services answer AccessDeniedException or InvalidInputException)",
  },
  {
    id: 'sagemaker.errors.by-operation',
    claim:
      'Each operation answers only the errors its API model lists, besides the errors common to every AWS API (ValidationException, ThrottlingException)',
    kind: 'documented',
    sources: [
      model('sagemaker operations.<Create*|UpdateEndpoint>.errors'),
      page(`${SM_API}/CommonErrors.html`, 'Common Errors'),
    ],
    caveat:
      'the common errors page names the validation error ValidationError; SageMaker sends ValidationException',
  },
  {
    id: 'sagemaker.duplicate.job',
    claim:
      'A job with a name already in use (training, processing, transform, labeling, tuning) is refused with ResourceInUse',
    kind: 'observed',
    sources: [
      model(
        'sagemaker operations.CreateTrainingJob.errors (ResourceInUse; likewise the other job operations)',
      ),
      report(
        'aws/amazon-sagemaker-examples#3108',
        'ResourceInUse: Training job names must be unique within an AWS account and region, and a training job with this name already exists',
      ),
      report(
        'aws/sagemaker-python-sdk#2708',
        'ResourceInUse: A hyperparameter tuning job with the name ... already exists',
      ),
    ],
  },
  {
    id: 'sagemaker.duplicate.model-config-endpoint',
    claim:
      'A second CreateModel, CreateEndpointConfig or CreateEndpoint with an existing name is refused with ValidationException "Cannot create already existing model / endpoint configuration / endpoint"',
    kind: 'observed',
    sources: [
      report(
        'astronomer/astronomer-providers#1055',
        'ValidationException ... CreateModel operation: Cannot create already existing model',
      ),
      report(
        'awslabs/spot-tagging-bot-for-digital-assets#2',
        'ValidationException ... CreateEndpointConfig operation: Cannot create already existing endpoint configuration',
      ),
      report(
        'aws/amazon-sagemaker-examples#2491',
        'ValidationException ... CreateEndpoint operation: Cannot create already existing endpoint',
      ),
      report(
        'aws/sagemaker-python-sdk src/sagemaker/session.py',
        'Session.create_model matches ValidationException "Cannot create already existing model"',
      ),
    ],
  },
  {
    id: 'sagemaker.missing.endpoint-config',
    claim:
      'CreateEndpoint naming an endpoint configuration that does not exist is refused with a validation error: ValidationException "Could not find endpoint configuration"',
    kind: 'documented',
    sources: [
      page(
        `${SM_API}/API_CreateEndpoint.html`,
        'Description: "If the dependent entities are not yet in DynamoDB, this causes a validation error"',
      ),
      report(
        'aws/amazon-sagemaker-operator-for-k8s controllers/sdkutil/clientwrapper/sagemaker_client.go',
        'maps "Could not find endpoint configuration" to ValidationException',
      ),
    ],
  },
  {
    id: 'sagemaker.missing.endpoint-config-on-update',
    claim:
      'UpdateEndpoint naming an endpoint configuration that does not exist is refused with ValidationException "Could not find endpoint configuration"',
    kind: 'observed',
    sources: [
      report(
        'aws/amazon-sagemaker-operator-for-k8s controllers/sdkutil/clientwrapper/sagemaker_client.go',
        'UpdateEndpointUnableToFindEndpointConfigCode = "ValidationException"',
      ),
    ],
  },
  {
    id: 'sagemaker.missing.endpoint-on-update',
    claim:
      'UpdateEndpoint of an endpoint that does not exist is refused with ValidationException "Could not find endpoint"',
    kind: 'observed',
    sources: [
      report(
        'aws/amazon-sagemaker-operator-for-k8s controllers/sdkutil/clientwrapper/sagemaker_client.go',
        'UpdateEndpoint404Code = "ValidationException", prefix "Could not find endpoint"',
      ),
    ],
  },
  {
    id: 'sagemaker.missing.model',
    claim:
      'CreateEndpointConfig naming a model that does not exist is refused with ValidationException "Could not find model"',
    kind: 'observed',
    sources: [
      report(
        'aws/sagemaker-python-sdk#2112',
        'ValidationException: Could not find model "arn:aws:sagemaker:...:model/..."',
      ),
      report(
        'aws-controllers-k8s/sagemaker-controller generator.yaml',
        'a missing model is ValidationException with the prefix "Could not find model"',
      ),
    ],
    caveat:
      'the captures found are of CreateEndpoint (a configuration whose model is gone) and of the Describe calls, and code that matches the message',
  },
  {
    id: 'sagemaker.missing.describe-delete',
    claim:
      'DescribeModel, DescribeEndpointConfig and DescribeEndpoint, and the Deletes of the three, naming a resource that does not exist are refused with ValidationException "Could not find <model|endpoint configuration|endpoint> "<arn>"."',
    kind: 'observed',
    sources: [
      report(
        'aws/amazon-sagemaker-examples#2402',
        'ValidationException ... DeleteEndpoint operation: Could not find endpoint "arn:aws:sagemaker:...:endpoint/..."',
      ),
      report(
        'aws-controllers-k8s/sagemaker-controller generator.yaml',
        'a missing model is ValidationException with the prefix "Could not find model"',
      ),
    ],
    caveat:
      'the captures found are of DeleteEndpoint and of the Describe calls; the Deletes of models and endpoint configurations are taken to answer alike',
  },
  {
    id: 'sagemaker.missing.job',
    claim:
      'Describe<X>Job and Stop<X>Job naming a job that does not exist are refused with ValidationException "Requested resource not found.", although the API model lists ResourceNotFound',
    kind: 'observed',
    sources: [
      report(
        'aws/aws-sdk#165',
        'DescribeTrainingJob returns ValidationException instead of ResourceNotFound for a job that does not exist',
      ),
      report(
        'aws/amazon-sagemaker-examples#2360',
        'ValidationException when calling the DescribeTrainingJob operation: Requested resource not found.',
      ),
    ],
    caveat:
      'captured for DescribeTrainingJob; the other Describe calls and the Stop calls are taken to answer alike',
  },
  {
    id: 'sagemaker.list.defaults',
    claim:
      'The List calls of jobs, models, endpoint configurations and endpoints sort by CreationTime unless asked otherwise (tuning jobs by Name), Ascending for training, processing, labeling and tuning jobs and Descending for the others; CreationTimeAfter is inclusive for models, endpoint configurations and endpoints, exclusive for jobs; a page holds 10 items unless MaxResults says otherwise',
    kind: 'documented',
    sources: [
      model(
        'sagemaker shapes.List*Request / List*Input members SortBy, SortOrder, CreationTimeAfter, MaxResults (documentation)',
      ),
      page(`${SM_API}/API_ListEndpoints.html`, 'MaxResults: "This value defaults to 10"'),
    ],
    caveat:
      'the page size of 10 is documented for ListEndpoints, ListTransformJobs and ListHyperParameterTuningJobs, and taken for the others; whether NameContains ignores case is not said (the emulator ignores it)',
  },
  {
    id: 'sagemaker.quota.concurrent-jobs',
    claim:
      "A Create of a job beyond the account's quota of jobs of its type running at once (InProgress or Stopping) is refused with ResourceLimitExceeded",
    kind: 'inferred',
    sources: [
      model('sagemaker shapes.ResourceLimitExceeded (documentation: too many training jobs created)'),
      model('sagemaker operations.Create*Job.errors (ResourceLimitExceeded)'),
    ],
    caveat:
      "SageMaker's quotas count instances of a type per job kind, and jobs for some kinds; the world's quota stands for any of them, counted in jobs; the refusal's message is not known",
  },
  {
    id: 'sfn.map.concurrent-iterations',
    claim:
      "In what order the Map iterations that run at once make their calls and record their events (and so which Create a job quota refuses, and what the others' jobs become) is not known: where it decides the outcome, the oracle predicts nothing",
    kind: 'inferred',
    undecided: true,
    sources: [page(`${DG}/state-map-inline.html`, 'MaxConcurrency')],
    caveat: 'the page says iterations run in parallel up to MaxConcurrency, not in what order',
  },
  {
    id: 'sagemaker.missing.model-on-transform',
    claim:
      'What CreateTransformJob naming a model that does not exist answers is not known: where it decides the outcome, the oracle predicts nothing',
    kind: 'inferred',
    undecided: true,
    sources: [
      model('sagemaker operations.CreateTransformJob.errors (ResourceNotFound)'),
      report(
        'aws/deep-learning-containers#586',
        'a transform job that failed as a job, "Could not find model" in its logs',
      ),
    ],
    caveat:
      'the API model lists ResourceNotFound; a third-party test stub answers ValidationException "Could not find model"; a report shows the job failing instead. The emulator answers a ValidationException',
  },
  {
    id: 'sfn.sagemaker.error-names',
    claim:
      'A SageMaker error becomes the task error SageMaker.<Code>Exception for the errors the model lists (ResourceLimitExceeded, ResourceInUse, ResourceNotFound), and SageMaker.AmazonSageMakerException for the others (ValidationException, ThrottlingException, AccessDeniedException)',
    kind: 'inferred',
    sources: [
      page(
        CONNECT_SAGEMAKER,
        'SageMaker AI Training Job Example (Retry on SageMaker.AmazonSageMakerException and SageMaker.ResourceLimitExceededException)',
      ),
    ],
    caveat:
      "the page shows the two names in a Retry; which code becomes which name follows the Java SDK's exception classes, by inference",
  },
  {
    id: 'sfn.sagemaker.cause-format',
    claim:
      'The cause of a SageMaker error is the service\'s message followed by "(Service: AmazonSageMaker; Status Code: 400; Error Code: <code>; Request ID: ...)"',
    kind: 'inferred',
    sources: [
      report(
        'localstack/localstack services/stepfunctions state_task_service_batch.py',
        'the same format for the Batch integration, as recorded on AWS',
      ),
    ],
  },
  {
    id: 'sfn.sagemaker.access-denied',
    claim:
      'A SageMaker call denied to the execution role fails the task with SageMaker.AmazonSageMakerException, its cause naming the action and the resource (AccessDeniedException), not States.Permissions',
    kind: 'inferred',
    sources: [
      report(
        'aws/aws-cdk#32294',
        "not authorized to perform: sagemaker:AddTags on resource ... (the denied call, in the task's failure)",
      ),
    ],
  },
] as const satisfies readonly EvidenceEntry[];
