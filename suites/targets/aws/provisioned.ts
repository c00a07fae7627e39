/**
 * What the AWS target keeps from case to case, so that a run never creates what it already has: an
 * execution role per distinct policy, and on it a state machine per distinct definition and type.
 * Each is created when a case first needs it (shrink steps and the canary find theirs made) and
 * deleted when the run ends (`finish`), or earlier, least recently used first, once more roles are
 * kept than `keepRoles`. A new role's propagation and its policy's settle are waited for once, by
 * the cases that first use it. Nothing kept is ever changed, so concurrent cases share only what
 * none of them alters; an execution name already used on a state machine (Step Functions keeps it
 * for 90 days) sends the next case of that name to a state machine of its own.
 */
import type { Case } from '../../../contracts/case.js';
import { deleteRole, deleteStateMachine } from './cleanup.js';
import type { TargetContext } from './context.js';
import { resourceName } from './naming.js';
import { createRole, createStateMachine, settlePolicy } from './provisioning.js';

/** Roles kept at most (IAM's default quota is 1,000 roles per account; other roles are the account's). */
export const DEFAULT_KEEP_ROLES = 100;

/** A role kept for the cases whose policy it holds. */
interface KeptRole {
  /** Its name, and whether it may exist (created, or a failed create may have made it): deleted then. */
  readonly made: { readonly name: string; role: boolean };
  readonly arn: Promise<string>;
  /** The policy's settle, waited once by the first state machine made with the role. */
  settled?: Promise<void>;
  readonly machines: KeptMachine[];
  /** Cases using the role now (an idle role may be deleted early). */
  users: number;
  lastUsed: number;
}

/** A state machine kept for the cases of its definition and role. */
interface KeptMachine {
  /** The definition and type it was created with. */
  readonly key: string;
  readonly arn: Promise<string>;
  /** Execution names used on it (no second execution of a name). */
  readonly names: Set<string>;
  /** Cases running on it now. */
  users: number;
}

/** The role and state machine a case runs on, held until `release`. */
export interface Lease {
  readonly roleArn: string;
  readonly stateMachineArn: string;
  release(): Promise<void>;
}

/** The roles and state machines one run has created and keeps. */
export class Provisioned {
  private readonly roles = new Map<string, KeptRole>();
  /** Roles whose creation failed after they may have been made: deleted at the end. */
  private readonly orphans: KeptRole[] = [];
  private made = 0;
  private uses = 0;
  /** Whether `finish` has deleted everything (no case may lease anything after it). */
  private finished = false;
  /** Whether state machines are kept for later cases (`machinePerCase` turns it off). */
  private reuseMachines = true;

  constructor(
    private readonly context: TargetContext,
    private readonly keepRoles = DEFAULT_KEEP_ROLES,
  ) {}

  /** Roles and state machines kept now. */
  get kept(): { roles: number; stateMachines: number } {
    let stateMachines = 0;
    for (const role of this.roles.values()) stateMachines += role.machines.length;
    return { roles: this.roles.size, stateMachines };
  }

  /**
   * The role for the case's policy, created if the run has none; held by the case until the lease
   * is released. A failed creation is not kept (a later case tries again) and its error is thrown.
   */
  async role(theCase: Case, account: string): Promise<KeptRole> {
    if (this.finished) throw new Error('the run has finished: its roles and state machines are deleted');
    const key = JSON.stringify(theCase.policy);
    let role = this.roles.get(key);
    if (!role) {
      const made = { name: this.nextName(), role: false };
      const kept: KeptRole = {
        made,
        arn: createRole(this.context, made, theCase, account),
        machines: [],
        users: 0,
        lastUsed: 0,
      };
      role = kept;
      this.roles.set(key, kept);
      kept.arn.catch(() => {
        if (this.roles.get(key) === kept) this.roles.delete(key);
        if (kept.made.role) this.orphans.push(kept);
      });
    }
    role.users++;
    role.lastUsed = ++this.uses;
    try {
      await role.arn;
    } catch (e) {
      role.users--;
      throw e;
    }
    return role;
  }

  /**
   * The case's state machine on its role: one of the same definition and type where the case's
   * execution name is unused on it, else a new one (created once IAM lets the role be used, the
   * role's policy given its settle once). A refused creation is not kept; its error is thrown,
   * and the case no longer holds the role.
   */
  async machine(role: KeptRole, theCase: Case): Promise<Lease> {
    try {
      return await this.leaseMachine(role, theCase);
    } catch (e) {
      await this.release(role);
      throw e;
    }
  }

  /** The state machine of `machine`, the role's release left to the caller on failure. */
  private async leaseMachine(role: KeptRole, theCase: Case): Promise<Lease> {
    const key = JSON.stringify([theCase.definition, theCase.stateMachineType]);
    let machine = this.reuseMachines
      ? role.machines.find((m) => m.key === key && !m.names.has(theCase.executionName))
      : undefined;
    if (!machine) {
      // Kept before anything is awaited: cases asking at once share the one creation.
      const name = this.nextName();
      const arn = role.arn
        .then((roleArn) => createStateMachine(this.context, name, theCase, roleArn))
        .then(async (made) => {
          role.settled ??= settlePolicy(this.context);
          await role.settled;
          return made;
        });
      const kept: KeptMachine = { key, arn, names: new Set(), users: 0 };
      role.machines.push(kept);
      machine = kept;
      arn.catch(() => {
        const at = role.machines.indexOf(kept);
        if (at >= 0) role.machines.splice(at, 1);
      });
    }
    const leased = machine;
    leased.names.add(theCase.executionName);
    leased.users++;
    const release = async () => {
      leased.users--;
      // Once each case has its own, the last case on a state machine deletes it.
      if (!this.reuseMachines && leased.users === 0) await this.dropMachine(role, leased);
      await this.release(role);
    };
    try {
      return { roleArn: await role.arn, stateMachineArn: await leased.arn, release };
    } catch (e) {
      leased.users--;
      throw e;
    }
  }

  /** Whether the run keeps state machines that have run executions, other than the one given. */
  othersRan(stateMachineArn: string): Promise<boolean> {
    const ran = [...this.roles.values()].flatMap((r) => r.machines).filter((m) => m.names.size > 0);
    return Promise.all(ran.map((m) => m.arn.catch(() => undefined))).then((arns) =>
      arns.some((arn) => arn !== stateMachineArn),
    );
  }

  /**
   * From now on each case gets a state machine of its own, deleted after it (roles are still
   * shared), and the idle state machines kept so far are deleted: for an endpoint that fails
   * executions while other state machines with executions exist (moto answers them with HTTP 500).
   */
  async machinePerCase(): Promise<void> {
    this.reuseMachines = false;
    for (const role of this.roles.values())
      await Promise.all(role.machines.filter((m) => m.users === 0).map((m) => this.dropMachine(role, m)));
  }

  /** Deletes a kept state machine now. */
  private async dropMachine(role: KeptRole, machine: KeptMachine): Promise<void> {
    const at = role.machines.indexOf(machine);
    if (at < 0) return;
    role.machines.splice(at, 1);
    const arn = await machine.arn.catch(() => undefined);
    if (arn) await deleteStateMachine(this.context, arn);
  }

  /** The case is done with its role: idle roles past `keepRoles` are deleted, least recently used first. */
  private async release(role: KeptRole): Promise<void> {
    role.users--;
    if (this.roles.size <= this.keepRoles) return;
    const idle = [...this.roles.entries()]
      .filter(([, r]) => r.users === 0)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed)
      .slice(0, this.roles.size - this.keepRoles);
    for (const [key] of idle) this.roles.delete(key);
    await Promise.all(idle.map(([, r]) => this.remove(r)));
  }

  /** Deletes every kept role and state machine (the run's cases are done, or interrupted). */
  async finish(): Promise<void> {
    this.finished = true;
    const all = [...this.roles.values(), ...this.orphans.splice(0)];
    this.roles.clear();
    await Promise.all(all.map((role) => this.remove(role)));
  }

  /** Deletes a role's state machines, then the role. */
  private async remove(role: KeptRole): Promise<void> {
    const machines = await Promise.all(role.machines.map((m) => m.arn.catch(() => undefined)));
    for (const arn of machines) if (arn) await deleteStateMachine(this.context, arn);
    await role.arn.catch(() => undefined);
    if (role.made.role) await deleteRole(this.context, role.made.name);
  }

  private nextName(): string {
    return resourceName(this.context.options.runId, this.made++);
  }
}
