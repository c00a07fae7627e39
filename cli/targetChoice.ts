/** The target `run` and `replay` select from their options (the AWS targets connect in aws/connect.ts). */
import { isMutant, type MutantName } from '../emulator/mutants/index.js';
import { embeddedTargetArgs } from '../reports/replayCommand.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';
import type { Target } from '../contracts/target.js';
import { UsageError } from '../contracts/usageError.js';
import { checkRegion } from './values.js';

/** The options of a real account or an endpoint, as commander names them, and as the command line does. */
const AWS_ONLY = {
  profile: '--profile',
  requestTimeout: '--request-timeout',
  executionTimeout: '--execution-timeout',
  clientQuotas: '--client-quotas',
  allowAccount: '--allow-account',
  permissionsBoundary: '--permissions-boundary',
  endpoint: '--endpoint',
  config: '--config',
  allowBillableJobs: '--allow-billable-jobs',
  maxBillableJobs: '--max-billable-jobs',
  instanceType: '--instance-type',
  maxRuntime: '--max-runtime',
  plan: '--plan',
  account: '--account',
} as const;

/** The options selectTarget reads: the target, the emulator's mutants, the region, and any AWS-only option given. */
export type TargetRaw = {
  readonly target?: string;
  readonly emulatorMutant?: readonly string[];
  readonly region?: string;
} & { readonly [K in keyof typeof AWS_ONLY]?: unknown };

/**
 * The built-in emulator target the options select (the AWS targets connect with connectAwsTarget).
 * An option only a real account or an endpoint takes is refused rather than ignored; `--region`
 * (which the report names) is checked as a region name.
 */
export function selectTarget(raw: TargetRaw): {
  target: Target;
  /** The options that select it again (replay commands). */
  args: string;
  /** The emulator's mutants, each once, in the order given. */
  mutants: MutantName[];
} {
  const kind = raw.target ?? 'embedded';
  if (kind !== 'embedded')
    throw new UsageError(
      'bad-option',
      `--target "${kind}" is unknown; use embedded, aws, endpoint or teststate`,
    );
  for (const [field, option] of Object.entries(AWS_ONLY))
    if (raw[field as keyof typeof AWS_ONLY] !== undefined)
      throw new UsageError(
        'bad-option',
        `${option} is for --target aws or endpoint; the built-in emulator (--target embedded) takes no such option: remove it, or add --target aws or --target endpoint`,
      );
  if (raw.region !== undefined) checkRegion(raw.region);
  const mutants = checkMutants(raw.emulatorMutant);
  return { target: new EmbeddedTarget(mutants), args: embeddedTargetArgs(mutants), mutants };
}

/** `--emulator-mutant`s, each once, in the order given; an unknown one is a usage error. */
export function checkMutants(names: readonly string[] | undefined): MutantName[] {
  return [...new Set(names ?? [])].map((name) => {
    if (!isMutant(name))
      throw new UsageError(
        'bad-option',
        `--emulator-mutant "${name}" is unknown; see sfn-conformance run --list-mutants`,
      );
    return name;
  });
}
