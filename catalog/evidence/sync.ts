/** The rules of `.sync` (Run a Job): the managed EventBridge rule, polling, tags, the output. */
import type { EvidenceEntry } from './entry.js';
import {
  DG,
  IAM_TEMPLATES,
  model,
  page,
  recording,
  report,
  SFN_API,
  TASKS,
  TEMPLATE_PAGE,
} from './sources.js';

/** .sync: the managed rule, polling, tags, output. */
export const SYNC_RULES = [
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
] as const satisfies readonly EvidenceEntry[];
