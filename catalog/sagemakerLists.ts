/**
 * SageMaker's List calls of the resources the integration creates (ListTrainingJobs, ...,
 * ListModels, ListEndpointConfigs, ListEndpoints): whose resources each lists, the member holding
 * them, and what each does unless asked otherwise (sort field and order, page size, whether
 * CreationTimeAfter takes its own instant). Data only; the emulator's SageMaker applies it.
 */
import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import type { Api } from './api.js';
import { fact, rule, type Fact } from './provenance.js';

/** One List call: the API whose resources it lists, and its defaults. */
export interface ListFacts {
  /** The operation, e.g. `ListTrainingJobs`. */
  readonly operation: string;
  /** The create call of the resources it lists. */
  readonly api: Api;
  /** The response member holding the page's summaries, e.g. `TrainingJobSummaries` (from the model). */
  readonly itemsMember: string;
  /** The summary's shape, e.g. `TrainingJobSummary` (from the model). */
  readonly summaryShape: string;
  /** The sort field without `SortBy`. */
  readonly sortBy: 'Name' | 'CreationTime';
  /** The sort order without `SortOrder`. */
  readonly sortOrder: 'Ascending' | 'Descending';
  /** Whether `CreationTimeAfter` takes a resource created at that instant (`greater than or equal`). */
  readonly creationTimeAfterInclusive: boolean;
}

/** The list member of an operation's output, and the shape of its elements. */
function itemsOf(operation: string): { itemsMember: string; summaryShape: string } {
  const output = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[operation]!.output!]!;
  for (const [member, shape] of Object.entries(output.members ?? {})) {
    const s = SAGEMAKER_MODEL.shapes[shape]!;
    if (s.type === 'list') return { itemsMember: member, summaryShape: s.member! };
  }
  throw new Error(`${operation}: no list in its output`);
}

const list = (
  operation: string,
  api: Api,
  sortBy: ListFacts['sortBy'],
  sortOrder: ListFacts['sortOrder'],
  creationTimeAfterInclusive: boolean,
): ListFacts => ({
  operation,
  api,
  ...itemsOf(operation),
  sortBy,
  sortOrder,
  creationTimeAfterInclusive,
});

/** The List calls, by operation (the defaults as each request shape's documentation gives them). */
export const SAGEMAKER_LISTS: Fact<Readonly<Record<string, ListFacts>>> = fact(
  Object.fromEntries(
    [
      list('ListTrainingJobs', 'CreateTrainingJob', 'CreationTime', 'Ascending', false),
      list('ListTransformJobs', 'CreateTransformJob', 'CreationTime', 'Descending', false),
      list('ListProcessingJobs', 'CreateProcessingJob', 'CreationTime', 'Ascending', false),
      list('ListLabelingJobs', 'CreateLabelingJob', 'CreationTime', 'Ascending', false),
      list('ListHyperParameterTuningJobs', 'CreateHyperParameterTuningJob', 'Name', 'Ascending', false),
      list('ListModels', 'CreateModel', 'CreationTime', 'Descending', true),
      list('ListEndpointConfigs', 'CreateEndpointConfig', 'CreationTime', 'Descending', true),
      list('ListEndpoints', 'CreateEndpoint', 'CreationTime', 'Descending', true),
    ].map((f) => [f.operation, f]),
  ),
  rule('sagemaker.list.defaults'),
);

/** The page size of a List call whose request gives no MaxResults. */
export const LIST_PAGE_SIZE = fact(10, rule('sagemaker.list.defaults'));
