/**
 * A user's definition read back into the plan's terms (contracts/casePlan.ts), for `run
 * --definition`: the flow of states from StartAt, as far as the plan can represent it exactly. The
 * plan models a chain of states (each goes on by Next, the last ends by End), SageMaker Task states
 * (request, Retry, Catch, timeouts, the data-flow fields of the plan's forms), Pass states that set
 * a Result (JSONPath) or one variable (JSONata), the output check and the boolean flag Choices
 * the generators write, Succeed, the Fail states of catchers and checks, inline Map states that
 * run one iteration at a time, and Parallel states. Everything else is listed, state by state, with
 * the reason it is not modelled: a definition the plan cannot represent exactly is never predicted
 * as if it could.
 */
import type { QueryLanguage, StateMachineType } from '../../catalog/api.js';
import {
  JSONATA_COMPARISONS,
  type CatchTarget,
  type CatcherPlan,
  type ChoosePlan,
  type FlowPlan,
  type JsonPath,
  type MachinePlan,
  type NumericComparison,
  type PlanValue,
  type StepPlan,
  type TaskPlan,
  type Template,
} from '../../contracts/casePlan.js';
import { printable } from '../../contracts/printable.js';
import { isObject, type JsonObject } from '../../syntax/json.js';
import { queryLanguageOf } from '../../syntax/stateTree.js';
import { isJsonata } from '../../validation/jsonata.js';
import { parsePathSource } from './parseValues.js';
import { analyzeTaskResource, findTasks, type SageMakerTask } from './sagemakerTasks.js';

/** A state of a definition the plan does not model, and why. */
export interface UnmodelledState {
  readonly state: string;
  readonly reason: string;
}

/** What reading a definition into a plan gives. */
export type DefinitionPlan =
  /** The plan stands for the definition exactly: the oracle predicts its executions. */
  | { readonly modelled: true; readonly plan: MachinePlan }
  /**
   * Some states are not modelled: `plan` holds only the SageMaker tasks (for creation's managed
   * rules and the labels), with `unmodelled` set, so the outcome is left undecided.
   */
  | { readonly modelled: false; readonly states: readonly UnmodelledState[]; readonly plan: MachinePlan };

/** The states' reasons as one line: `state "Wait1": Wait states are not modelled; ...`. */
export function unmodelledLine(states: readonly UnmodelledState[]): string {
  return states.map((s) => printable(`state "${s.state}": ${s.reason}`)).join('; ');
}

/** Thrown inside the walk: this state is not modelled. */
class NotModelled extends Error {
  constructor(
    readonly state: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const FIELDS_ANYWHERE = ['Type', 'Comment', 'QueryLanguage'];
const FLOW_FIELDS = [...FIELDS_ANYWHERE, 'Next', 'End'];
const TASK_FIELDS: Record<QueryLanguage, readonly string[]> = {
  JSONPath: [
    ...FLOW_FIELDS,
    'Resource',
    'Parameters',
    'Retry',
    'Catch',
    'TimeoutSeconds',
    'HeartbeatSeconds',
    'InputPath',
    'ResultSelector',
    'ResultPath',
    'OutputPath',
  ],
  JSONata: [
    ...FLOW_FIELDS,
    'Resource',
    'Arguments',
    'Retry',
    'Catch',
    'TimeoutSeconds',
    'HeartbeatSeconds',
    'Output',
    'Assign',
  ],
};

/** The first field of a state the plan has no place for. */
function extraField(state: JsonObject, allowed: readonly string[]): string | undefined {
  return Object.keys(state).find((k) => !allowed.includes(k));
}

function requireFields(name: string, state: JsonObject, allowed: readonly string[], what: string): void {
  const extra = extraField(state, allowed);
  if (extra !== undefined) throw new NotModelled(name, `${what} with ${extra} is not modelled`);
}

/** A JSONPath reference into the state's input (`$`, `$.a.b`), as a path; else undefined. */
function inputPath(text: unknown): JsonPath | undefined {
  if (typeof text !== 'string') return undefined;
  const source = parsePathSource(text);
  return source?.from === 'input' ? source.path : undefined;
}

/** The numeric comparison operators of a Choice rule. */
const NUMERIC_COMPARISONS = Object.keys(JSONATA_COMPARISONS) as NumericComparison[];

/** `$states.input.a.b` / `$states.result.a.b` in JSONata's plain path form. */
const JSONATA_REF = /^\$states\.(input|result)((?:\.[A-Za-z_]\w*|\.`[^`]*`|\[\d+\])*)$/;

function jsonataSegments(text: string): JsonPath {
  const out: (string | number)[] = [];
  const step = /\.([A-Za-z_]\w*)|\.`([^`]*)`|\[(\d+)\]/y;
  while (step.lastIndex < text.length) {
    const m = step.exec(text)!;
    out.push(m[3] !== undefined ? Number(m[3]) : (m[1] ?? m[2])!);
  }
  return out;
}

/** A JSONata Output / Assign value of the plan's form: `{% $states.result.a %}`, or an object of those. */
function jsonataTemplate(value: unknown): Template | undefined {
  if (typeof value === 'string') {
    if (!isJsonata(value)) return undefined;
    const m = JSONATA_REF.exec(value.slice(2, -2).trim());
    return m ? { ref: m[1] as 'input' | 'result', path: jsonataSegments(m[2]!) } : undefined;
  }
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  const fields: Record<string, Template> = {};
  for (const [k, v] of Object.entries(value)) {
    const t = jsonataTemplate(v);
    if (!t) return undefined;
    fields[k] = t;
  }
  return { fields };
}

/** A JSONPath ResultSelector of the plan's form: `key.$` paths into the result, nested objects of those. */
function resultSelector(value: unknown): Template | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  const fields: Record<string, Template> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('.$')) {
      const path = inputPath(v);
      if (!path) return undefined;
      fields[k.slice(0, -2)] = { ref: 'result', path };
    } else {
      const inner = resultSelector(v);
      if (!inner) return undefined;
      fields[k] = inner;
    }
  }
  return { fields };
}

/** Whether a JSON value holds a JSONata expression anywhere (a Pass's Assign is then computed). */
function holdsJsonata(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{%');
  if (Array.isArray(value)) return value.some(holdsJsonata);
  return isObject(value) && Object.values(value).some(holdsJsonata);
}

/** The dynamic value's text for a reason, or undefined when the plan follows it. */
function opaque(value: PlanValue): string | undefined {
  return value.given === 'opaque' ? value.expression : undefined;
}

/** The paths written into a flow's input so far, or false where the input was replaced. */
type Kept = false | readonly JsonPath[];

/** A state of a type the plan has no step for (Wait, and the rest outside the plan). */
function unmodelledType(name: string, state: JsonObject): never {
  throw new NotModelled(name, `${String(state.Type)} states are not modelled`);
}

/** Reads one flow (a machine, a branch, an iteration) into steps. */
class FlowReader {
  /** Tasks found by findTasks, by JSON pointer: their request, Retry, Catch and timeouts. */
  constructor(private readonly tasks: ReadonlyMap<string, SageMakerTask>) {}

  /** The flow from the machine's StartAt; `topLevel`: whether its input is the execution input. */
  flow(machine: JsonObject, pointer: string, language: QueryLanguage, topLevel: boolean): FlowPlan {
    const states = machine.States as JsonObject;
    return {
      steps: this.chain(states, String(machine.StartAt), pointer, language, new Set(), topLevel ? [] : false),
    };
  }

  /**
   * The steps from `start` on, following Next, until a state ends the flow. `visiting`: the states
   * on the way here (a loop back is not modelled). `fromInput`: whether the input of `start` is
   * still the flow's input as drawn but for the members written at these paths (false: it is not).
   */
  private chain(
    states: JsonObject,
    start: string,
    pointer: string,
    inherited: QueryLanguage,
    visiting: ReadonlySet<string>,
    fromInput: Kept,
  ): StepPlan[] {
    const steps: StepPlan[] = [];
    const seen = new Set(visiting);
    let name: string | undefined = start;
    let untouched = fromInput;
    while (name !== undefined) {
      if (seen.has(name)) throw new NotModelled(name, 'a loop back to an earlier state is not modelled');
      seen.add(name);
      const state = states[name];
      if (!isObject(state)) throw new NotModelled(name, 'the state is missing');
      const at = `${pointer}/States/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const language = queryLanguageOf(state, inherited);
      const ends = (): string | undefined => (state.End === true ? undefined : String(state.Next));
      switch (state.Type) {
        case 'Task': {
          const task = this.task(name, state, at, language, states, pointer, inherited, seen);
          steps.push(task);
          // A JSONPath result put at a path (or dropped) keeps the input's other members.
          untouched =
            untouched && language === 'JSONPath' && !task.outputPath && task.resultPath !== undefined
              ? task.resultPath === null || task.resultPath.length === 0
                ? task.resultPath === null
                  ? untouched
                  : false
                : [...untouched, task.resultPath]
              : false;
          name = ends();
          break;
        }
        case 'Pass': {
          const pass = this.pass(name, state, language);
          steps.push(pass);
          // A variable or a Result put elsewhere keeps the input's members the flag may be.
          if (pass.variable === undefined)
            untouched = untouched && pass.resultPath !== undefined ? [...untouched, pass.resultPath] : false;
          name = ends();
          break;
        }
        case 'Succeed':
          requireFields(name, state, FIELDS_ANYWHERE, 'a Succeed state');
          steps.push({ kind: 'succeed', name });
          return steps;
        case 'Choice': {
          const check = this.check(name, state, language, states);
          if (check) {
            steps.push(check.plan);
            name = check.next;
            break;
          }
          const choose = this.choose(name, state, language, untouched);
          const whenTrue = this.chain(states, choose.ifTrue, pointer, inherited, seen, untouched);
          const otherwise = this.chain(states, choose.otherwise, pointer, inherited, seen, untouched);
          steps.push({
            kind: 'choose',
            name,
            queryLanguage: language,
            flag: choose.flag,
            ...(choose.comparison ? { comparison: choose.comparison } : {}),
            whenTrue: { steps: whenTrue },
            otherwise: { steps: otherwise },
          });
          return steps;
        }
        case 'Map':
          steps.push(this.map(name, state, at, language));
          untouched = false;
          name = ends();
          break;
        case 'Parallel': {
          requireFields(name, state, [...FLOW_FIELDS, 'Branches'], 'a Parallel state');
          const branches = (state.Branches as unknown[]).map((b, i) =>
            this.flow(b as JsonObject, `${at}/Branches/${i}`, language, false),
          );
          steps.push({ kind: 'parallel', name, queryLanguage: language, branches });
          untouched = false;
          name = ends();
          break;
        }
        case 'Fail':
          throw new NotModelled(
            name,
            'a Fail state reached other than by a catcher or an output check is not modelled',
          );
        default:
          return unmodelledType(name, state);
      }
    }
    return steps;
  }

  /** One state read alone, its Next not followed: throws where its own fields are not modelled. */
  alone(
    name: string,
    state: JsonObject,
    at: string,
    language: QueryLanguage,
    states: JsonObject,
    pointer: string,
    inherited: QueryLanguage,
  ): void {
    switch (state.Type) {
      case 'Task':
        this.task(name, state, at, language, states, pointer, inherited, new Set());
        return;
      case 'Pass':
        // A Pass that only ends the flow is a catcher's target: the flow's reading decides.
        if (state.End === true && extraField(state, FLOW_FIELDS) === undefined) return;
        this.pass(name, state, language);
        return;
      case 'Succeed':
        requireFields(name, state, FIELDS_ANYWHERE, 'a Succeed state');
        return;
      case 'Fail':
        this.fail(name, state);
        return;
      case 'Choice':
        if (!this.check(name, state, language, states)) this.choose(name, state, language, []);
        return;
      case 'Map':
        this.map(name, state, at, language);
        return;
      case 'Parallel':
        requireFields(name, state, [...FLOW_FIELDS, 'Branches'], 'a Parallel state');
        return;
      default:
        unmodelledType(name, state);
    }
  }

  private task(
    name: string,
    state: JsonObject,
    at: string,
    language: QueryLanguage,
    states: JsonObject,
    pointer: string,
    inherited: QueryLanguage,
    seen: ReadonlySet<string>,
  ): TaskPlan {
    const found = this.tasks.get(at);
    if (!found) {
      const resource = String(state.Resource);
      throw new NotModelled(
        name,
        /:lambda:/.test(resource)
          ? 'a Lambda task is not modelled'
          : `a task of ${resource} is not modelled (only the SageMaker optimized integration is)`,
      );
    }
    requireFields(name, state, TASK_FIELDS[language], 'a Task');
    const member = found.plan.request.dynamic.find((d) => opaque(d.value) !== undefined);
    if (member)
      throw new NotModelled(
        name,
        `its request member ${member.at.join('.') || '(the whole request)'} is the expression ${opaque(member.value)}, which the plan does not follow`,
      );
    let plan: TaskPlan = { ...found.plan, queryLanguage: language };
    if (language === 'JSONPath') {
      if ('InputPath' in state) {
        const path = inputPath(state.InputPath);
        if (!path || path.length === 0) throw new NotModelled(name, 'its InputPath is not modelled');
        plan = { ...plan, inputPath: path };
      }
      if ('ResultSelector' in state) {
        const selector = resultSelector(state.ResultSelector);
        if (!selector)
          throw new NotModelled(name, 'a ResultSelector other than paths into the result is not modelled');
        plan = { ...plan, resultSelector: selector };
      }
      if ('ResultPath' in state) {
        const path = state.ResultPath === null ? null : inputPath(state.ResultPath);
        if (path === undefined) throw new NotModelled(name, 'its ResultPath is not modelled');
        plan = { ...plan, resultPath: path };
      }
      if ('OutputPath' in state) {
        const path = inputPath(state.OutputPath);
        if (!path || path.length === 0) throw new NotModelled(name, 'its OutputPath is not modelled');
        plan = { ...plan, outputPath: path };
      }
    } else {
      if ('Output' in state) {
        const output = jsonataTemplate(state.Output);
        if (!output)
          throw new NotModelled(
            name,
            'an Output other than $states.result / $states.input paths is not modelled',
          );
        plan = { ...plan, output };
      }
      if ('Assign' in state) {
        if (!isObject(state.Assign)) throw new NotModelled(name, 'its Assign is not modelled');
        const assign: Record<string, Template> = {};
        for (const [k, v] of Object.entries(state.Assign)) {
          const t = jsonataTemplate(v);
          if (!t)
            throw new NotModelled(
              name,
              `its Assign of ${k} is not a $states.result / $states.input path, which is all the plan models`,
            );
          assign[k] = t;
        }
        plan = { ...plan, assign };
      }
    }
    const catchers = Array.isArray(state.Catch) ? state.Catch : [];
    const catches = found.plan.catch.map((c, i): CatcherPlan => {
      const raw = catchers[i] as JsonObject;
      const extra = extraField(raw, ['ErrorEquals', 'Next', 'ResultPath', 'Comment']);
      if (extra !== undefined) throw new NotModelled(name, `a catcher with ${extra} is not modelled`);
      if ('ResultPath' in raw && c.resultPath === undefined && raw.ResultPath !== '$')
        throw new NotModelled(name, "a catcher's ResultPath is not modelled");
      const { resultPath, ...rest } = c;
      return {
        ...rest,
        ...(resultPath === undefined || raw.ResultPath === '$' ? {} : { resultPath }),
        target: this.catchTarget(c.target.state, states, pointer, inherited, new Set([...seen, name])),
      };
    });
    return { ...plan, catch: catches };
  }

  /** Where a catcher goes: a Fail, a Pass that ends the flow, or a SageMaker task that does. */
  private catchTarget(
    name: string,
    states: JsonObject,
    pointer: string,
    inherited: QueryLanguage,
    seen: ReadonlySet<string>,
  ): CatchTarget {
    const state = states[name];
    if (!isObject(state)) throw new NotModelled(name, 'the state is missing');
    const language = queryLanguageOf(state, inherited);
    if (state.Type === 'Fail') return { kind: 'fail', state: name, ...this.fail(name, state) };
    if (state.Type === 'Pass' && state.End === true && extraField(state, FLOW_FIELDS) === undefined)
      return { kind: 'recover', state: name };
    if (state.Type === 'Task' && state.End === true) {
      if (seen.has(name)) throw new NotModelled(name, 'a loop back to an earlier state is not modelled');
      const at = `${pointer}/States/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return {
        kind: 'task',
        state: name,
        task: this.task(name, state, at, language, states, pointer, inherited, seen),
      };
    }
    throw new NotModelled(
      name,
      "a catcher's target other than a Fail state, a Pass state that ends the flow or a SageMaker task that ends it is not modelled",
    );
  }

  private fail(name: string, state: JsonObject): { error: string; cause: string } {
    requireFields(name, state, [...FIELDS_ANYWHERE, 'Error', 'Cause'], 'a Fail state');
    if (
      typeof state.Error !== 'string' ||
      typeof state.Cause !== 'string' ||
      isJsonata(state.Error) ||
      isJsonata(state.Cause)
    )
      throw new NotModelled(name, 'a Fail state without a literal Error and Cause is not modelled');
    return { error: state.Error, cause: state.Cause };
  }

  private pass(name: string, state: JsonObject, language: QueryLanguage): StepPlan & { kind: 'pass' } {
    if (language === 'JSONPath') {
      requireFields(name, state, [...FLOW_FIELDS, 'Result', 'ResultPath'], 'a Pass state');
      if (!('Result' in state)) throw new NotModelled(name, 'a Pass state without Result is not modelled');
      const path = 'ResultPath' in state ? inputPath(state.ResultPath) : undefined;
      if ('ResultPath' in state && path === undefined)
        throw new NotModelled(name, 'its ResultPath is not modelled');
      return {
        kind: 'pass',
        name,
        queryLanguage: language,
        result: state.Result,
        ...(path !== undefined && path.length > 0 ? { resultPath: path } : {}),
      };
    }
    requireFields(name, state, [...FLOW_FIELDS, 'Assign'], 'a Pass state');
    const assign = state.Assign;
    if (!isObject(assign) || Object.keys(assign).length !== 1 || holdsJsonata(assign))
      throw new NotModelled(
        name,
        'a JSONata Pass state other than one Assign of a literal value is not modelled',
      );
    const [variable, result] = Object.entries(assign)[0]!;
    return { kind: 'pass', name, queryLanguage: language, result, variable };
  }

  /** The output check: the field is present and not the empty string, else a Fail state. */
  private check(
    name: string,
    state: JsonObject,
    language: QueryLanguage,
    states: JsonObject,
  ): { plan: StepPlan; next: string } | undefined {
    const rule = Array.isArray(state.Choices) && state.Choices.length === 1 ? state.Choices[0] : undefined;
    if (!isObject(rule) || typeof rule.Next !== 'string' || typeof state.Default !== 'string')
      return undefined;
    if (extraField(state, [...FIELDS_ANYWHERE, 'Choices', 'Default']) !== undefined) return undefined;
    let field: JsonPath | undefined;
    if (language === 'JSONPath') {
      const [present, notEmpty] = Array.isArray(rule.And) ? rule.And : [];
      const variable = isObject(present) ? present.Variable : undefined;
      const inner = isObject(notEmpty) && isObject(notEmpty.Not) ? notEmpty.Not : undefined;
      if (
        Object.keys(rule).length === 2 &&
        Array.isArray(rule.And) &&
        rule.And.length === 2 &&
        isObject(present) &&
        Object.keys(present).length === 2 &&
        present.IsPresent === true &&
        isObject(notEmpty) &&
        Object.keys(notEmpty).length === 1 &&
        inner !== undefined &&
        Object.keys(inner).length === 2 &&
        inner.Variable === variable &&
        inner.StringEquals === ''
      )
        field = inputPath(variable);
    } else if (Object.keys(rule).length === 2 && typeof rule.Condition === 'string') {
      const m = /^\{%\s*\$exists\((\S+)\) and (\S+) != ''\s*%\}$/.exec(rule.Condition);
      const ref = m && m[1] === m[2] ? JSONATA_REF.exec(m[1]!) : null;
      if (ref && ref[1] === 'input') field = jsonataSegments(ref[2]!);
    }
    if (field === undefined || field.length === 0) return undefined;
    const invalid = states[state.Default];
    if (!isObject(invalid) || invalid.Type !== 'Fail') return undefined;
    return {
      plan: {
        kind: 'check',
        name,
        queryLanguage: language,
        field,
        invalid: { state: state.Default, ...this.fail(state.Default, invalid) },
      },
      next: rule.Next,
    };
  }

  /**
   * A Choice on a boolean flag of the input, or on a number of it against a threshold: when the rule
   * holds it goes one way, else the other.
   */
  private choose(
    name: string,
    state: JsonObject,
    language: QueryLanguage,
    untouched: Kept,
  ): { flag: JsonPath; comparison?: ChoosePlan['comparison']; ifTrue: string; otherwise: string } {
    const notModelled = new NotModelled(
      name,
      'a Choice with rules other than an output check, one boolean flag or one numeric comparison with a Default is not modelled',
    );
    const rule = Array.isArray(state.Choices) && state.Choices.length === 1 ? state.Choices[0] : undefined;
    if (!isObject(rule) || typeof rule.Next !== 'string' || typeof state.Default !== 'string')
      throw notModelled;
    if (extraField(state, [...FIELDS_ANYWHERE, 'Choices', 'Default']) !== undefined) throw notModelled;
    let flag: JsonPath | undefined;
    let comparison: ChoosePlan['comparison'];
    if (language === 'JSONPath') {
      const operator = NUMERIC_COMPARISONS.find((op) => typeof rule[op] === 'number');
      if (Object.keys(rule).length === 3 && rule.BooleanEquals === true) flag = inputPath(rule.Variable);
      else if (Object.keys(rule).length === 3 && operator) {
        flag = inputPath(rule.Variable);
        comparison = { operator, threshold: rule[operator] as number };
      }
      // A flag the input lacks is a runtime error in JSONPath, which the plan does not model: only
      // a flag of the flow's input as drawn (no task before the Choice) is.
      const at = flag;
      const kept =
        untouched !== false &&
        at !== undefined &&
        !untouched.some((w) => w.length <= at.length && w.every((k, i) => at[i] === k));
      if (flag !== undefined && !kept)
        throw new NotModelled(
          name,
          'a JSONPath Choice on a flag after a task or another state that changes the input is not modelled (a missing flag is a runtime error)',
        );
    } else if (Object.keys(rule).length === 2 && typeof rule.Condition === 'string') {
      const m = /^\{%\s*(\S+) (=|>=|>|<=|<) (true|-?\d+(?:\.\d+)?)\s*%\}$/.exec(rule.Condition);
      const ref = m ? JSONATA_REF.exec(m[1]!) : null;
      const operator = m ? NUMERIC_COMPARISONS.find((op) => JSONATA_COMPARISONS[op] === m[2]) : undefined;
      if (ref && ref[1] === 'input' && m![3] === 'true' && m![2] === '=') flag = jsonataSegments(ref[2]!);
      else if (ref && ref[1] === 'input' && m![3] !== 'true' && operator) {
        flag = jsonataSegments(ref[2]!);
        comparison = { operator, threshold: Number(m![3]) };
      }
    }
    if (flag === undefined || flag.length === 0) throw notModelled;
    return { flag, ...(comparison ? { comparison } : {}), ifTrue: rule.Next, otherwise: state.Default };
  }

  private map(name: string, state: JsonObject, at: string, language: QueryLanguage): StepPlan {
    const key = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
    requireFields(
      name,
      state,
      [
        ...FLOW_FIELDS,
        key,
        'MaxConcurrency',
        ...(language === 'JSONPath' ? ['ItemsPath', 'ItemSelector'] : ['Items']),
      ],
      'a Map state',
    );
    // A number of iterations at once (0: all); the oracle predicts one at a time, and leaves several
    // at once undecided (sfn.map.concurrent-iterations).
    const maxConcurrency = state.MaxConcurrency;
    if (typeof maxConcurrency !== 'number' || !Number.isInteger(maxConcurrency) || maxConcurrency < 0)
      throw new NotModelled(
        name,
        'a Map state that may run iterations at once, its MaxConcurrency not written as a whole number, is not modelled',
      );
    const processor = state[key] as JsonObject;
    const config = processor.ProcessorConfig;
    if (
      config !== undefined &&
      !(isObject(config) && Object.keys(config).length === 1 && config.Mode === 'INLINE')
    )
      throw new NotModelled(name, 'a Map state other than an INLINE one is not modelled');
    let itemsPath: JsonPath | undefined;
    let itemAs: string | undefined;
    if (language === 'JSONPath') {
      itemsPath = inputPath(state.ItemsPath);
      // An execution's input is an object: the items are a list in it.
      if (itemsPath === undefined || itemsPath.length === 0)
        throw new NotModelled(
          name,
          'a Map state without an ItemsPath into the input ($.items) is not modelled',
        );
      if ('ItemSelector' in state) {
        const selector = state.ItemSelector;
        const entries = isObject(selector) ? Object.entries(selector) : [];
        const [k, v] = entries[0] ?? [];
        if (entries.length !== 1 || !k?.endsWith('.$') || v !== '$$.Map.Item.Value')
          throw new NotModelled(
            name,
            'an ItemSelector other than { "name.$": "$$.Map.Item.Value" } is not modelled',
          );
        itemAs = k.slice(0, -2);
      }
    } else if (state.Items !== '{% [$states.input] %}')
      throw new NotModelled(name, 'a JSONata Map whose Items are not [$states.input] is not modelled');
    const iteration = this.flow(processor, `${at}/${key}`, language, false);
    return {
      kind: 'map',
      name,
      queryLanguage: language,
      ...(itemsPath !== undefined ? { itemsPath } : {}),
      ...(itemAs !== undefined ? { itemAs } : {}),
      ...(maxConcurrency !== 1 ? { maxConcurrency } : {}),
      iteration,
    };
  }
}

/** The machine's own fields the plan has a place for. */
const MACHINE_FIELDS = ['StartAt', 'States', 'Comment', 'QueryLanguage', 'TimeoutSeconds', 'Version'];

/**
 * The plan of a definition Step Functions accepts (checked before: `validate`'s rules that reject
 * at creation) with at least one SageMaker task, or the states it cannot model with the reasons.
 */
export function definitionPlan(definition: JsonObject, type: StateMachineType = 'STANDARD'): DefinitionPlan {
  const found = findTasks(definition, type);
  const language = queryLanguageOf(definition, 'JSONPath');
  const timeout = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  const head = {
    shape: 'definition' as const,
    queryLanguage: language,
    ...(typeof definition.Comment === 'string' ? { comment: definition.Comment } : {}),
    ...(timeout === undefined ? {} : { timeoutSeconds: timeout }),
  };
  const unmodelled = (states: UnmodelledState[]): DefinitionPlan => ({
    modelled: false,
    states,
    plan: {
      ...head,
      // The SageMaker tasks alone, without their catchers: what creation and the labels read.
      flow: { steps: found.tasks.map((t) => ({ ...t.plan, catch: [] })) },
      unmodelled: unmodelledLine(states),
    },
  });
  if (type === 'EXPRESS')
    return unmodelled([{ state: '(the state machine)', reason: 'an Express state machine is not modelled' }]);
  const extra = extraField(definition, MACHINE_FIELDS);
  if (extra !== undefined)
    return unmodelled([{ state: '(the state machine)', reason: `its ${extra} is not modelled` }]);
  const reader = new FlowReader(new Map(found.tasks.map((t) => [t.pointer, t])));
  // Every state that is not modelled, each on its own (a state's reason does not hide another's).
  const states = listUnmodelled(definition, reader, language);
  if (states.length > 0) return unmodelled(states);
  try {
    return { modelled: true, plan: { ...head, flow: reader.flow(definition, '', language, true) } };
  } catch (e) {
    if (e instanceof NotModelled) return unmodelled([{ state: e.state, reason: e.reason }]);
    throw e;
  }
}

/**
 * The states whose own fields the plan cannot model, each checked alone (the flow they make is
 * checked by reading it): every state of the definition, nested ones too.
 */
function listUnmodelled(
  definition: JsonObject,
  reader: FlowReader,
  language: QueryLanguage,
): UnmodelledState[] {
  const out: (UnmodelledState & { readonly own: boolean })[] = [];
  const visit = (machine: JsonObject, pointer: string, inherited: QueryLanguage): void => {
    const states = isObject(machine.States) ? machine.States : {};
    for (const [name, state] of Object.entries(states)) {
      if (!isObject(state)) continue;
      const at = `${pointer}/States/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const lang = queryLanguageOf(state, inherited);
      try {
        reader.alone(name, state, at, lang, states, pointer, inherited);
      } catch (e) {
        if (!(e instanceof NotModelled)) throw e;
        out.push({ state: e.state, reason: e.reason, own: e.state === name });
      }
      if (state.Type === 'Parallel' && Array.isArray(state.Branches))
        state.Branches.forEach((b, i) => isObject(b) && visit(b, `${at}/Branches/${i}`, lang));
      if (state.Type === 'Map') {
        const key = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
        if (isObject(state[key])) visit(state[key], `${at}/${key}`, lang);
      }
    }
  };
  visit(definition, '', language);
  // Each state once, with the reason its own fields give where they give one (else what its
  // reader found), in the definition's order.
  const own = out.filter((s) => s.own);
  return out
    .filter((s, i) =>
      s.own
        ? own.findIndex((o) => o.state === s.state) === own.indexOf(s)
        : !own.some((o) => o.state === s.state) && out.findIndex((o) => o.state === s.state) === i,
    )
    .map(({ state, reason }) => ({ state, reason }));
}

export { analyzeTaskResource };
