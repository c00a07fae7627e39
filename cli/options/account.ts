/**
 * Where a state machine lives, as the prediction commands (policy, check, regress), exec and the
 * targets of run, replay and sweep take it: --region, --account, --partition. Each option is
 * defined here once; `--region` says whose region it is for the command.
 */
import { Option } from 'commander';

/** Whose region `--region` is: the state machine's, or an AWS target's. */
const REGION_OF = {
  machine: "region of the state machine (default: the partition's first region, us-east-1 for aws)",
  target:
    "with --target aws or endpoint, the target's region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1)",
  replay: "with --target aws or endpoint, the target's region (default: the report's)",
} as const;

/** `--region`: of the state machine (the prediction commands, exec), or of an AWS target. */
export const regionOption = (of: keyof typeof REGION_OF) => new Option('--region <region>', REGION_OF[of]);

/** `--account`: of the state machine. */
export const accountOption = () =>
  new Option(
    '--account <account>',
    "account of the state machine (default: the documentation's example 123456789012)",
  );

/** `--partition`: of the state machine. */
export const partitionOption = () =>
  new Option(
    '--partition <partition>',
    'aws, aws-cn or aws-us-gov (default: the one the Task Resource ARNs name, else aws)',
  );
