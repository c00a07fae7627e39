/**
 * The typed case plan: the contract between the generators, which draw plans and render ASL from
 * them, and the oracles, which read plans and never the generated state names or strings
 * (docs/architecture.md, "Core types"). Parsing a user's definition yields the same per-task shape where it
 * can (`TaskPlan`'s request, Retry, Catch and timeouts). Data shapes, and the one walk over them.
 */
import type { Api, Pattern, QueryLanguage } from '../catalog/api.js';

/** Member names (and list indexes) into a JSON value; `[]` is the value itself. */
export type JsonPath = readonly (string | number)[];

/** Where a value Step Functions computes at run time comes from. */
export type ValueSource =
  /**
   * The state's effective input: JSONPath `$.a.b` (after InputPath), JSONata `$states.input.a.b`.
   * `result`: the earlier state whose result the path reads (kept there by its ResultPath).
   */
  | { readonly from: 'input'; readonly path: JsonPath; readonly result?: string }
  /** The execution's input: `$$.Execution.Input.a`, JSONata `$states.context.Execution.Input.a`. */
  | { readonly from: 'executionInput'; readonly path: JsonPath }
  /** The context object's execution name: `$$.Execution.Name`. */
  | { readonly from: 'executionName' }
  /**
   * A workflow variable (JSONata `$name.a.b`), set by an earlier state's Assign. `result`: the
   * earlier state whose result the variable holds.
   */
  | { readonly from: 'variable'; readonly name: string; readonly path: JsonPath; readonly result?: string }
  /**
   * A field of the context object that changes from one attempt of the state to the next:
   * `$$.State.RetryCount`, JSONata `$states.context.State.RetryCount`.
   */
  | { readonly from: 'context'; readonly field: AttemptField };

/** The context object's fields that change with each attempt of a state. */
export type AttemptField = 'State.RetryCount';

/** How a request member computed at run time is written. */
export type PlanValue =
  /** A JSONPath `.$` key whose value is a path (`$.a`, `$$.Execution.Name`). */
  | { readonly given: 'path'; readonly source: ValueSource; readonly notation?: 'bracket' }
  /**
   * A JSONPath `.$` key with `States.Format(template, args...)`. The template as States.Format reads
   * it: `{}` an argument, `\{`, `\}` and `\\` escapes; a `'` is written `\'` in the definition.
   */
  | { readonly given: 'format'; readonly template: string; readonly args: readonly ValueSource[] }
  /** A JSONata `{% %}` string: the sources and literal strings joined with `&`. */
  | { readonly given: 'jsonata'; readonly parts: readonly (ValueSource | { readonly text: string })[] }
  /** A JSON string parsed at run time: `States.StringToJson($.a)`, JSONata `$parse($states.input.a)`. */
  | { readonly given: 'parse'; readonly source: ValueSource }
  /** An expression of a user's definition the plan does not follow. */
  | { readonly given: 'opaque'; readonly expression: string };

/** A request member computed at run time, at its place in the request. */
export interface DynamicMember {
  readonly at: JsonPath;
  readonly value: PlanValue;
}

/** A SageMaker request: what is written literally, and what Step Functions computes at run time. */
export interface RequestPlan {
  readonly literal: Readonly<Record<string, unknown>>;
  readonly dynamic: readonly DynamicMember[];
}

/** A Retry rule (asl.retry); absent fields take the ASL defaults. */
export interface RetrierPlan {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
}

/**
 * Where a catcher goes: a Fail state, a Pass state that ends the flow with the caught error, or (in
 * a parsed definition) a state the plan does not model.
 */
export type CatchTarget =
  | { readonly kind: 'fail'; readonly state: string; readonly error: string; readonly cause: string }
  | { readonly kind: 'recover'; readonly state: string }
  /** Another SageMaker task (the create-or-update endpoint's UpdateEndpoint); it ends the flow. */
  | { readonly kind: 'task'; readonly state: string; readonly task: TaskPlan }
  | { readonly kind: 'state'; readonly state: string };

/** A Catch rule of a task: the errors it catches, where it puts the error, and where it goes. */
export interface CatcherPlan {
  readonly errorEquals: readonly string[];
  readonly target: CatchTarget;
  /** JSONPath: where the error output is put in the state input; absent, it replaces the input; null, it is dropped. */
  readonly resultPath?: JsonPath | null;
}

/** A JSON value built from the state's data: a reference, or an object of templates. */
export type Template =
  | { readonly ref: 'result' | 'input'; readonly path: JsonPath }
  | { readonly fields: Readonly<Record<string, Template>> };

/** One SageMaker Task state. */
export interface TaskPlan {
  readonly kind: 'task';
  readonly name: string;
  readonly api: Api;
  readonly pattern: Pattern;
  readonly queryLanguage: QueryLanguage;
  readonly request: RequestPlan;
  readonly retry: readonly RetrierPlan[];
  readonly catch: readonly CatcherPlan[];
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  /** JSONPath data flow: InputPath, ResultSelector, ResultPath (absent `$`, null drops the result), OutputPath. */
  readonly inputPath?: JsonPath;
  readonly resultSelector?: Template;
  readonly resultPath?: JsonPath | null;
  readonly outputPath?: JsonPath;
  /** JSONata data flow: Output (absent: the result) and Assign. */
  readonly output?: Template;
  readonly assign?: Readonly<Record<string, Template>>;
}

/**
 * A Pass state before the tasks, standing in for the Lambda step real pipelines have: its Result
 * has the shape the function returned (`{ Payload, StatusCode }`). JSONPath puts it in the input
 * at `resultPath`; JSONata assigns it to the variable `variable`.
 */
export interface PassPlan {
  readonly kind: 'pass';
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly result: unknown;
  readonly resultPath?: JsonPath;
  readonly variable?: string;
}

/** The numeric comparison operators of a Choice rule (the ASL specification, Choice State). */
export type NumericComparison =
  | 'NumericEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals';

/** Each numeric comparison of a Choice rule as a JSONata Condition writes it. */
export const JSONATA_COMPARISONS: Readonly<Record<NumericComparison, string>> = {
  NumericEquals: '=',
  NumericGreaterThan: '>',
  NumericGreaterThanEquals: '>=',
  NumericLessThan: '<',
  NumericLessThanEquals: '<=',
};

/**
 * A Choice on a boolean flag of the input (JSONPath `BooleanEquals`, JSONata a Condition), or with
 * `comparison` on a number of the input against a threshold (JSONPath `NumericGreaterThanEquals`
 * and the others, JSONata `>=`, `>`, `=`, `<`, `<=`): the flow goes on in one of two flows, each of
 * which ends it. Their states sit beside the Choice.
 */
export interface ChoosePlan {
  readonly kind: 'choose';
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  /** The member of the input the rule reads: the flag, or the metric compared. */
  readonly flag: JsonPath;
  /** A metric's comparison with a threshold; absent, the rule is `flag` is true. */
  readonly comparison?: { readonly operator: NumericComparison; readonly threshold: number };
  readonly whenTrue: FlowPlan;
  readonly otherwise: FlowPlan;
}

/** A Choice that checks a task's output: the field must be a non-empty string, else a Fail state. */
export interface CheckPlan {
  readonly kind: 'check';
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly field: JsonPath;
  readonly invalid: { readonly state: string; readonly error: string; readonly cause: string };
}

/** A Succeed state: the flow ends successfully with its input as output. */
export interface SucceedPlan {
  readonly kind: 'succeed';
  readonly name: string;
}

/** A Map state over the items of the input, `maxConcurrency` iterations at a time (absent: one). */
export interface MapPlan {
  readonly kind: 'map';
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  /** JSONPath: the items are at this path of the input; JSONata: the input is the only item. */
  readonly itemsPath?: JsonPath;
  /** Each item reaches its iteration as `{ [itemAs]: item }` (JSONPath ItemSelector). */
  readonly itemAs?: string;
  /** Its MaxConcurrency: absent, 1 (one at a time); 0, as many as it has items. */
  readonly maxConcurrency?: number;
  readonly iteration: FlowPlan;
}

/** A Parallel state: each branch gets the input; the output is the list of the branches' outputs. */
export interface ParallelPlan {
  readonly kind: 'parallel';
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly branches: readonly FlowPlan[];
}

/** One step of a flow: a task or one of the states around tasks. */
export type StepPlan = TaskPlan | PassPlan | CheckPlan | ChoosePlan | SucceedPlan | MapPlan | ParallelPlan;

/** States in sequence: each step's output is the next one's input; the last ends the flow. */
export interface FlowPlan {
  readonly steps: readonly StepPlan[];
}

/** The shapes people write around SageMaker tasks. */
export type MachineShape =
  /** The guide's examples: Task, then a Choice that validates the output, then Succeed or Fail. */
  | 'documented'
  /** One Task that ends the execution. */
  | 'single'
  /** Train, create the model, the endpoint config and the endpoint. */
  | 'deploy-chain'
  /** Train, create the model, then a batch transform. */
  | 'transform-chain'
  /** Tune hyperparameters, create the model, then a batch transform. */
  | 'tuning-chain'
  /** Process the data, train on it, then evaluate the model in a second processing job. */
  | 'processing-chain'
  /** A Choice on whether the endpoint exists: UpdateEndpoint, or CreateEndpoint with a Catch to UpdateEndpoint. */
  | 'create-or-update'
  /** The Task inside a Map's ItemProcessor. */
  | 'map'
  /** The Task in a Parallel branch. */
  | 'parallel'
  /** A user's own definition, read back into a plan (`run --definition`). */
  | 'definition';

/** A whole state machine. */
export interface MachinePlan {
  readonly shape: MachineShape;
  readonly queryLanguage: QueryLanguage;
  /** The state machine's Comment (no meaning to run; people write them). */
  readonly comment?: string;
  /** The state machine's TimeoutSeconds (TIMED_OUT past it). */
  readonly timeoutSeconds?: number;
  readonly flow: FlowPlan;
  /**
   * A user's definition with states the plan does not model, each with the reason (one line): the
   * flow holds only its SageMaker tasks, and the oracle predicts creation alone (the outcome is
   * undecided).
   */
  readonly unmodelled?: string;
}

/**
 * What an invalid case breaks, for the oracles to judge where it is caught
 * (sfn.parameters.field-names-checked-at-creation, sagemaker.validation).
 */
export type Breakage =
  /** A request value outside the SageMaker API model's constraints (or a rule it does not encode). */
  | {
      readonly kind: 'request';
      readonly constraint: string;
      readonly rule?: string;
      readonly at: JsonPath;
      /** The mistake people make that the edit is, where it is one. */
      readonly form?: string;
    }
  /** The Task's Resource: `.waitForTaskToken`, `.sync` on an API without it, an unknown API name. */
  | { readonly kind: 'resource'; readonly problem: 'waitForTaskToken' | 'syncOnNonJob' | 'unknownApi' }
  /** A Retry or timeout rule of ASL that the schema does not check. */
  | { readonly kind: 'asl'; readonly rule: string };

/**
 * Every task of a flow, in document order (Map iterations, Parallel branches, a Choice's Default
 * flow then its other, and a catcher's task after the task it catches for), each state once.
 */
export function planTasks(flow: FlowPlan): TaskPlan[] {
  const out = new Map<string, TaskPlan>();
  const task = (t: TaskPlan): void => {
    if (out.has(t.name)) return;
    out.set(t.name, t);
    for (const c of t.catch) if (c.target.kind === 'task') task(c.target.task);
  };
  const walk = (fl: FlowPlan): void => {
    for (const s of fl.steps) {
      if (s.kind === 'task') task(s);
      else if (s.kind === 'map') walk(s.iteration);
      else if (s.kind === 'parallel') s.branches.forEach(walk);
      else if (s.kind === 'choose') [s.otherwise, s.whenTrue].forEach(walk);
    }
  };
  walk(flow);
  return [...out.values()];
}

/**
 * The flow with every task replaced by `f(task, index)`, in the order of `planTasks`; a state
 * reached two ways (a Choice's flow and a catcher) is replaced by the same task.
 */
export function mapPlanTasks(flow: FlowPlan, f: (task: TaskPlan, index: number) => TaskPlan): FlowPlan {
  let index = 0;
  const done = new Map<string, TaskPlan>();
  const task = (t: TaskPlan): TaskPlan => {
    const seen = done.get(t.name);
    if (seen) return seen;
    const mapped = f(t, index++);
    done.set(t.name, mapped);
    if (!mapped.catch.some((c) => c.target.kind === 'task')) return mapped;
    const withTargets: TaskPlan = {
      ...mapped,
      catch: mapped.catch.map((c) =>
        c.target.kind === 'task' ? { ...c, target: { ...c.target, task: task(c.target.task) } } : c,
      ),
    };
    done.set(t.name, withTargets);
    return withTargets;
  };
  const walk = (fl: FlowPlan): FlowPlan => ({
    steps: fl.steps.map((s): StepPlan => {
      if (s.kind === 'task') return task(s);
      if (s.kind === 'map') return { ...s, iteration: walk(s.iteration) };
      if (s.kind === 'parallel') return { ...s, branches: s.branches.map(walk) };
      if (s.kind === 'choose') {
        const otherwise = walk(s.otherwise);
        return { ...s, otherwise, whenTrue: walk(s.whenTrue) };
      }
      return s;
    }),
  });
  return walk(flow);
}
