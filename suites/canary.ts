/**
 * The canary (docs/reports.md, "A target whose state changed"): a small known case, run before the
 * first case and again after each divergence or error (and every so many cases), to tell a finding
 * from a target that a case left broken. A target's answer to a case may change its state (a
 * definition it half-parsed and refused, a resource it leaked): every later case then fails for
 * that reason, and would each be reported as a finding of its own.
 *
 * The canary behaves as it did at the start (its verdict and cause the same) on a target whose
 * state is as it was. A divergence or an error is vouched for by a canary run that started after
 * it finished: if that canary behaves otherwise, the case is marked "target state changed" (an
 * undecided case, not a finding), but for the first such finding, which ran on the target as it
 * was and may be what changed it (the report names it). The canary is one case (a request-response CreateModel whose
 * model's name is read from the input), run each time with a name of its own, so that a target
 * that keeps what it created does not refuse it for its name.
 */
import type { CaseContent } from '../contracts/case.js';
import { realiseCase, type Target } from '../contracts/target.js';
import { withId } from '../generators/invalidCase.js';
import { causeKey } from '../reports/cause.js';
import type { CaseResult, Report } from '../reports/report.js';
import { evaluate, verdictOf } from './caseRun.js';
import { drawSuiteCase } from './suites.js';

/** The suite and seed the canary cases are drawn from (the same for every run, whatever its seed). */
const CANARY_SUITE = 'outcome';
const CANARY_SEED = 0;
/** How far into the suite the canary case is looked for. */
const CANARY_SEARCH = 4000;
/** The longest name a SageMaker model may have. */
const MAX_NAME = 63;

/** Whether a drawn case can be a canary: one request-response task that creates a model, in a plain world. */
function isCanary(c: CaseContent): boolean {
  return (
    c.shape === 'single' &&
    c.api === 'CreateModel' &&
    c.pattern === 'requestResponse' &&
    c.validity.valid &&
    c.policyVariant.kind === 'predicted' &&
    c.scenario.createError === undefined &&
    c.scenario.abortAfterPolls === undefined &&
    c.scenario.jobQuota === undefined &&
    !c.scenario.namesInUse &&
    c.plan.timeoutSeconds === undefined &&
    nameField(c) !== undefined
  );
}

/** The input field the model's name is read from (`$.jobName`), where it is read from one. */
function nameField(c: CaseContent): string | undefined {
  const task = c.plan.flow.steps[0];
  if (task?.kind !== 'task') return undefined;
  for (const member of task.request.dynamic) {
    const value = member.value;
    if (member.at.length !== 1 || member.at[0] !== 'ModelName' || value.given !== 'path') continue;
    const source = value.source;
    if ((source.from === 'input' || source.from === 'executionInput') && source.path.length === 1) {
      const field = source.path[0];
      if (typeof field === 'string' && typeof c.input[field] === 'string') return field;
    }
  }
  return undefined;
}

/** What the canary did: its verdict and, diverging, its cause (what a run compares with the start). */
type Behaviour = string;

/** What the report says of the canary. */
export type CanaryReport = NonNullable<Report['canary']>;

/** A run's canary (see the file's comment). */
export class Canary {
  private found?: CaseContent;
  private start?: Behaviour;
  /** The canary run under way, if one is. */
  private running?: Promise<Behaviour | undefined>;
  /** The run queued behind it (not started yet), which every check asked for meanwhile shares. */
  private queued?: Promise<Behaviour | undefined>;
  private checks = 0;
  private changedAfter?: string;
  private relabelled = 0;
  private unusable?: string;

  constructor(private readonly target: Target) {}

  /** Runs the canary once before the first case: how it behaves on the target as it is. */
  async begin(): Promise<void> {
    this.start = await this.runOnce();
    if (this.start === undefined) this.unusable = 'no canary case can run on this target';
  }

  /**
   * A finding, vouched for by a canary run that starts after it finished: as it is if the canary
   * behaves as at the start, else marked "target state changed".
   */
  async vouch(result: CaseResult): Promise<CaseResult> {
    if (this.start === undefined || (result.verdict !== 'diverged' && result.verdict !== 'error'))
      return result;
    const seen = await this.checkAfterNow();
    if (seen === this.start) return result;
    // The first finding since the canary last behaved: it ran on the target as it was, and may be
    // what changed it. It stands; those after it are not counted.
    if (this.changedAfter === undefined) {
      this.changedAfter = result.id;
      return result;
    }
    this.relabelled++;
    return {
      ...result,
      verdict: 'undecided',
      undecidedReason: `target state changed: a known case run after this one no longer behaves as at the start (${seen ?? 'it could not run'}, was ${this.start}); the case is not counted as a finding`,
    };
  }

  /** A check of the canary now, without waiting for it (every so many cases). */
  checkNow(): void {
    if (this.start !== undefined) void this.checkAfterNow();
  }

  /**
   * Resolves once no canary run is under way or queued: a check started without waiting must end
   * (its case cleaned up on the target) before the run does.
   */
  async settled(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running)!.catch(() => undefined);
  }

  /** What the report says of the canary. */
  report(): CanaryReport {
    return {
      checks: this.checks,
      relabelled: this.relabelled,
      ...(this.changedAfter !== undefined ? { changedAfter: this.changedAfter } : {}),
      ...(this.unusable !== undefined ? { unusable: this.unusable } : {}),
    };
  }

  /** A canary run that starts after now: the one queued behind the running one, or a new one. */
  private checkAfterNow(): Promise<Behaviour | undefined> {
    if (!this.running) return this.startRun();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startRun();
      });
    return this.queued;
  }

  /** Starts a canary run; it is the one under way until it ends. */
  private startRun(): Promise<Behaviour | undefined> {
    const run: Promise<Behaviour | undefined> = this.runOnce().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  /** The canary case: the first drawn case that can be one (found once). */
  private canaryCase(): CaseContent | undefined {
    if (this.found === undefined)
      for (let i = 0; i < CANARY_SEARCH && this.found === undefined; i++) {
        const drawn = drawSuiteCase(CANARY_SUITE, CANARY_SEED, i).value;
        if (isCanary(drawn)) this.found = drawn;
      }
    return this.found;
  }

  /** One run of the canary case, with a model name of its own: its verdict and cause, or undefined where it cannot run. */
  private async runOnce(): Promise<Behaviour | undefined> {
    const known = this.canaryCase();
    if (!known) return undefined;
    this.checks++;
    const field = nameField(known)!;
    const suffix = `-c${this.checks}`;
    const name = `${String(known.input[field]).slice(0, MAX_NAME - suffix.length)}${suffix}`;
    const c = withId(
      { ...known, input: { ...known.input, [field]: name } },
      { seed: CANARY_SEED, path: `canary:${this.checks}` },
    );
    const realised = realiseCase(this.target, c);
    if (!('case' in realised)) return undefined;
    try {
      const e = await evaluate(this.target, CANARY_SUITE, realised.case);
      return e.cause ? `${verdictOf(e)}: ${causeKey(e.cause)}` : verdictOf(e);
    } catch (error) {
      return `error: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}
