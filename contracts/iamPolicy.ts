/**
 * The IAM policy document as users write it (a case's execution role policy, `check`'s input), and
 * the decision IAM's evaluation reaches for one call.
 */

/** A condition value as written in a policy. */
export type ConditionValue = string | number | boolean;

/** The JSON shape of a policy document, as users write it. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** One statement of a policy document, as users write it. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, ConditionValue | ConditionValue[]>>;
}

/** The outcome of identity-based policy evaluation: explicit deny wins, then any allow, else implicit deny. */
export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';
