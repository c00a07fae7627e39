/** The rules of Step Functions' and AWS's limits: execution length, definition and payload sizes, endpoints. */
import type { EvidenceEntry } from './entry.js';
import { DG, model, page, SFN_API } from './sources.js';

/** Limits. */
export const LIMIT_RULES = [
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
    id: 'sfn.limits.name-characters',
    claim:
      "A state machine's or execution's name has 1 to 80 characters, none of them whitespace, brackets, wildcards, control characters or any of \" # % \\ ^ | ~ ` $ & , ; : /",
    kind: 'documented',
    sources: [
      page(`${DG}/service-quotas.html`, 'General quotas: Names in Step Functions'),
      page(`${SFN_API}/API_CreateStateMachine.html`, 'Request Parameters: name'),
      model('stepfunctions shapes.Name (length 1 to 80)'),
    ],
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
] as const satisfies readonly EvidenceEntry[];
