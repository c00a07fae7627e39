/**
 * A case as the AWS target can run it: moved to its account and region, in the world it has (no
 * referenced resources, no injected errors), every SageMaker create request tagged with the run id
 * (on a real account and an endpoint alike, so that `sweep` finds what a crashed run left); on a
 * real account capped too, and a case that would create billed SageMaker resources run only inside
 * `--allow-billable-jobs`' caps.
 */
import type { Case } from '../../../contracts/case.js';
import type { Purpose, Realised } from '../../../contracts/target.js';
import { relocate } from '../../../generators/relocate.js';
import { ACCOUNT } from '../../../generators/values.js';
import { billableAttempts, type BillableJobs, DEFAULT_LIMITS, rewriteForAccount } from './billableJobs.js';
import { TAG_KEY } from './naming.js';
import { allowedCreates } from './prediction.js';

/** What `run` does to the case's world on a target that cannot realise scenarios. */
const NO_SCENARIO = { referencesExist: false } as const;

/** What a billable case's world is: jobs complete (the user's image and data are meant to work). */
const BILLABLE_SCENARIO = {
  referencesExist: false,
  job: { polls: 0, outcome: 'Completed', durationSeconds: 60 },
} as const;

/** A count of billable calls, raised as cases are let through. */
export interface BillableTally {
  billableCalls: number;
}

/** The target a case is realised for, and the billable calls it has let through so far. */
export interface RealiseSetting {
  readonly kind: 'aws' | 'endpoint';
  /** The account the credentials belong to, once asked (else the generators' account stays). */
  readonly account: string | undefined;
  readonly region: string;
  readonly runId: string;
  /** The caps billable cases run inside (`--allow-billable-jobs`), if they run. */
  readonly billableJobs: BillableJobs | undefined;
  /** Billable calls of the cases run, and (counted on their own) of those `--plan` counted. */
  readonly tallies: { readonly run: BillableTally; readonly plan: BillableTally };
}

/**
 * The case as the target can run it: in its account and region, in the world it has (no
 * referenced resources, no injected errors), every SageMaker create request tagged with the run
 * id. The tag is part of the case the oracle predicts (its AddTags call, the Tags map of a `.sync`
 * result), on every target. On a real account, a valid case is also kept to the cheapest instance
 * types, one instance and a capped run time, whatever the prediction says (a wrong prediction
 * must not bill much); a case whose calls would be allowed to create SageMaker resources runs
 * only with `--allow-billable-jobs`, inside its caps.
 */
export function realiseOnAccount(theCase: Case, purpose: Purpose, setting: RealiseSetting): Realised {
  const account = setting.account ?? ACCOUNT;
  const moved = relocate(
    theCase,
    { account: theCase.account, region: theCase.region },
    { account, region: setting.region },
  );
  const realised: Case = { ...moved, scenario: NO_SCENARIO };
  // An endpoint bills nothing: only tagged.
  if (setting.kind !== 'aws') return rewriteForAccount(realised, { tag: runTag(setting) });
  const valid = realised.validity.valid;
  const limited = rewriteForAccount(realised, {
    ...(valid ? { limits: setting.billableJobs ?? DEFAULT_LIMITS } : {}),
    tag: runTag(setting),
  });
  if ('skipped' in limited || !valid) return limited;
  const allowed = allowedCreates(limited.case);
  if (allowed.length > 0) return billable(realised, allowed[0]!.action, purpose, setting);
  return limited;
}

/** The tag every resource of the run carries. */
function runTag(setting: RealiseSetting): { key: string; value: string } {
  return { key: TAG_KEY, value: setting.runId };
}

/** A case that would create SageMaker resources: inside the caps, or not run. */
function billable(theCase: Case, action: string, purpose: Purpose, setting: RealiseSetting): Realised {
  const caps = setting.billableJobs;
  if (!caps)
    return {
      skipped: `would be allowed to ${action} on a real account (run with --allow-billable-jobs to create SageMaker resources)`,
    };
  if (purpose === 'shrink') return { skipped: 'shrinking does not run billable jobs' };
  const capped = rewriteForAccount(theCase, { limits: caps, resources: caps, tag: runTag(setting) });
  if ('skipped' in capped) return capped;
  const billableCase = { ...capped.case, scenario: BILLABLE_SCENARIO };
  // The one call that changes a resource instead of creating one: the endpoint it names may be
  // one of the account's own.
  if (allowedCreates(billableCase).some((call) => call.action === 'sagemaker:UpdateEndpoint'))
    return { skipped: 'UpdateEndpoint changes an existing endpoint; not run on a real account' };
  const billed = billableAttempts(billableCase);
  if (billed === Infinity) return { skipped: 'a Map may start any number of billable jobs; not run' };
  // `--plan` counts on its own: the run's figures stay those of calls made.
  const tally = purpose === 'plan' ? setting.tallies.plan : setting.tallies.run;
  if (tally.billableCalls + billed > caps.maxJobs)
    return { skipped: `the --max-billable-jobs cap (${caps.maxJobs}) is reached` };
  tally.billableCalls += billed;
  return { case: billableCase };
}
