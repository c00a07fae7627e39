/**
 * In which world scenarios the integration makes each call (spec §3, §4.2), and what a denial
 * costs: the consequence the oracle predicts for a newly denied call.
 */
import type { PredictedCall } from '../../oracles/calls/taskCalls.js';

export type ScenarioName = 'creation' | 'success' | 'failure' | 'retry' | 'abort';

export interface CallMeaning {
  readonly scenarios: readonly ScenarioName[];
  readonly consequence: string;
}

export function callMeaning(call: PredictedCall, sync: boolean): CallMeaning {
  const a = call.action;
  if (a.startsWith('events:')) {
    return {
      scenarios: ['creation'],
      consequence:
        'CreateStateMachine / UpdateStateMachine fails: "is not authorized to create managed-rule"',
    };
  }
  if (a.startsWith('sagemaker:Describe'))
    return {
      scenarios: ['success', 'failure', 'abort'],
      consequence: 'degraded: completion is seen only through EventBridge events',
    };
  if (a.startsWith('sagemaker:Stop'))
    return {
      scenarios: ['abort'],
      consequence: 'degraded: no cancel on abort, the job keeps running and billing',
    };
  if (a === 'sagemaker:ListTags') {
    return {
      scenarios: sync ? ['success', 'failure'] : [],
      consequence: sync
        ? 'degraded: the .sync output has no Tags map'
        : 'none: request-response makes no ListTags call',
    };
  }
  const fails =
    'the task fails with SageMaker.AmazonSageMakerException (AccessDenied): the execution FAILS unless a Catch handles it';
  if (call.level === 'documented') {
    return {
      scenarios: ['success', 'failure', 'retry', 'abort'],
      consequence: `in the template; whether the call is made is unverified (${call.reason})`,
    };
  }
  return { scenarios: ['success', 'failure', 'retry', 'abort'], consequence: fails };
}
