/**
 * The bounds of one JSONata evaluation, so that no expression in a definition hangs the emulator:
 * jsonata's own guardrails bound its time and depth (its errors D1012, "Evaluation timeout", and
 * D1011, "Stack overflow"), and every regular expression an expression runs is bounded too.
 *
 * A regular expression cannot be bounded by jsonata's guardrails, which are checked between
 * evaluation steps: a backtracking pattern (`$match(s, /(a+)+$/)`) spends exponential time inside
 * one `exec`. No linear-time engine is a dependency, and refusing patterns with nested quantifiers
 * would refuse patterns AWS runs (`(\d+,)*`), so each `exec` runs under a `node:vm` timeout
 * instead: its watchdog interrupts V8's regular expression engine mid-backtrack. Patterns and
 * results are AWS's; only a run past the bound fails, in the words of a failed evaluation.
 *
 * jsonata times an evaluation from its start by the wall clock, and an evaluation is a chain of
 * promises: executions running at once interleave theirs, so each would be charged the others'
 * time. Evaluations therefore run one at a time (`alone`), and the bound is each one's own.
 */
import vm from 'node:vm';
import pLimit from 'p-limit';

/** Wall-clock milliseconds one expression, and one regular expression match, may take. */
export const JSONATA_TIME_LIMIT_MS = 2000;

/**
 * Runs one evaluation with no other evaluation interleaved, so that its time bound counts its own
 * time. An evaluation never starts another (Step Functions' functions are synchronous).
 */
export const alone: <T>(evaluate: () => Promise<T>) => Promise<T> = pLimit(1);

/** Nested evaluation steps one expression may take: about 3,000 levels of a non-tail recursion. */
export const JSONATA_DEPTH_LIMIT = 10_000;

const context = vm.createContext({});
const execute = new vm.Script('regex.exec(text)');

/** Runs one match under the time limit; past it, an error that names the pattern. */
function boundedExec(regex: RegExp, text: string): RegExpExecArray | null {
  const slots = context as { regex?: RegExp; text?: string };
  slots.regex = regex;
  slots.text = text;
  try {
    return execute.runInContext(context, { timeout: JSONATA_TIME_LIMIT_MS }) as RegExpExecArray | null;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new Error(
        `The regular expression /${regex.source}/ ran for more than ${JSONATA_TIME_LIMIT_MS} milliseconds. Check for nested quantifiers`,
      );
    throw err;
  } finally {
    slots.regex = undefined;
    slots.text = undefined;
  }
}

/** The regular expression class jsonata builds its regexes with: RegExp, each match bounded in time. */
class BoundedRegExp {
  private readonly regex: RegExp;

  constructor(pattern: RegExp | string, flags?: string) {
    this.regex = new RegExp(pattern, flags);
  }

  get lastIndex(): number {
    return this.regex.lastIndex;
  }

  set lastIndex(value: number) {
    this.regex.lastIndex = value;
  }

  get source(): string {
    return this.regex.source;
  }

  exec(text: string): RegExpExecArray | null {
    return boundedExec(this.regex, text);
  }
}

/** The options every JSONata expression of a definition is compiled with. */
export const JSONATA_OPTIONS = {
  timeout: JSONATA_TIME_LIMIT_MS,
  stack: JSONATA_DEPTH_LIMIT,
  // jsonata calls `new RegexEngine(regex)` and then only `lastIndex` and `exec`.
  RegexEngine: BoundedRegExp as unknown as RegExpConstructor,
} as const;
