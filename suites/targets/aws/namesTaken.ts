/**
 * SageMaker names a case would create that are not free on the target. A case is predicted in a
 * world where every name it creates is free (the scenario's `namesInUse` aside), but on an account
 * a job's name stays taken for ever: SageMaker keeps every training, transform, processing,
 * labeling and tuning job, and no API deletes one (sagemaker.names.unique). A case whose job name
 * an earlier case of the run, or anything before the run, has used would diverge for that alone.
 * Such a case is not run: its names are claimed within the run (a job's for good, a model's,
 * endpoint configuration's or endpoint's while its case runs, as its clean-up frees it) and, on
 * the account, its job names are looked up (List, NameContains) before anything is created. A name
 * is known from the ARN the oracle predicts, which SageMaker writes in lower case
 * (sagemaker.arn.lower-case): names are compared so, and two that differ in case alone are one.
 */
import type { Case } from '../../../contracts/case.js';
import { SAGEMAKER_APIS } from '../../../catalog/sagemakerApis.js';
import type { Api } from '../../../catalog/api.js';
import {
  ListHyperParameterTuningJobsCommand,
  ListLabelingJobsCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { TargetContext } from './context.js';
import { isThrottle } from './errors.js';
import { allowedCreates } from './prediction.js';

/** One name a case creates: its API, its name and the key it is claimed by. */
interface CreatedName {
  readonly api: Api;
  readonly name: string;
  readonly key: string;
  /** A job: its name is never freed. */
  readonly permanent: boolean;
}

/** The names the case's allowed create calls would create (the oracle's predicted calls). */
function createdNames(theCase: Case): CreatedName[] {
  const out = new Map<string, CreatedName>();
  for (const call of allowedCreates(theCase)) {
    const api = call.action.replace('sagemaker:', '') as Api;
    const facts = SAGEMAKER_APIS[api];
    // UpdateEndpoint changes an endpoint; it creates no name.
    if (!facts || api === 'UpdateEndpoint') continue;
    const name = call.resource.slice(call.resource.lastIndexOf('/') + 1);
    // A name the oracle could not tell (computed from what it does not know) claims nothing.
    if (name === '' || name.includes('$')) continue;
    const type = facts.arnResourceType.value;
    const key = `${type}/${name.toLowerCase()}`;
    out.set(key, { api, name, key, permanent: facts.job !== undefined });
  }
  return [...out.values()];
}

/** The names the cases of one run have claimed. */
export class NameClaims {
  private readonly claimed = new Set<string>();

  /**
   * Claims the case's names, or says which one is taken (nothing is claimed then). `release`
   * frees the names its clean-up frees (all but jobs').
   */
  claim(theCase: Case): { readonly taken: string } | { readonly names: CreatedName[]; release(): void } {
    const names = createdNames(theCase);
    const taken = names.find((n) => this.claimed.has(n.key));
    if (taken) return { taken: `${describeName(taken)} is used by an earlier case of this run` };
    for (const n of names) this.claimed.add(n.key);
    return {
      names,
      release: () => {
        for (const n of names) if (!n.permanent) this.claimed.delete(n.key);
      },
    };
  }
}

/** `training job "fraud-q"`. */
function describeName(n: CreatedName): string {
  return `${SAGEMAKER_APIS[n.api].arnResourceType.value.replace(/-/g, ' ')} "${n.name}"`;
}

/** The names of the jobs of a type whose name contains `text` (the first page: at most 100). */
const LISTS: Readonly<Partial<Record<Api, (sm: SageMakerClient, text: string) => Promise<string[]>>>> = {
  CreateTrainingJob: async (sm, text) =>
    (
      await sm.send(new ListTrainingJobsCommand({ NameContains: text, MaxResults: 100 }))
    ).TrainingJobSummaries?.map((j) => j.TrainingJobName ?? '') ?? [],
  CreateTransformJob: async (sm, text) =>
    (
      await sm.send(new ListTransformJobsCommand({ NameContains: text, MaxResults: 100 }))
    ).TransformJobSummaries?.map((j) => j.TransformJobName ?? '') ?? [],
  CreateProcessingJob: async (sm, text) =>
    (
      await sm.send(new ListProcessingJobsCommand({ NameContains: text, MaxResults: 100 }))
    ).ProcessingJobSummaries?.map((j) => j.ProcessingJobName ?? '') ?? [],
  CreateLabelingJob: async (sm, text) =>
    (
      await sm.send(new ListLabelingJobsCommand({ NameContains: text, MaxResults: 100 }))
    ).LabelingJobSummaryList?.map((j) => j.LabelingJobName ?? '') ?? [],
  CreateHyperParameterTuningJob: async (sm, text) =>
    (
      await sm.send(new ListHyperParameterTuningJobsCommand({ NameContains: text, MaxResults: 100 }))
    ).HyperParameterTuningJobSummaries?.map((j) => j.HyperParameterTuningJobName ?? '') ?? [],
};

/**
 * The first job name of `names` that already exists on the target, as a reason; undefined where
 * all are free. A List that fails tells nothing, and the case runs.
 */
export async function takenOnTarget(
  context: TargetContext,
  names: readonly CreatedName[],
): Promise<string | undefined> {
  for (const n of names) {
    const list = LISTS[n.api];
    if (!n.permanent || !list || n.name === '') continue;
    const api = `List${SAGEMAKER_APIS[n.api].resultField.value.replace(/Arn$/, '')}s`;
    try {
      const found = await context.call(api, () => list(context.clients.sagemaker, n.name));
      if (found.some((name) => name.toLowerCase() === n.name.toLowerCase()))
        return `${describeName(n)} already exists on the target, and a job's name is never freed`;
    } catch (e) {
      if (isThrottle(e)) throw e;
    }
  }
  return undefined;
}
