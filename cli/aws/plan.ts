/** `run --plan`: what a run on a real account or an endpoint would create, with nothing created. */
import { withId } from '../../generators/invalidCase.js';

import type { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import { resourceName, ROLE_PATH, TAG_KEY } from '../../suites/targets/aws/naming.js';
import { drawSuiteCase, type SuiteName } from '../../suites/suites.js';
import type { Io } from '../io.js';

/** The plan's lines on billable jobs: what runs, inside which caps, and how it is cleaned up. */
function billablePlan(target: AwsTarget): string[] {
  const caps = target.billableJobs;
  if (!caps) return [];
  return [
    `  billable: up to ${target.plannedBillableCalls} SageMaker jobs or endpoints (cap --max-billable-jobs ${caps.maxJobs}, retries counted),`,
    `    on ${caps.instanceTypes.join(', ')} (the first each API accepts), one instance, MaxRuntimeInSeconds <= ${caps.maxRuntimeInSeconds},`,
    `    as ${caps.sagemakerRoleArn}, reading ${caps.inputS3Uri}, writing ${caps.outputS3Uri};`,
    '    after each case its running jobs are stopped and its models, endpoint configs and endpoints deleted',
  ];
}

/** `--plan`: what a run would create on the target, and nothing created. */
export function printPlan(
  target: AwsTarget,
  suites: readonly SuiteName[],
  runs: number,
  seed: number,
  io: Io,
): number {
  let run = 0;
  const skipped = new Map<string, number>();
  for (const suite of suites)
    for (let i = 0; i < runs; i++) {
      const c = withId(drawSuiteCase(suite, seed, i).value, { seed, path: `${suite}:${i}` });
      const r = target.realise(c, 'plan');
      if ('case' in r) run++;
      else skipped.set(r.skipped.split(' on ')[0]!, (skipped.get(r.skipped.split(' on ')[0]!) ?? 0) + 1);
    }
  io.stdout(
    [
      `plan for ${target.description}, run id ${target.runId}, seed ${seed}:`,
      `  ${run} cases run; each creates, then deletes:`,
      `    an IAM role ${ROLE_PATH}${resourceName(target.runId, 0).replace(/0$/, 'N')} (trust: states.amazonaws.com, aws:SourceAccount) with the case's inline policy`,
      `    a state machine ${resourceName(target.runId, 0).replace(/0$/, 'N')} and one execution of it`,
      ...billablePlan(target),
      `  every resource tagged ${TAG_KEY}=${target.runId}`,
      ...[...skipped].map(([reason, n]) => `  ${n} cases not run: ${reason}`),
      '  (shrinking a divergent case creates one role and state machine per step, up to --shrink-budget)',
      'nothing was created.',
    ].join('\n') + '\n',
  );
  return 0;
}
