/**
 * What a command reads of a state machine and its execution: the definition, its type, the
 * execution role's policy, the input and the mocks of other tasks; and how the prediction
 * commands (policy, check, regress) read the IAM templates. Each option is defined here once; a
 * command adds what it does with it, where that differs.
 */
import { type Command, Option } from 'commander';
import { accountOption, partitionOption, regionOption } from './account.js';

/** The text of a command's `<definition.json>` argument. */
export const DEFINITION_ARGUMENT =
  'state machine definition (or a CreateStateMachine / DescribeStateMachine JSON)';

/** `--definition`: a definition file, `use` saying what the command does with it. */
export const definitionOption = (use: string) => new Option('--definition <d.json>', use);

/** `--type`: standard or express. */
export const typeOption = () =>
  new Option(
    '--type <type>',
    'state machine type, standard or express (default: from the file, else standard)',
  );

/** `--policy`: the execution role's identity policy, repeatable; `use` adds what the command does without it. */
export const policyOption = (use = '') =>
  new Option('--policy <p.json>', `the execution role's identity policy (repeat for several${use})`);

/** `--input`: the execution input, `use` saying what the command does with it. */
export const inputOption = (use = '') =>
  new Option('--input <json|@file>', `execution input: JSON text, or @file.json${use}`);

/** `--mock`: a Step Functions Local mock configuration, `use` saying what the command needs with it. */
export const mockOption = (use = '') =>
  new Option(
    '--mock <mocks.json>',
    `a Step Functions Local mock configuration (MockConfigFile): answers the test case's states, Lambda, Glue, SNS or SageMaker alike${use}`,
  );

/** `--mock-case`: the test case of --mock. */
export const mockCaseOption = () =>
  new Option(
    '--mock-case <case>',
    'the test case of --mock to run: CASE, or MACHINE#CASE where several state machines have it',
  );

/**
 * The options of the commands that predict what Step Functions generates (policy, check,
 * regress): where the state machine lives, its type, the IAM template's revision, the role passed.
 */
export function addPredictionOptions(command: Command): Command {
  return command
    .addOption(regionOption('machine'))
    .addOption(accountOption())
    .addOption(partitionOption())
    .addOption(
      new Option(
        '--doc-revision <revision>',
        'IAM template revision: current grants sagemaker:AddTags, legacy does not',
      ).default('current'),
    )
    .addOption(
      new Option(
        '--pass-role-arn <arn>',
        'role for iam:PassRole when the request does not name one literally',
      ),
    )
    .addOption(typeOption());
}
