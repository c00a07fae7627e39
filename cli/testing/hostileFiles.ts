/**
 * The hostile files of the command line's attack test (cli/attacker.test.ts): keys that name an
 * object's prototype, catastrophic patterns, and the good file of each slot, made from the examples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The examples folder, whose files the attacks start from. */
export const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
/** The training-job example: a good definition. */
export const examplePath = join(examples, 'training-job.json');
/** Its text. */
export const example = readFileSync(examplePath, 'utf8');
/** The legacy policy example: a good policy (not enough for the example: check says so). */
export const policyPath = join(examples, 'training-policy-legacy.json');
/** Its text. */
export const policy = readFileSync(policyPath, 'utf8');
/** A definition with Lambda and SNS tasks, run with its Step Functions Local mocks. */
export const mockedPath = join(examples, 'lambda-train-notify.json');

/** The legacy policy with one more statement (an Allow on everything, under `condition`). */
export const policyWith = (condition: string) =>
  policy.replace(
    '"Statement": [',
    `"Statement": [{ "Effect": "Allow", "Action": "sagemaker:AddTags", "Resource": "*", "Condition": ${condition} },`,
  );

/** Keys that name an object's prototype, in the places the tool reads objects from files. */
export const prototypeKeys: readonly string[] = [
  example.replace('{', '{"__proto__": {"End": true, "polluted": 1},'),
  example.replace(
    '"Type": "Task",',
    '"Type": "Task", "__proto__": {"Next": "Nowhere"}, "constructor": {"prototype": {"polluted": 1}},',
  ),
  policyWith('{ "StringEquals": { "__proto__": { "aws:RequestedRegion": "mars-1" } } }'),
  policyWith('{ "__proto__": { "StringEquals": { "aws:RequestedRegion": "mars-1" } } }'),
  '{"__proto__": {"referencesExist": false, "polluted": 1}, "job": {"outcome": "Failed", "polls": 1, "durationSeconds": 5}}',
  '{"constructor": {"prototype": {"polluted": 1}}, "prototype": {"polluted": 1}}',
  // A path that writes through the prototype: every state would end, a Fail state's execution SUCCEED.
  JSON.stringify({
    StartAt: 'P',
    States: {
      P: { Type: 'Pass', Result: true, ResultPath: '$.__proto__.End', Next: 'Q' },
      Q: { Type: 'Pass', Next: 'F' },
      F: { Type: 'Fail', Error: 'Failed' },
    },
  }),
  '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.constructor.prototype"}, "Assign": {"__proto__": {"polluted": 1}}, "End": true}}}',
];

/** Definitions whose evaluation is catastrophic when nothing bounds it: recursion, a long loop, a backtracking regex. */
export const catastrophicDefinitions: readonly string[] = [
  JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: '{% ($f := function($x) { $f($x + 1) }; $f(0)) %}', End: true } },
  }),
  JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: '{% $count([1..100000000]) %}', End: true } },
  }),
  JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: {
      P: { Type: 'Pass', Output: `{% $match("${'a'.repeat(40)}!", /^(a+)+$/) %}`, End: true },
    },
  }),
  JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: {
      P: { Type: 'Pass', Output: '{% $reduce([1..10000000], function($a, $b) { $a + $b }) %}', End: true },
    },
  }),
];

/** Policies whose wildcards backtrack when matched as regular expressions, against a long name. */
export const catastrophicPolicies: readonly string[] = [
  policy.replace(
    '"arn:aws:sagemaker:us-east-1:123456789012:training-job/search-model*"',
    `"arn:aws:sagemaker:*:*:${'*a'.repeat(12)}*z"`,
  ),
  policyWith(`{ "StringLike": { "sagemaker:ResourceTag/team": "${'*a'.repeat(12)}*z" } }`),
];
/** The example with a job name as long as SageMaker takes (what the many-star patterns backtrack on). */
export const longNamed = example.replace('"search-model"', `"${'a'.repeat(63)}"`);

/** The file a slot takes (what lets the attack reach the command's work), drawn as a content of its own. */
export const GOOD = Symbol('a good file for the slot');
/** The good file of each slot, by its name in the attack test. */
export const GOOD_FILES: Readonly<Record<string, string>> = {
  definition: example,
  policy,
  old: policy,
  new: policy,
  input: '{"run": 1}',
  scenario: '{"job": {"outcome": "Failed", "polls": 1, "durationSeconds": 5}}',
  mock: readFileSync(join(examples, 'lambda-train-notify.mocks.json'), 'utf8'),
  config: '{"allowAccounts": ["123456789012"]}',
};
