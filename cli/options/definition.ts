/**
 * What a command reads of a state machine and its execution: the definition, its type, the
 * execution role's policy, the input and the mocks of other tasks; and how the prediction
 * commands (policy, check, regress) read the IAM templates. Each option is defined here once, with
 * one help text for every command.
 */
import { type Command, Option } from 'commander';
import { accountOption, partitionOption, regionOption } from './account.js';

/** The text of a command's `<definition.json>` argument. */
export const DEFINITION_ARGUMENT =
  'state machine definition (or a CreateStateMachine / DescribeStateMachine JSON)';

/** `--definition`: a definition file (regress takes several). */
export const definitionOption = () =>
  new Option(
    '--definition <d.json>',
    'a state machine definition (regress: repeat for several; without it, generated cases)',
  );

/** `--type`: standard or express. */
export const typeOption = () =>
  new Option(
    '--type <type>',
    'state machine type, standard or express (default: from the file, else standard)',
  );

/** `--policy`: the execution role's identity policy (repeatable where it is taken). */
export const policyOption = () =>
  new Option(
    '--policy <p.json>',
    "the execution role's identity policy (repeat for several; exec without it: the role may do everything)",
  );

/** `--input`: the execution input. */
export const inputOption = () =>
  new Option(
    '--input <json|@file>',
    'execution input: JSON text, or @file.json (check: a sample input; names given at run time are decided as it gives them, in the built-in emulator)',
  );

/** `--mock`: a Step Functions Local mock configuration. */
export const mockOption = () =>
  new Option(
    '--mock <mocks.json>',
    "a Step Functions Local mock configuration (MockConfigFile): answers the test case's states, Lambda, Glue, SNS or SageMaker alike (check: with --input)",
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
    .addOption(regionOption())
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
