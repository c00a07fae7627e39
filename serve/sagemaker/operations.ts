/**
 * The SageMaker operations `serve` answers (JSON 1.1, `X-Amz-Target: SageMaker.<Operation>`), each a
 * function of the request's input to its output, on the one SageMaker world the server's executions
 * use: the nine Create/Update calls of the optimized integration, Describe and Stop of the five job
 * types, Describe and Delete of models, endpoint configurations and endpoints, the List calls of
 * them all, AddTags and ListTags. Each request is checked against the API model first, in
 * SageMaker's words (`Value 'my_job' at 'trainingJobName' failed to satisfy constraint: ...`), then
 * the emulated service answers; its refusals keep their codes (ValidationException, ResourceInUse,
 * ResourceLimitExceeded, ResourceNotFound). Timestamps go out as epoch seconds.
 *
 * These calls are the caller's own, not an execution role's: no policy applies to them, and any
 * credentials are taken. A job created here runs as the server's scenario says (its `job`), on the
 * virtual clock, which moves as executions end.
 */
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import { API_NAMES } from '../../catalog/api.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import { LIST_PAGE_SIZE, SAGEMAKER_LISTS } from '../../catalog/sagemakerLists.js';
import type { WorldScenario } from '../../catalog/scenario.js';
import {
  jobTiming,
  SageMakerError,
  type DeletableApi,
  type ListQuery,
} from '../../emulator/sagemaker/service.js';
import type { EmulatedStepFunctions } from '../../emulator/stepFunctions.js';
import { semanticViolations } from '../../validation/semanticRules.js';
import { AwsError, checkedOperations, type Operation } from '../protocol/json.js';
import { pageOf, type PagingRules } from '../protocol/paging.js';
import { requestChecker } from '../protocol/requestCheck.js';
import { fromWire, toWire } from './wireTimes.js';

/** SageMaker's wording of a violated constraint: the value named, the pattern anchored (observed). */
const checkRequest = requestChecker(SAGEMAKER_MODEL, { quotesValue: true, anchorsPattern: true });

/**
 * SageMaker's pages: 10 items unless MaxResults says otherwise (sagemaker.list.defaults). Its
 * answer to a token it did not give is not known: a ValidationException (inferred).
 */
const PAGING: PagingRules = {
  defaultSize: LIST_PAGE_SIZE.value,
  invalidToken: (token) => new AwsError('ValidationException', `Invalid pagination token: ${token}`),
};

/** The operation's output with its timestamps in epoch seconds. */
function output(operation: string, value: Record<string, unknown>): Record<string, unknown> {
  const shape = SAGEMAKER_MODEL.operations[operation]?.output;
  return shape ? (toWire(shape, value) as Record<string, unknown>) : value;
}

/** The List request's filters and order, times in epoch milliseconds. */
function listQuery(input: Record<string, unknown>): ListQuery {
  const query: Record<string, unknown> = {};
  for (const key of ['NameContains', 'StatusEquals', 'SortBy', 'SortOrder'])
    if (typeof input[key] === 'string') query[key] = input[key];
  for (const key of [
    'CreationTimeAfter',
    'CreationTimeBefore',
    'LastModifiedTimeAfter',
    'LastModifiedTimeBefore',
  ])
    if (input[key] !== undefined) query[key] = fromWire(input[key]);
  return query as ListQuery;
}

/** The operations on the SageMaker world of `sfn`'s default scenario, by name; `scenario` says how jobs created here end. */
export function sagemakerOperations(
  sfn: EmulatedStepFunctions,
  scenario: WorldScenario,
): Readonly<Record<string, Operation>> {
  const world = () => sfn.sagemaker();
  const ops: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> = {};
  for (const api of API_NAMES) {
    const facts = SAGEMAKER_APIS[api];
    const nameOf = (input: Record<string, unknown>) => input[facts.nameField.value] as string;
    // The model's constraints were checked with the request; the service checks the rules it lacks.
    ops[api] = (input) =>
      world().create(
        api,
        input,
        sfn.now(),
        facts.job ? jobTiming(scenario, sfn.now()).plan : undefined,
        semanticViolations(api, input),
      );
    if (facts.job) {
      const describe = facts.job.describeAction.value.replace('sagemaker:', '');
      ops[describe] = (input) => output(describe, world().describe(api, nameOf(input), sfn.now()));
      ops[facts.job.stopAction.value.replace('sagemaker:', '')] = (input) => {
        world().stop(api, nameOf(input), sfn.now());
        return {};
      };
    } else if (api !== 'UpdateEndpoint') {
      const noun = facts.resultField.value.replace(/Arn$/, '');
      ops[`Describe${noun}`] = (input) =>
        output(`Describe${noun}`, world().describeResource(api as DeletableApi, nameOf(input)));
      ops[`Delete${noun}`] = (input) => {
        world().delete(api as DeletableApi, nameOf(input));
        return {};
      };
    }
  }
  for (const [operation, facts] of Object.entries(SAGEMAKER_LISTS.value))
    ops[operation] = (input) => {
      const query = listQuery(input);
      const all = world().listResources(operation, query, sfn.now());
      const scope = `${operation} ${JSON.stringify(query)}`;
      const { items, nextToken } = pageOf(
        all,
        { size: input.MaxResults, token: input.NextToken },
        scope,
        PAGING,
      );
      return output(operation, {
        [facts.itemsMember]: items,
        ...(nextToken ? { NextToken: nextToken } : {}),
      });
    };
  ops.ListTags = (input) => ({ Tags: world().listTags(input.ResourceArn as string) });
  ops.AddTags = (input) => {
    const tags = input.Tags as { Key: string; Value: string }[];
    world().addTags(input.ResourceArn as string, tags);
    return { Tags: tags };
  };
  return checkedOperations(ops, checkRequest, (e) => {
    if (e instanceof SageMakerError) throw new AwsError(e.code, e.message);
    throw e;
  });
}
