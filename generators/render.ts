/**
 * Plans rendered to ASL: the state machine definition a plan stands for, in the form people write
 * (`Parameters` with `.$` keys for JSONPath, `Arguments` with `{% %}` for JSONata).
 */
import { PATTERN_SUFFIX, type QueryLanguage } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import {
  JSONATA_COMPARISONS,
  type CatchTarget,
  type ChoosePlan,
  type FlowPlan,
  type JsonPath,
  type MachinePlan,
  type PlanValue,
  type RequestPlan,
  type StepPlan,
  type TaskPlan,
  type Template,
  type ValueSource,
} from '../contracts/casePlan.js';

type Obj = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_][\w]*$/;

/** `.a[0]`: JSONPath's form (bracket notation where a name is not an identifier). */
function pathText(path: JsonPath): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `['${s}']`))
    .join('');
}

/** The same in JSONata, where a bracket is a filter: other names in backticks. */
function jsonataPathText(path: JsonPath): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `.\`${s}\``))
    .join('');
}

/** `['a'][0]`: JSONPath's bracket notation, as people write it for names with spaces (and some for all). */
function bracketText(path: JsonPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `['${s}']`)).join('');
}

/** A reference path of JSONPath. */
export function jsonPathOf(source: ValueSource, notation?: 'bracket'): string {
  const text = notation === 'bracket' ? bracketText : pathText;
  if (source.from === 'variable') return `$${source.name}${text(source.path)}`;
  if (source.from === 'executionName') return '$$.Execution.Name';
  if (source.from === 'context') return `$$.${source.field}`;
  if (source.from === 'executionInput') return `$$.Execution.Input${text(source.path)}`;
  return `$${text(source.path)}`;
}

/** The same reference as a JSONata operand. */
function jsonataOf(source: ValueSource): string {
  if (source.from === 'variable') return `$${source.name}${jsonataPathText(source.path)}`;
  if (source.from === 'executionName') return '$states.context.Execution.Name';
  if (source.from === 'context') return `$states.context.${source.field}`;
  if (source.from === 'executionInput')
    return `$states.context.Execution.Input${jsonataPathText(source.path)}`;
  return `$states.input${jsonataPathText(source.path)}`;
}

/** A dynamic value as written in the definition (without the `.$` of its key). */
export function expressionOf(value: PlanValue, language: QueryLanguage = 'JSONPath'): string {
  switch (value.given) {
    case 'parse':
      return language === 'JSONata'
        ? `{% $parse(${jsonataOf(value.source)}) %}`
        : `States.StringToJson(${jsonPathOf(value.source)})`;
    case 'path':
      return jsonPathOf(value.source, value.notation);
    case 'format':
      return `States.Format('${value.template.replace(/'/g, "\\'")}', ${value.args.map((a) => jsonPathOf(a)).join(', ')})`;
    case 'jsonata':
      return `{% ${value.parts.map((p) => ('from' in p ? jsonataOf(p) : `'${p.text}'`)).join(' & ')} %}`;
    case 'opaque':
      return value.expression;
  }
}

/** The request template: literal members, and the dynamic ones as `.$` keys or `{% %}` strings. */
export function renderRequest(request: RequestPlan, language: QueryLanguage): unknown {
  const whole = request.dynamic.find((d) => d.at.length === 0);
  if (whole) return expressionOf(whole.value, language);
  // Copies of the containers on the way to each dynamic member; the rest is shared with the plan.
  const out = { ...request.literal } as Obj;
  for (const { at, value } of request.dynamic) {
    let parent: Record<string | number, unknown> = out;
    for (let i = 0; i < at.length - 1; i++) {
      const child = parent[at[i]!];
      const copy = Array.isArray(child)
        ? [...(child as unknown[])]
        : child !== null && typeof child === 'object'
          ? { ...(child as Obj) }
          : typeof at[i + 1] === 'number'
            ? []
            : {};
      parent[at[i]!] = copy;
      parent = copy as Record<string | number, unknown>;
    }
    const last = at.at(-1)!;
    delete parent[last];
    if (language === 'JSONPath') parent[`${String(last)}.$`] = expressionOf(value, language);
    else parent[last] = expressionOf(value, language);
  }
  return out;
}

/** A template as ResultSelector (JSONPath, keys with `.$`) or as Output / Assign (JSONata). */
function renderTemplate(t: Template, language: QueryLanguage): unknown {
  if ('ref' in t) {
    if (language === 'JSONata') return `{% $states.${t.ref}${jsonataPathText(t.path)} %}`;
    // JSONPath's ResultSelector reads the result only.
    if (t.ref !== 'result') throw new Error('a JSONPath ResultSelector can only read the result');
    return `$${pathText(t.path)}`;
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(t.fields)) {
    if (language === 'JSONPath' && 'ref' in v) out[`${k}.$`] = renderTemplate(v, language);
    else out[k] = renderTemplate(v, language);
  }
  return out;
}

/** What a JSONata Choice's Condition tests its operand with: `= true`, or the comparison with the threshold. */
function chooseTest(step: ChoosePlan): string {
  return step.comparison
    ? `${JSONATA_COMPARISONS[step.comparison.operator]} ${JSON.stringify(step.comparison.threshold)}`
    : '= true';
}

const jsonPath = (path: JsonPath | null): string | null => (path === null ? null : `$${pathText(path)}`);

function renderTask(task: TaskPlan, inherited: QueryLanguage): Obj {
  const facts = SAGEMAKER_APIS[task.api];
  const language = task.queryLanguage;
  const state: Obj = {
    Type: 'Task',
    Resource: `arn:aws:states:::sagemaker:${facts.resourceName.value}${PATTERN_SUFFIX[task.pattern]}`,
  };
  if (language !== inherited) state.QueryLanguage = language;
  state[language === 'JSONPath' ? 'Parameters' : 'Arguments'] = renderRequest(task.request, language);
  if (task.timeoutSeconds !== undefined) state.TimeoutSeconds = task.timeoutSeconds;
  if (task.heartbeatSeconds !== undefined) state.HeartbeatSeconds = task.heartbeatSeconds;
  if (language === 'JSONPath') {
    if (task.inputPath) state.InputPath = jsonPath(task.inputPath);
    if (task.resultSelector) state.ResultSelector = renderTemplate(task.resultSelector, language);
    if (task.resultPath !== undefined) state.ResultPath = jsonPath(task.resultPath);
    if (task.outputPath) state.OutputPath = jsonPath(task.outputPath);
  } else {
    if (task.assign)
      state.Assign = Object.fromEntries(
        Object.entries(task.assign).map(([k, v]) => [k, renderTemplate(v, language)]),
      );
    if (task.output) state.Output = renderTemplate(task.output, language);
  }
  if (task.retry.length > 0)
    state.Retry = task.retry.map((r) => {
      const retrier: Obj = { ErrorEquals: [...r.errorEquals] };
      if (r.intervalSeconds !== undefined) retrier.IntervalSeconds = r.intervalSeconds;
      if (r.maxAttempts !== undefined) retrier.MaxAttempts = r.maxAttempts;
      if (r.backoffRate !== undefined) retrier.BackoffRate = r.backoffRate;
      if (r.maxDelaySeconds !== undefined) retrier.MaxDelaySeconds = r.maxDelaySeconds;
      if (r.jitterStrategy !== undefined) retrier.JitterStrategy = r.jitterStrategy;
      return retrier;
    });
  if (task.catch.length > 0)
    state.Catch = task.catch.map((c) => {
      const catcher: Obj = { ErrorEquals: [...c.errorEquals], Next: c.target.state };
      if (c.resultPath !== undefined && language === 'JSONPath') catcher.ResultPath = jsonPath(c.resultPath);
      return catcher;
    });
  return state;
}

/** The state a catcher goes to: a Fail, a Pass that ends the flow, or a task that does (rendered as a step). */
function renderTarget(target: CatchTarget, inherited: QueryLanguage, extra: Obj): void {
  if (target.state in extra) return;
  if (target.kind === 'fail')
    extra[target.state] = { Type: 'Fail', Error: target.error, Cause: target.cause };
  else if (target.kind === 'task') {
    extra[target.state] = {};
    extra[target.state] = { ...renderStep(target.task, inherited, undefined, extra), End: true };
  } else extra[target.state] = { Type: 'Pass', End: true };
}

/** The steps' states, into `states`: each step goes to the next, the last ends the flow. */
function renderSteps(steps: readonly StepPlan[], inherited: QueryLanguage, states: Obj, extra: Obj): void {
  steps.forEach((step, i) => {
    const next = steps[i + 1]?.name;
    const state = renderStep(step, inherited, next, extra, states);
    if (step.kind !== 'check' && step.kind !== 'succeed' && step.kind !== 'choose') {
      if (next === undefined) state.End = true;
      else state.Next = next;
    }
    states[step.name] = state;
  });
}

/** `{ StartAt, States }` of a flow; the states catchers go to come after the flow's own. */
function renderFlow(flow: FlowPlan, inherited: QueryLanguage): Obj {
  const states: Obj = {};
  const extra: Obj = {};
  renderSteps(flow.steps, inherited, states, extra);
  for (const [k, v] of Object.entries(extra)) if (!(k in states)) states[k] = v;
  return { StartAt: flow.steps[0]!.name, States: states };
}

function renderStep(
  step: StepPlan,
  inherited: QueryLanguage,
  next: string | undefined,
  extra: Obj,
  states: Obj = extra,
): Obj {
  switch (step.kind) {
    case 'task': {
      for (const c of step.catch) renderTarget(c.target, inherited, extra);
      return renderTask(step, inherited);
    }
    case 'choose': {
      renderSteps(step.otherwise.steps, inherited, states, extra);
      renderSteps(step.whenTrue.steps, inherited, states, extra);
      const ifTrue = step.whenTrue.steps[0]!.name;
      return {
        Type: 'Choice',
        ...(step.queryLanguage !== inherited ? { QueryLanguage: step.queryLanguage } : {}),
        Choices: [
          step.queryLanguage === 'JSONata'
            ? {
                Condition: `{% $states.input${jsonataPathText(step.flag)} ${chooseTest(step)} %}`,
                Next: ifTrue,
              }
            : {
                Variable: `$${pathText(step.flag)}`,
                ...(step.comparison
                  ? { [step.comparison.operator]: step.comparison.threshold }
                  : { BooleanEquals: true }),
                Next: ifTrue,
              },
        ],
        Default: step.otherwise.steps[0]!.name,
      };
    }
    case 'succeed':
      return { Type: 'Succeed' };
    case 'pass':
      return {
        Type: 'Pass',
        ...(step.queryLanguage !== inherited ? { QueryLanguage: step.queryLanguage } : {}),
        ...(step.variable === undefined
          ? { Result: step.result, ...(step.resultPath ? { ResultPath: jsonPath(step.resultPath) } : {}) }
          : { Assign: { [step.variable]: step.result } }),
      };
    case 'check': {
      extra[step.invalid.state] = { Type: 'Fail', Error: step.invalid.error, Cause: step.invalid.cause };
      const field = `$${pathText(step.field)}`;
      if (step.queryLanguage === 'JSONata') {
        const operand = `$states.input${jsonataPathText(step.field)}`;
        return {
          Type: 'Choice',
          ...(step.queryLanguage !== inherited ? { QueryLanguage: 'JSONata' } : {}),
          Choices: [{ Condition: `{% $exists(${operand}) and ${operand} != '' %}`, Next: next }],
          Default: step.invalid.state,
        };
      }
      return {
        Type: 'Choice',
        Choices: [
          {
            And: [{ Variable: field, IsPresent: true }, { Not: { Variable: field, StringEquals: '' } }],
            Next: next,
          },
        ],
        Default: step.invalid.state,
      };
    }
    case 'map': {
      const language = step.queryLanguage;
      const state: Obj = { Type: 'Map' };
      if (language !== inherited) state.QueryLanguage = language;
      if (language === 'JSONata') state.Items = '{% [$states.input] %}';
      else {
        state.ItemsPath = jsonPath(step.itemsPath ?? []);
        if (step.itemAs) state.ItemSelector = { [`${step.itemAs}.$`]: '$$.Map.Item.Value' };
      }
      // The iteration's states say their own query language (they do not inherit the Map's).
      state.ItemProcessor = { ProcessorConfig: { Mode: 'INLINE' }, ...renderFlow(step.iteration, inherited) };
      state.MaxConcurrency = step.maxConcurrency ?? 1;
      return state;
    }
    case 'parallel': {
      const language = step.queryLanguage;
      return {
        Type: 'Parallel',
        ...(language !== inherited ? { QueryLanguage: language } : {}),
        Branches: step.branches.map((b) => renderFlow(b, inherited)),
      };
    }
  }
}

/** The state machine definition of a plan. */
export function renderMachine(plan: MachinePlan): Record<string, unknown> {
  const flow = renderFlow(plan.flow, plan.queryLanguage);
  return {
    ...(plan.comment === undefined ? {} : { Comment: plan.comment }),
    ...(plan.queryLanguage === 'JSONata' ? { QueryLanguage: 'JSONata' } : {}),
    ...(plan.timeoutSeconds === undefined ? {} : { TimeoutSeconds: plan.timeoutSeconds }),
    ...flow,
  };
}
