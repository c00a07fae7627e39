/**
 * IAM enforcement for the execution role: every call Step Functions makes as the role is decided
 * by the project's IAM evaluator (a shared engine, like the catalog) and recorded.
 */
import type { Decision, PolicySet } from '../../iam/evaluate.js';

/** A call made as the execution role, as the emulator saw and decided it. */
export interface RecordedCall {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly decision: Decision;
  /** Virtual epoch milliseconds of the call. */
  readonly at: number;
}

/** Decides and records the calls made as the execution role. */
export class Authorizer {
  readonly calls: RecordedCall[] = [];
  private readonly decisions = new Map<string, Decision>();

  /** `policies` undefined: the role may do everything (exec without --policy). */
  constructor(
    readonly roleArn: string,
    private readonly policies: PolicySet | undefined,
    private readonly region: string,
    private readonly account: string,
    /** Told of every call once recorded (the scenario's abort after n polls listens here). */
    private readonly onCall?: (call: RecordedCall) => void,
  ) {}

  /** Decides and records one call. */
  authorize(
    action: string,
    resource: string,
    extra: Readonly<Record<string, string | readonly string[]>>,
    at: number,
  ): Decision {
    const context = {
      'aws:RequestedRegion': this.region,
      'aws:PrincipalAccount': this.account,
      'aws:SecureTransport': 'true',
      ...extra,
    };
    // The same request (a poll, a retried create) is decided once per execution.
    const key = `${action}\u0000${resource}\u0000${Object.keys(extra).length === 0 ? '' : JSON.stringify(extra)}`;
    let decision = this.decisions.get(key);
    if (decision === undefined) {
      decision = this.policies ? this.policies.evaluate({ action, resource, context }).decision : 'allowed';
      this.decisions.set(key, decision);
    }
    const call = { action, resource, context, decision, at };
    this.calls.push(call);
    this.onCall?.(call);
    return decision;
  }

  /** The AccessDenied message AWS gives for an assumed role (the session name is Step Functions'). */
  deniedMessage(action: string, resource: string, decision: Decision): string {
    const role = this.roleArn
      .slice(this.roleArn.indexOf(':role/') + 6)
      .split('/')
      .pop();
    const why =
      decision === 'explicitDeny'
        ? `with an explicit deny in an identity-based policy`
        : `because no identity-based policy allows the ${action} action`;
    return `User: arn:${this.roleArn.split(':')[1] ?? 'aws'}:sts::${this.account}:assumed-role/${role}/StepFunctionsSession is not authorized to perform: ${action} on resource: ${resource} ${why}`;
  }
}
