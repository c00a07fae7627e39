/**
 * Where a state machine lives, as the prediction commands (policy, check, regress), exec and the
 * targets of run, replay and sweep take it: --region, --account, --partition. Each option is
 * defined here once, with one help text for every command.
 */
import { Option } from 'commander';

/** `--region`: of the state machine, or of the AWS target. */
export const regionOption = () =>
  new Option(
    '--region <region>',
    "region of the state machine (default: the partition's first region, us-east-1 for aws); with --target aws or endpoint, the target's (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1; replay: the report's)",
  );

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
