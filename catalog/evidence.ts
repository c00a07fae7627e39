/**
 * The evidence table: every rule the oracle applies, and every behaviour of the emulator a
 * prediction rests on, with what it rests on. One entry per rule, each with a stable id, the claim
 * in the project's words, its kind and its sources:
 *
 * - `documented`: an AWS documentation page or an AWS API model says it (a `page` or `model` source);
 * - `observed`: a public report, captured output or a recorded execution shows AWS doing it (a
 *   `report` or `recording` source), where no page says it;
 * - `inferred`: neither: by analogy, or an assumption of the harness (`assumption`).
 *
 * A prediction is as strong as the weakest rule it rests on (catalog/provenance.ts). The kinds are
 * held to their sources by catalog/evidence.test.ts; docs/evidence.md is rendered from this table
 * (scripts/gen-evidence-doc.ts).
 */
/** How a claim is known: a page says it, AWS was seen doing it, or neither (strongest first). */
export type ProvenanceKind = 'documented' | 'observed' | 'inferred';

/** Where a claim comes from. */
export type Source =
  /** An AWS documentation page (its address) and the section that says it. */
  | { readonly page: string; readonly section: string }
  /** A shape path of an AWS API model in its botocore form, e.g. `sagemaker operations.CreateEndpoint.errors`. */
  | { readonly model: string }
  /** A public report: an issue or pull request (`owner/repo#N`), or a file (`owner/repo path`). */
  | { readonly report: string; readonly shows: string }
  /** An execution recorded on AWS, by its file in this repository. */
  | { readonly recording: string };

export interface EvidenceEntry {
  readonly id: string;
  readonly claim: string;
  readonly kind: ProvenanceKind;
  readonly sources: readonly Source[];
  /** An assumption the harness makes about every target, not a claim AWS makes. */
  readonly assumption?: true;
  /** Where the oracle predicts nothing because of this rule: the aspect is left undecided. */
  readonly undecided?: true;
  /** What contradicts the claim, or what is not known. */
  readonly caveat?: string;
}

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg';
const SFN_API = 'https://docs.aws.amazon.com/step-functions/latest/apireference';
const SM_API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference';
const CONNECT_SAGEMAKER = `${DG}/connect-sagemaker.html`;
const IAM_TEMPLATES = `${DG}/service-integration-iam-templates.html`;
const ERRORS = `${DG}/concepts-error-handling.html`;
const ASL = 'https://states-language.net/spec.html';
const TASKS = 'testdata/aws-recorded-tasks';
const RECORDED = 'testdata/aws-recorded';

const page = (url: string, section: string): Source => ({ page: url, section });
const model = (path: string): Source => ({ model: path });
const report = (ref: string, shows: string): Source => ({ report: ref, shows });
const recording = (file: string): Source => ({ recording: file });

const TEMPLATE_PAGE = page(CONNECT_SAGEMAKER, 'IAM policies for calling Amazon SageMaker AI');

const entries = [
  // ---- The integration: APIs, patterns, where they are refused ----
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

  // ---- The policy templates ----
  {
    id: 'sfn.template.documented',
    claim:
      'AWS publishes the execution-role policy of CreateTrainingJob and CreateTransformJob: the Create action (plus Describe and Stop for .sync) on <type>/<name>* (static) or <type>/* (dynamic), ListTags (and AddTags in the current revision) on *, iam:PassRole on the role with iam:PassedToService sagemaker.amazonaws.com, and for .sync the events actions on the managed rule',
    kind: 'documented',
    sources: [TEMPLATE_PAGE, page(IAM_TEMPLATES, 'Static and dynamic resources')],
  },
  {
    id: 'sfn.template.by-analogy',
    claim:
      'The seven APIs without a published template (processing, labeling, tuning, model, endpoint config, endpoint, update endpoint) take the same shape as CreateTrainingJob',
    kind: 'inferred',
    sources: [TEMPLATE_PAGE],
    caveat:
      'no page shows their policy; the CDK constructs differ in places (lower-cased names, no ListTags)',
  },
  {
    id: 'sfn.template.transform-passes-model-role',
    claim:
      "The CreateTransformJob template has iam:PassRole on [[roleArn]] although the request names no role (the model's role)",
    kind: 'documented',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'sfn.template.listtags',
    claim: 'Every SageMaker template grants sagemaker:ListTags on *',
    kind: 'documented',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'sfn.template.addtags-current',
    claim:
      'The current revision of the templates adds sagemaker:AddTags to the ListTags statement; older revisions do not have it',
    kind: 'documented',
    sources: [
      TEMPLATE_PAGE,
      report(
        'awsdocs/aws-step-functions-developer-guide doc_source/sagemaker-iam.md',
        'the older templates, without AddTags',
      ),
    ],
  },
  {
    id: 'sfn.template.passed-to-service',
    claim: 'The PassRole statement has the condition iam:PassedToService = sagemaker.amazonaws.com',
    kind: 'documented',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'sfn.console.no-transform-policy',
    claim: 'Step Functions does not generate a policy for CreateTransformJob: the user attaches one',
    kind: 'documented',
    sources: [page(CONNECT_SAGEMAKER, 'CreateTransformJob note')],
  },
  {
    id: 'sfn.console.others-unknown',
    claim: 'What the console generates for the seven APIs without a published template is not known',
    kind: 'inferred',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'iam.sar.resource-types',
    claim:
      'Each SageMaker action is authorized on the ARN resource type of what it creates (training-job, model, endpoint-config ...)',
    kind: 'documented',
    sources: [
      page(
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemakerai.html',
        'Actions defined by Amazon SageMaker AI; Resource types',
      ),
    ],
  },
  {
    id: 'iam.sar.related-resources',
    claim:
      'CreateEndpoint and UpdateEndpoint are authorized on the endpoint configuration they name as well as on the endpoint',
    kind: 'inferred',
    sources: [
      page(
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemakerai.html',
        'Actions defined by Amazon SageMaker AI (CreateEndpoint: endpoint, endpoint-config)',
      ),
    ],
    caveat:
      'the reference lists both resource types for the action; that both are checked on one call is inferred',
  },

  // ---- .sync: the managed rule, polling, tags, output ----
  {
    id: 'sfn.rule.training',
    claim:
      'The managed rule of CreateTrainingJob .sync is StepFunctionsGetEventsForSageMakerTrainingJobsRule',
    kind: 'documented',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'sfn.rule.transform',
    claim:
      'The managed rule of CreateTransformJob .sync is StepFunctionsGetEventsForSageMakerTransformJobsRule',
    kind: 'documented',
    sources: [TEMPLATE_PAGE],
  },
  {
    id: 'sfn.rule.processing',
    claim:
      'The managed rule of CreateProcessingJob .sync is StepFunctionsGetEventsForSageMakerProcessingJobsRule',
    kind: 'observed',
    sources: [
      report(
        "public execution-role policies that run processing .sync steps (search GitHub for 'StepFunctionsGetEventsForSageMakerProcessingJobsRule': Data Science SDK, Terraform and CDK files)",
        'grant events:PutRule on rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule for processing .sync steps',
      ),
    ],
    caveat: 'no AWS page names it; indirect: the name in policies that work',
  },
  {
    id: 'sfn.rule.tuning',
    claim:
      'The managed rule of CreateHyperParameterTuningJob .sync is StepFunctionsGetEventsForSageMakerTuningJobsRule',
    kind: 'observed',
    sources: [
      report(
        "the Data Science SDK example notebooks' StepFunctionsWorkflowExecutionPolicy (search GitHub for 'StepFunctionsGetEventsForSageMakerTuningJobsRule')",
        'grants events:PutRule on rule/StepFunctionsGetEventsForSageMakerTuningJobsRule beside the training and transform rules',
      ),
    ],
    caveat: 'no AWS page names it; indirect: the name in policies that work',
  },
  {
    id: 'sfn.rule.labeling',
    claim:
      'The managed rule of CreateLabelingJob .sync is StepFunctionsGetEventsForSageMakerLabelingJobsRule (named by analogy)',
    kind: 'inferred',
    sources: [TEMPLATE_PAGE],
    caveat: 'no public source names a labeling rule; labeling may use polling only',
  },
  {
    id: 'sfn.managed-rule.needed-at-creation',
    claim:
      'Without events:PutRule, PutTargets and DescribeRule on the managed rule, CreateStateMachine (and UpdateStateMachine) of a .sync state machine fails: AccessDeniedException "... is not authorized to create managed-rule"',
    kind: 'observed',
    sources: [
      report(
        'serverless-operations/serverless-step-functions#385',
        'a SageMaker training .sync state machine failed to deploy: "is not authorized to create managed-rule" (AccessDeniedException)',
      ),
      report('nasa/cumulus#2693', 'the same failure for another .sync integration'),
      report(
        'terraform-aws-modules/terraform-aws-step-functions#11',
        'the same failure for another .sync integration',
      ),
    ],
  },
  {
    id: 'sfn.sync.polls-describe',
    claim:
      'A .sync task polls Describe<X>Job until the job ends (Step Functions watches a job through polling and EventBridge events)',
    kind: 'documented',
    sources: [page(IAM_TEMPLATES, 'Run a Job (.sync): polling and events'), TEMPLATE_PAGE],
  },
  {
    id: 'sfn.sync.events-when-polling-denied',
    claim:
      "Without the Describe permission, a .sync task learns of the job's end through the job's EventBridge event, when the job ends",
    kind: 'inferred',
    sources: [page(IAM_TEMPLATES, 'Run a Job (.sync): polling and events')],
    caveat: 'the page says only that a task may complete through events when polling permissions are missing',
  },
  {
    id: 'sfn.sync.tags-added',
    claim:
      "Step Functions tags the job it starts with .sync: MANAGED_BY_AWS = STARTED_BY_STEP_FUNCTIONS and AWS_STEP_FUNCTIONS_EXECUTION_ARN = the execution's ARN",
    kind: 'observed',
    sources: [
      report(
        "a public Lambda test event holding a tuning job's .sync result (search GitHub for 'mldemo-dev-state-machine')",
        'a DescribeHyperParameterTuningJob result of a .sync task with Tags {AWS_STEP_FUNCTIONS_EXECUTION_ARN, MANAGED_BY_AWS: STARTED_BY_STEP_FUNCTIONS}',
      ),
      report(
        'localstack/localstack services/stepfunctions state_task_service_batch.py',
        'MANAGED_BY_AWS = STARTED_BY_STEP_FUNCTIONS is what the Batch .sync integration adds, as recorded on AWS',
      ),
    ],
  },
  {
    id: 'sfn.sync.addtags-needed',
    claim:
      'Tagging a job on create needs sagemaker:AddTags: a .sync task (which tags its job) fails without it, as does a request with Tags',
    kind: 'observed',
    sources: [
      report(
        'aws-samples/amazon-sagemaker-ml-pipeline-deploy-with-terraform#3',
        'a Create Training Job step failed until sagemaker:AddTags was granted',
      ),
      report(
        'aws/aws-cdk#32294',
        'not authorized to perform: sagemaker:AddTags on resource ...training-job/...',
      ),
    ],
  },
  {
    id: 'sfn.sync.output-is-describe',
    claim:
      'A .sync task returns the Describe<X>Job result of the ended job, with a Tags map (key to value) read with ListTags',
    kind: 'observed',
    sources: [
      report(
        "a public Lambda test event holding a tuning job's .sync result (search GitHub for 'mldemo-dev-state-machine')",
        "a DescribeHyperParameterTuningJob result with a Tags map as a .sync task's output",
      ),
    ],
  },
  {
    id: 'sfn.sync.epoch-milliseconds',
    claim: "The times of a .sync result are epoch milliseconds (numbers), not the API's epoch seconds",
    kind: 'observed',
    sources: [
      report(
        "a public Lambda test event holding a tuning job's .sync result (search GitHub for 'mldemo-dev-state-machine')",
        '"CreationTime": 1585397644473 in a .sync task\'s output',
      ),
    ],
  },
  {
    id: 'sfn.sync.job-times',
    claim:
      "A job's CreationTime is when its create call was made and its end time when its status became terminal (on the virtual clock)",
    kind: 'inferred',
    sources: [
      model(
        'sagemaker shapes.DescribeTrainingJobResponse (CreationTime, TrainingStartTime, TrainingEndTime)',
      ),
    ],
  },
  {
    id: 'sfn.sync.describe-echoes-request',
    claim:
      'The Describe result echoes the members of the create request its shape has, names the job (ARN and status) and, for training, puts the model at <S3OutputPath>/<job name>/output/model.tar.gz',
    kind: 'inferred',
    sources: [
      model('sagemaker shapes.DescribeTrainingJobResponse'),
      model('sagemaker shapes.ModelArtifacts'),
    ],
  },
  {
    id: 'sfn.sync.failed-job',
    claim:
      'A .sync job that ends Failed or Stopped fails the task with States.TaskFailed, the cause the Describe result (with its FailureReason)',
    kind: 'inferred',
    sources: [
      report(
        'localstack/localstack services/stepfunctions state_task_service_batch.py',
        'the Batch .sync integration fails a FAILED job with States.TaskFailed and the Describe JSON as cause',
      ),
    ],
    caveat: 'by analogy with Batch; no SageMaker capture found',
  },
  {
    id: 'sfn.sync.heartbeat',
    claim:
      "Whether Step Functions' own Describe polls of a .sync task reset its HeartbeatSeconds clock is not known: where it decides the outcome, the oracle predicts nothing",
    kind: 'inferred',
    undecided: true,
    sources: [
      page(
        `${SFN_API}/API_SendTaskHeartbeat.html`,
        'Description: the heartbeat is reset by SendTaskHeartbeat',
      ),
      report(
        'localstack/localstack services/stepfunctions state_task_service_callback.py',
        'an emulator in which polling does not count as a heartbeat (not checked against AWS)',
      ),
    ],
    caveat:
      'the only AWS statement found resets the heartbeat clock with SendTaskHeartbeat; the emulator counts a poll as one',
  },
  {
    id: 'sfn.sync.stop-on-abort',
    claim:
      'When an execution is stopped while a .sync task runs, Step Functions makes a best-effort Stop<X>Job; without the permission the job keeps running',
    kind: 'documented',
    sources: [page(IAM_TEMPLATES, 'Cancellation permissions for .sync')],
  },
  {
    id: 'sfn.sync.stop-on-machine-timeout',
    claim: 'A state machine that times out while a .sync task runs stops its job as StopExecution does',
    kind: 'inferred',
    sources: [page(IAM_TEMPLATES, 'Cancellation permissions for .sync')],
    caveat: 'the pages list stopped executions, failed branches and iterations; not timeouts',
  },
  {
    id: 'sfn.sync.no-stop-on-task-timeout',
    claim: 'A task that times out (TimeoutSeconds) makes no Stop<X>Job call: the job runs on',
    kind: 'inferred',
    sources: [page(IAM_TEMPLATES, 'Cancellation permissions for .sync')],
    caveat: 'undocumented: no page or report says whether a task timeout stops the job',
  },
  {
    id: 'sfn.sync.task-token',
    claim:
      'The context object of a task using the callback pattern (and of a .sync task) has Task.Token; other states have no Task',
    kind: 'documented',
    sources: [
      page(`${DG}/input-output-contextobject.html`, 'Context object data for task tokens'),
      page(
        `${SFN_API}/API_SendTaskSuccess.html`,
        'Description: callback tasks and, optionally, job run tasks',
      ),
      recording(`${TASKS}/022-sync-with-task-token.json`),
      recording(`${TASKS}/067-sqs-wait-for-task-token.json`),
    ],
  },

  // ---- SageMaker's answers ----
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

  // ---- ASL semantics the oracle applies ----
  {
    id: 'asl.retry',
    claim:
      'Retriers are tried in order; the first that matches applies; wait IntervalSeconds x BackoffRate^n capped by MaxDelaySeconds (FULL jitter: up to that), MaxAttempts per retrier per state visit; then catchers in order',
    kind: 'documented',
    sources: [
      page(ERRORS, 'Retrying after an error; Fallback states'),
      page(ASL, 'Retrying after error; Fallback states'),
    ],
  },
  {
    id: 'asl.task-failed-wildcard',
    claim:
      'States.TaskFailed matches every error name but States.Timeout; States.ALL every one but States.Runtime',
    kind: 'documented',
    sources: [page(ERRORS, 'Error names')],
  },
  {
    id: 'asl.runtime-uncatchable',
    claim: 'States.Runtime is never retried or caught',
    kind: 'documented',
    sources: [page(ERRORS, 'Error names (States.Runtime)')],
  },
  {
    id: 'asl.data-flow',
    claim:
      "InputPath, Parameters / Arguments, ResultSelector, ResultPath, OutputPath (JSONPath) and Output, Assign (JSONata) shape a state's input and output as documented",
    kind: 'documented',
    sources: [
      page(`${DG}/concepts-input-output-filtering.html`, 'Processing input and output'),
      page(`${DG}/workflow-variables.html`, 'Variables and their scope'),
      page(`${DG}/transforming-data.html`, 'Transforming data with JSONata'),
    ],
  },
  {
    id: 'asl.task-timeout',
    claim: 'A task that runs past its TimeoutSeconds fails with States.Timeout',
    kind: 'documented',
    sources: [
      page(`${DG}/state-task.html`, 'Task state fields: TimeoutSeconds'),
      page(ERRORS, 'Error names (States.Timeout)'),
    ],
  },
  {
    id: 'asl.heartbeat-timeout-error',
    claim:
      "A task that misses its heartbeat fails with States.Timeout (the history's error), which States.HeartbeatTimeout also matches in Retry and Catch",
    kind: 'documented',
    sources: [
      page(ERRORS, 'Error names (States.Timeout, States.HeartbeatTimeout)'),
      recording(`${TASKS}/170-heartbeat-timeout.json`),
    ],
  },
  {
    id: 'asl.machine-timeout',
    claim: "An execution that runs past the state machine's TimeoutSeconds (or a year) ends TIMED_OUT",
    kind: 'documented',
    sources: [
      page(ASL, 'Top-level fields: TimeoutSeconds'),
      page(`${DG}/service-quotas.html`, 'Quotas related to state machine executions: maximum execution time'),
    ],
  },
  {
    id: 'sfn.timed-out-no-error',
    claim:
      'DescribeExecution of a timed-out execution has no error or cause (its ExecutionTimedOut event has them)',
    kind: 'observed',
    sources: [
      report(
        'floci-io/floci#2733',
        'DescribeExecution of an execution timed out on AWS has no error or cause',
      ),
    ],
  },
  {
    id: 'sfn.stop-execution',
    claim: 'StopExecution aborts the running task: the execution ends ABORTED',
    kind: 'documented',
    sources: [page(`${SFN_API}/API_StopExecution.html`, 'Description')],
  },
  {
    id: 'sfn.history.aborted-task',
    claim:
      'An aborted or timed-out execution records TaskStateAborted for its running task before ExecutionAborted / ExecutionTimedOut',
    kind: 'inferred',
    sources: [model('stepfunctions shapes.HistoryEventType')],
    caveat: 'the order of the events is not documented',
  },
  {
    id: 'sfn.history.events',
    claim:
      'The event sequences of Task, Choice, Pass, Succeed, Fail, Map and Parallel states (TaskScheduled, TaskStarted, TaskSubmitted for .sync, MapIterationStarted ...)',
    kind: 'observed',
    sources: [
      recording(`${TASKS}/170-heartbeat-timeout.json`),
      recording(`${TASKS}/022-sync-with-task-token.json`),
      recording(`${RECORDED}/016-reference-in-map-state-map-state-reference-in-intrinsic-func.json`),
      recording(`${RECORDED}/409-parallel-state-parallel-state-parameters.json`),
    ],
  },
  {
    id: 'sfn.path-unresolved-runtime',
    claim:
      'A JSONPath ".$" reference that cannot be resolved fails the execution with States.Runtime: "The JSONPath ... specified for the field ... could not be found in the input ..."',
    kind: 'observed',
    sources: [
      recording(`${RECORDED}/459-invalid-jsonpath-invalid-jsonpath-in-string-expr-contextpath.json`),
      recording(`${RECORDED}/460-invalid-jsonpath-st-invalid-jsonpath-in-causepath.json`),
    ],
    caveat: 'the ASL specification names States.ParameterPathFailure for this; AWS raises States.Runtime',
  },
  {
    id: 'sfn.jsonata-undefined',
    claim:
      'A JSONata expression of Arguments that returns nothing fails with States.QueryEvaluationError, which can be retried and caught',
    kind: 'documented',
    sources: [
      page(ERRORS, 'Error names (States.QueryEvaluationError)'),
      recording(`${RECORDED}/018-undefined-reference-base-undefined-output.json`),
    ],
  },

  // ---- Limits ----
  {
    id: 'sfn.limits.execution-year',
    claim: 'A Standard execution runs at most a year; past it the execution times out',
    kind: 'documented',
    sources: [page(`${DG}/service-quotas.html`, 'Quotas related to state machine executions')],
  },
  {
    id: 'sfn.limits.definition-size',
    claim: 'CreateStateMachine takes a definition of 1 to 1,048,576 characters',
    kind: 'documented',
    sources: [model('stepfunctions shapes.Definition (length 1 to 1048576)')],
  },
  {
    id: 'sfn.limits.payload-size',
    claim: "An execution's, state's or task's input or output is at most 256 KiB of UTF-8",
    kind: 'documented',
    sources: [
      page(`${DG}/service-quotas.html`, 'Quotas related to task executions: maximum input or output size'),
    ],
  },
  {
    id: 'aws.china-endpoints',
    claim: 'Services in the China regions are reached at amazonaws.com.cn',
    kind: 'documented',
    sources: [page('https://docs.aws.amazon.com/general/latest/gr/rande.html', 'Service endpoints')],
  },

  // ---- Assumptions of the harness ----
  {
    id: 'harness.target-answers',
    claim:
      "A target answers every well-formed call with a result or a modelled error; a server error, an unreadable answer or an execution it never ends is the target's",
    kind: 'inferred',
    assumption: true,
    sources: [model('stepfunctions operations (errors each operation lists)')],
  },
] as const satisfies readonly EvidenceEntry[];

/** The id of a rule of the evidence table. */
export type RuleId = (typeof entries)[number]['id'];

/** The evidence table, by id. */
export const EVIDENCE: Readonly<Record<RuleId, EvidenceEntry>> = Object.fromEntries(
  entries.map((e) => [e.id, e]),
) as unknown as Record<RuleId, EvidenceEntry>;

/** Every entry, in the table's order. */
export const EVIDENCE_ENTRIES: readonly EvidenceEntry[] = entries;

/** A source as one line of text. */
export function sourceText(s: Source): string {
  if ('page' in s) return `${s.page} (${s.section})`;
  if ('model' in s) return `AWS API model: ${s.model}`;
  if ('report' in s) return `${s.report}: ${s.shows}`;
  return s.recording;
}
