/** The rules of the IAM policy templates Step Functions documents for the SageMaker integration. */
import type { EvidenceEntry } from './entry.js';
import { CONNECT_SAGEMAKER, IAM_TEMPLATES, page, report, TEMPLATE_PAGE } from './sources.js';

/** The policy templates. */
export const TEMPLATE_RULES = [
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
] as const satisfies readonly EvidenceEntry[];
