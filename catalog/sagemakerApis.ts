import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import type { Api, Pattern } from './api.js';
import { fact, rule, type Fact, type Provenance } from './provenance.js';

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
  /** EventBridge managed rule Step Functions uses to learn of the job's end (sfn.rule.*). */
  readonly eventRule: Fact<string>;
  /** The times the Describe response has besides `CreationTime` (epoch milliseconds in a `.sync` result). */
  readonly times: Fact<JobTimes>;
}

/** The Describe response's time members of a job besides `CreationTime`. */
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
  /** Member of the Create/Update response holding the ARN: the request-response result. */
  readonly resultField: Fact<string>;
  /** Where the shape of the IAM policy for this API comes from. */
  readonly policyTemplate: Provenance;
  /** Whether the console auto-generates the execution role's policy for this API. */
  readonly consoleGeneratesPolicy: Fact<boolean>;
  readonly job?: JobFacts;
}

const API_LIST = rule('sfn.sagemaker.apis');
const PATTERN_TABLE = rule('sfn.sagemaker.patterns');
const EXPRESS_RR = rule('sfn.express.request-response-only');
const API_MODEL = rule('sagemaker.request-members');
const SAR = rule('iam.sar.resource-types');
const TEMPLATE = rule('sfn.template.documented');
const BY_ANALOGY = rule('sfn.template.by-analogy');
const JOB_PATTERNS: readonly Pattern[] = ['requestResponse', 'sync'];
const RR_ONLY: readonly Pattern[] = ['requestResponse'];

interface JobSpec {
  readonly noun: string;
  readonly eventRule: Fact<string>;
  readonly documentedJob: boolean;
}

function jobFacts({ noun, eventRule, documentedJob }: JobSpec): JobFacts {
  const p = documentedJob ? TEMPLATE : BY_ANALOGY;
  return {
    describeAction: fact(`sagemaker:Describe${noun}`, p),
    stopAction: fact(`sagemaker:Stop${noun}`, p),
    statusField: fact(`${noun}Status`, API_MODEL),
    eventRule,
    times: fact(jobTimes(noun), API_MODEL),
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
    caseInsensitiveNames: spec.caseInsensitiveNames ?? fact(false, rule('sagemaker.names.case-sensitive')),
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
const NO_TEMPLATE = fact(false, rule('sfn.console.others-unknown'));
const CONSOLE_GENERATES = fact(true, TEMPLATE);
const CASE_INSENSITIVE = fact(true, rule('sagemaker.names.case-insensitive'));

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
      eventRule: fact('StepFunctionsGetEventsForSageMakerTrainingJobsRule', rule('sfn.rule.training')),
      documentedJob: true,
    },
  }),
  CreateTransformJob: apiFacts({
    api: 'CreateTransformJob',
    arnResourceType: 'transform-job',
    nameField: 'TransformJobName',
    // The request names a model, not a role; the template passes the model's role.
    roleFields: [],
    passRole: fact('always', rule('sfn.template.transform-passes-model-role')),
    resultField: 'TransformJobArn',
    documentedTemplate: true,
    consoleGeneratesPolicy: fact(false, rule('sfn.console.no-transform-policy')),
    job: {
      noun: 'TransformJob',
      eventRule: fact('StepFunctionsGetEventsForSageMakerTransformJobsRule', rule('sfn.rule.transform')),
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
      eventRule: fact('StepFunctionsGetEventsForSageMakerProcessingJobsRule', rule('sfn.rule.processing')),
      documentedJob: false,
    },
  }),
  CreateLabelingJob: apiFacts({
    api: 'CreateLabelingJob',
    arnResourceType: 'labeling-job',
    nameField: 'LabelingJobName',
    caseInsensitiveNames: CASE_INSENSITIVE,
    roleFields: [ROLE('RoleArn')],
    passRole: fact('always', BY_ANALOGY),
    resultField: 'LabelingJobArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
    job: {
      noun: 'LabelingJob',
      eventRule: fact('StepFunctionsGetEventsForSageMakerLabelingJobsRule', rule('sfn.rule.labeling')),
      documentedJob: false,
    },
  }),
  CreateHyperParameterTuningJob: apiFacts({
    api: 'CreateHyperParameterTuningJob',
    arnResourceType: 'hyper-parameter-tuning-job',
    nameField: 'HyperParameterTuningJobName',
    caseInsensitiveNames: CASE_INSENSITIVE,
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
      eventRule: fact('StepFunctionsGetEventsForSageMakerTuningJobsRule', rule('sfn.rule.tuning')),
      documentedJob: false,
    },
  }),
  CreateModel: apiFacts({
    api: 'CreateModel',
    arnResourceType: 'model',
    nameField: 'ModelName',
    roleFields: [OPTIONAL_ROLE('ExecutionRoleArn')],
    passRole: fact('whenRoleGiven', rule('sagemaker.passrole-checked')),
    resultField: 'ModelArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
  CreateEndpointConfig: apiFacts({
    api: 'CreateEndpointConfig',
    arnResourceType: 'endpoint-config',
    nameField: 'EndpointConfigName',
    roleFields: [OPTIONAL_ROLE('ExecutionRoleArn')],
    passRole: fact('whenRoleGiven', rule('sagemaker.passrole-checked')),
    resultField: 'EndpointConfigArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
  CreateEndpoint: apiFacts({
    api: 'CreateEndpoint',
    arnResourceType: 'endpoint',
    nameField: 'EndpointName',
    caseInsensitiveNames: CASE_INSENSITIVE,
    roleFields: [],
    passRole: fact('never', API_MODEL),
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
    passRole: fact('never', API_MODEL),
    relatedResources: [{ nameField: 'EndpointConfigName', arnResourceType: 'endpoint-config' }],
    resultField: 'EndpointArn',
    documentedTemplate: false,
    consoleGeneratesPolicy: NO_TEMPLATE,
  }),
};

/** Tagging actions of the policy templates: `ListTags` in both revisions, `AddTags` in `current`. */
export const TAGGING = {
  listTags: fact('sagemaker:ListTags', rule('sfn.template.listtags')),
  addTags: fact('sagemaker:AddTags', rule('sfn.template.addtags-current')),
  /** Tags Step Functions adds to jobs it starts with `.sync`. */
  stepFunctionsTags: fact(
    ['MANAGED_BY_AWS', 'AWS_STEP_FUNCTIONS_EXECUTION_ARN'] as const,
    rule('sfn.sync.tags-added'),
  ),
  /** The value of the MANAGED_BY_AWS tag (the other is the execution's ARN). */
  managedByValue: fact('STARTED_BY_STEP_FUNCTIONS', rule('sfn.sync.tags-added')),
} as const;

/** The EventBridge actions of the `.sync` templates' fourth statement. */
export const EVENTS_ACTIONS = fact(
  ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'] as const,
  TEMPLATE,
);

/**
 * SageMaker lower-cases resource names in the ARNs it returns (`training-job/myjob` for `MyJob`),
 * so `<type>/<Name>*` grants may not match names with capitals.
 */
export const ARN_NAMES_LOWERCASED = fact(true, rule('sagemaker.arn.lower-case'));

/** The service principal in the `iam:PassedToService` condition of the PassRole statement. */
export const PASSED_TO_SERVICE = fact('sagemaker.amazonaws.com', rule('sfn.template.passed-to-service'));

/** Looks an API up by the lowerCamel name used in Task Resource ARNs. */
export const API_BY_RESOURCE_NAME: ReadonlyMap<string, ApiFacts> = new Map(
  Object.values(SAGEMAKER_APIS).map((facts) => [facts.resourceName.value, facts]),
);

/** The error codes of SageMaker's answers the harness models. */
export type SageMakerErrorCode =
  | 'ValidationException'
  | 'ResourceInUse'
  | 'ResourceNotFound'
  | 'ResourceLimitExceeded'
  | 'ThrottlingException'
  | 'AccessDeniedException';

/**
 * The Step Functions error a SageMaker error code becomes: the modelled exceptions by their Java
 * class names, the others (validation, throttling, access) as the generic one.
 */
export const SFN_ERROR_NAMES = fact<Readonly<Record<SageMakerErrorCode, string>>>(
  {
    ResourceLimitExceeded: 'SageMaker.ResourceLimitExceededException',
    ResourceInUse: 'SageMaker.ResourceInUseException',
    ResourceNotFound: 'SageMaker.ResourceNotFoundException',
    ValidationException: 'SageMaker.AmazonSageMakerException',
    ThrottlingException: 'SageMaker.AmazonSageMakerException',
    AccessDeniedException: 'SageMaker.AmazonSageMakerException',
  },
  rule('sfn.sagemaker.error-names'),
);

/** The errors every operation may answer besides those its model lists. */
const COMMON_ERRORS: readonly SageMakerErrorCode[] = ['ValidationException', 'ThrottlingException'];

/** The errors an operation may answer: those its API model lists, and the common ones. */
export const OPERATION_ERRORS = fact<Readonly<Record<Api, readonly SageMakerErrorCode[]>>>(
  Object.fromEntries(
    Object.values(SAGEMAKER_APIS).map((f) => [
      f.api,
      [...((SAGEMAKER_MODEL.operations[f.api]?.errors ?? []) as SageMakerErrorCode[]), ...COMMON_ERRORS],
    ]),
  ) as unknown as Record<Api, readonly SageMakerErrorCode[]>,
  rule('sagemaker.errors.by-operation'),
);

/** How SageMaker refuses a second resource of a name in use: the code, and the message's wording. */
export interface DuplicateAnswer {
  readonly code: 'ResourceInUse' | 'ValidationException';
  /** The resource as the message names it (`Cannot create already existing <noun> "<arn>".`). */
  readonly noun?: string;
}

/** How each Create call answers a name in use: jobs ResourceInUse; models, configurations, endpoints ValidationException. */
export const DUPLICATE_ANSWERS: Readonly<Partial<Record<Api, Fact<DuplicateAnswer>>>> = (() => {
  const job = fact<DuplicateAnswer>({ code: 'ResourceInUse' }, rule('sagemaker.duplicate.job'));
  const other = (noun: string) =>
    fact<DuplicateAnswer>(
      { code: 'ValidationException', noun },
      rule('sagemaker.duplicate.model-config-endpoint'),
    );
  return {
    CreateTrainingJob: job,
    CreateTransformJob: job,
    CreateProcessingJob: job,
    CreateLabelingJob: job,
    CreateHyperParameterTuningJob: job,
    CreateModel: other('model'),
    CreateEndpointConfig: other('endpoint configuration'),
    CreateEndpoint: other('endpoint'),
  };
})();

/** A resource a request names that must exist: where its name is, its type, and how SageMaker refuses it. */
export interface Reference {
  /** Path of member names to the name; `[]` walks each list element. */
  readonly path: readonly string[];
  readonly arnResourceType: string;
  /** The resource as the message names it (`Could not find <noun> "<arn>".`). */
  readonly noun: string;
  /** What a missing one is answered with, and the rule that says so. */
  readonly missing: Fact<'ValidationException'>;
}

/** The resources each API's request names and SageMaker looks up: a missing one is a ValidationException. */
export const REFERENCES: Readonly<Partial<Record<Api, readonly Reference[]>>> = {
  CreateTransformJob: [
    {
      path: ['ModelName'],
      arnResourceType: 'model',
      noun: 'model',
      // Not known (the model lists ResourceNotFound; a stub answers a ValidationException).
      missing: fact('ValidationException', rule('sagemaker.missing.model-on-transform')),
    },
  ],
  CreateEndpointConfig: [
    {
      path: ['ProductionVariants', '[]', 'ModelName'],
      arnResourceType: 'model',
      noun: 'model',
      missing: fact('ValidationException', rule('sagemaker.missing.model')),
    },
  ],
  CreateEndpoint: [
    {
      path: ['EndpointConfigName'],
      arnResourceType: 'endpoint-config',
      noun: 'endpoint configuration',
      missing: fact('ValidationException', rule('sagemaker.missing.endpoint-config')),
    },
  ],
  UpdateEndpoint: [
    {
      path: ['EndpointConfigName'],
      arnResourceType: 'endpoint-config',
      noun: 'endpoint configuration',
      missing: fact('ValidationException', rule('sagemaker.missing.endpoint-config-on-update')),
    },
  ],
};

/** UpdateEndpoint of an endpoint that does not exist: a ValidationException (`Could not find endpoint "<arn>".`). */
export const MISSING_ENDPOINT_ON_UPDATE = fact(
  'ValidationException' as const,
  rule('sagemaker.missing.endpoint-on-update'),
);

/** IAM lets a role be passed only to a service of its own account: whether a role may be passed by a caller of an account. */
export const ROLE_OF_ACCOUNT = fact(
  (roleArn: string, account: string): boolean => roleArn.split(':')[4] === account,
  rule('iam.passrole.same-account'),
);

/** A field the API does not know, only seen at run time (from a whole-object path): the error it fails the state with. */
export const UNKNOWN_FIELD_AT_RUN_TIME = fact(
  'States.Runtime' as const,
  rule('sfn.parameters.unknown-field-at-run-time'),
);

/**
 * How SageMaker refuses a request that passes a role of another account (IAM does not let it be
 * passed): its code is not known; both codes it could be become SageMaker.AmazonSageMakerException.
 */
export const CROSS_ACCOUNT_ROLE = fact(
  'AccessDeniedException' as const,
  rule('sagemaker.cross-account-role'),
);

/** SageMaker's words for a missing resource, and for a name in use (the message, before Step Functions' cause format). */
export const missingMessage = (noun: string, arn: string): string => `Could not find ${noun} "${arn}".`;
/** SageMaker's words for a name already in use. */
export const duplicateMessage = (noun: string, arn: string): string =>
  `Cannot create already existing ${noun} "${arn}".`;

/**
 * A Describe or Delete of a model, endpoint configuration or endpoint that does not exist: a
 * ValidationException in SageMaker's words for a missing resource (`missingMessage`, its noun the
 * one DUPLICATE_ANSWERS gives).
 */
export const MISSING_ON_DESCRIBE_DELETE = fact(
  'ValidationException' as const,
  rule('sagemaker.missing.describe-delete'),
);

/** A Describe or Stop of a job that does not exist: ValidationException "Requested resource not found.". */
export const MISSING_JOB = fact(
  { code: 'ValidationException' as const, message: 'Requested resource not found.' },
  rule('sagemaker.missing.job'),
);
