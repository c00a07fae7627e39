/** How the AWS target names and tags what it creates, so `sweep` can find it again. */

/** The tag key every resource the target creates carries, with the run id as its value. */
export const TAG_KEY = 'sfn-conformance:run-id';
/** The IAM path of every role the target creates. */
export const ROLE_PATH = '/sfn-conformance/';
/** The prefix of every role and state machine name the target makes. */
export const NAME_PREFIX = 'sfnc-';
/** The name of the inline policy that holds a case's policy on its role. */
export const CASE_POLICY_NAME = 'case';

/** A run id: time-ordered, short enough for role names (64 characters) with a case number. */
export function newRunId(now: Date = new Date(), salt: number = process.pid): string {
  return `${now.getTime().toString(36)}${(salt % 1296).toString(36).padStart(2, '0')}`;
}

/** Names of one case's role and state machine. */
export function resourceName(runId: string, n: number): string {
  return `${NAME_PREFIX}${runId}-${n}`;
}

/** The run id a name carries, or undefined for names the tool did not make. */
export function runIdOf(name: string): string | undefined {
  const m = /^sfnc-([0-9a-z]+)-\d+$/.exec(name);
  return m?.[1];
}

/** Trust policy of a case's execution role: Step Functions, from this account only. */
export function trustPolicy(account: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'states.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  });
}
