import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_NAMES, type Pattern } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import { problemLabel, validateDefinition } from '../validation/validateDefinition.js';
import { findTasks } from '../oracles/definition/sagemakerTasks.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { planTasks } from '../contracts/casePlan.js';
import { WRAPPERS } from '../contracts/case.js';
import { caseId, canonicalJson, validCaseArb } from './case.js';
import { invalidCaseArb, RUN_TIME_NAME_FORM } from './invalidCase.js';
import type { Breakage } from '../contracts/casePlan.js';
import type { CaseContent } from '../contracts/case.js';
import { resolveRequest } from '../oracles/outcome/resolveValue.js';
import { validateRequest } from '../validation/validateRequest.js';

/** Whether an invalid case's broken value is given at run time (the plan's member there is dynamic). */
const givenAtRunTime = (c: CaseContent): boolean => {
  if (c.validity.valid || c.validity.breaks.kind !== 'request') return false;
  const at = JSON.stringify(c.validity.breaks.at);
  return planTasks(c.plan.flow).some((t) => t.request.dynamic.some((d) => JSON.stringify(d.at) === at));
};
import { generateCase, caseArb, sampleCases } from './sampleCases.js';

describe('generated cases', () => {
  it('every valid definition passes validate (ASL, the extra rules and the request model)', () => {
    // asl-validator's pass costs about 1 ms a definition: a moderate number of runs.
    fc.assert(
      fc.property(validCaseArb(), (c) => {
        expect(validateDefinition(c.definition).map(problemLabel)).toEqual([]);
      }),
      { numRuns: 80, seed: 6 },
    );
  });

  it('every invalid case fails validate for exactly its labelled reason', () => {
    fc.assert(
      fc.property(invalidCaseArb(), (c) => {
        expect(c.validity.valid).toBe(false);
        fc.pre(!givenAtRunTime(c));
        const labels = validateDefinition(c.definition).map(problemLabel);
        expect(labels).toEqual([(c.validity as { violation: string }).violation]);
      }),
      { numRuns: 80, seed: 7 },
    );
  });

  it('an invalid name given at run time: the definition passes validate, the request SageMaker receives does not', () => {
    let drawn = 0;
    fc.assert(
      fc.property(invalidCaseArb({}, ['request']), (c) => {
        if (!givenAtRunTime(c)) return;
        drawn++;
        const breaks = (c.validity as { breaks: Breakage }).breaks as Extract<Breakage, { kind: 'request' }>;
        expect(breaks.form).toBe(RUN_TIME_NAME_FORM);
        expect(validateDefinition(c.definition).map(problemLabel)).toEqual([]);
        const [task] = planTasks(c.plan.flow);
        const request = resolveRequest(task!.request, {
          input: c.input,
          executionInput: c.input,
          executionName: c.executionName,
        })!;
        const field = SAGEMAKER_APIS[task!.api].nameField.value;
        expect(String(request[field])).toContain('_');
        expect(validateRequest(task!.api, request).map((v) => `${v.constraint} ${v.path}`)).toEqual([
          `pattern /${field}`,
        ]);
        expect((c.validity as { violation: string }).violation).toMatch(
          new RegExp(`^pattern at /States/Task/(Parameters/${field}\\.\\$|Arguments/${field})$`),
        );
      }),
      { numRuns: 300, seed: 9 },
    );
    expect(drawn).toBeGreaterThan(10);
  });

  it('dynamic members resolve from the input the case carries, or read on purpose what a result lacks', () => {
    for (const c of sampleCases({ seed: 8 }, 300)) {
      // Unresolved, the oracle predicts States.Runtime (JSONPath) or States.QueryEvaluationError
      // (JSONata) at the task. Only a read of a request-response result (it has only the ARN) may be.
      const p = predictExecution(c);
      const tasks = planTasks(c.plan.flow);
      // A read of an earlier result (kept under a ResultPath, or in a variable) of a request-response task.
      const readsLacking = tasks.some((t) =>
        t.request.dynamic.some((d) => {
          const sources =
            d.value.given === 'path' ? [d.value.source] : d.value.given === 'jsonata' ? d.value.parts : [];
          return sources.some(
            (s) =>
              'from' in s &&
              (s.from === 'input' || s.from === 'variable') &&
              tasks.some((r) => r.name === s.result && r.pattern !== 'sync'),
          );
        }),
      );
      // A task a catcher goes to with the error output in place of its input (JSONata, or JSONPath
      // without ResultPath), reading that input: create-or-update draws it on purpose (replacing the
      // input loses what the update reads).
      const readsReplacedInput = tasks.some((t) =>
        t.catch.some(
          (x) =>
            x.target.kind === 'task' &&
            (t.queryLanguage === 'JSONata' || x.resultPath === undefined) &&
            x.target.task.request.dynamic.some((d) => {
              const sources =
                d.value.given === 'path' || d.value.given === 'parse'
                  ? [d.value.source]
                  : d.value.given === 'format'
                    ? d.value.args
                    : d.value.given === 'jsonata'
                      ? d.value.parts
                      : [];
              return sources.some((s) => 'from' in s && s.from === 'input');
            }),
        ),
      );
      if (!readsLacking && !readsReplacedInput)
        expect(['States.Runtime', 'States.QueryEvaluationError'], c.id).not.toContain(p.error?.value);
      if (!readsLacking && !readsReplacedInput)
        expect(JSON.stringify(p.output?.value ?? {}), c.id).not.toContain('States.QueryEvaluationError');
    }
  });

  it('render and parse agree: a definition read back gives each task its plan (request, Retry, Catch, timeouts)', () => {
    for (const c of sampleCases({ seed: 12 }, 300)) {
      const found = findTasks(c.definition).tasks.map((t) => t.plan);
      const planned = planTasks(c.plan.flow);
      expect(found.length).toBe(planned.length);
      found.forEach((parsed, i) => {
        const plan = planned[i]!;
        expect(parsed.name).toBe(plan.name);
        expect([parsed.api, parsed.pattern, parsed.queryLanguage]).toEqual([
          plan.api,
          plan.pattern,
          plan.queryLanguage,
        ]);
        expect(parsed.request.literal).toEqual(plan.request.literal);
        const byPath = (list: readonly { at: readonly unknown[] }[]) =>
          [...list].sort((a, b) => JSON.stringify(a.at).localeCompare(JSON.stringify(b.at)));
        // Which earlier state a path reads (`result`) is the plan's knowledge, not the text's.
        const unlabelled = JSON.parse(
          JSON.stringify(plan.request.dynamic).replace(/,"result":"[^"]*"/g, ''),
        ) as typeof plan.request.dynamic;
        expect(byPath(parsed.request.dynamic)).toEqual(byPath(unlabelled));
        expect(parsed.retry).toEqual(plan.retry);
        expect(parsed.catch.map((x) => [x.errorEquals, x.target.state, x.resultPath])).toEqual(
          plan.catch.map((x) => [
            x.errorEquals,
            x.target.state,
            plan.queryLanguage === 'JSONPath' ? x.resultPath : undefined,
          ]),
        );
        expect([parsed.timeoutSeconds, parsed.heartbeatSeconds]).toEqual([
          plan.timeoutSeconds,
          plan.heartbeatSeconds,
        ]);
      });
    }
  });

  it('are deterministic: a seed and a path give the same case, alone or in sequence', () => {
    const run = [...sampleCases({ seed: 9 }, 5)];
    expect(generateCase(caseArb({}), 9, 3)).toEqual(run[3]);
    expect([...sampleCases({ seed: 9 }, 5)]).toEqual(run);
    expect(new Set(run.map((c) => c.id)).size).toBe(5);
  });

  it('have ids that hash their content, whatever the key order', () => {
    const [c] = [...sampleCases({ seed: 10 }, 1)];
    const { id, replay: _replay, ...content } = c!;
    expect(caseId(content)).toBe(id);
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as typeof content;
    expect(caseId(reordered)).toBe(id);
    expect(caseId({ ...content, executionName: `${content.executionName}x` })).not.toBe(id);
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});

describe('coverage of sample --count 1000 --seed 1', () => {
  const cases = [...sampleCases({ seed: 1 }, 1000)];
  it('has every legal (api, pattern) pair, both name modes and both query languages', () => {
    const pairs = new Set(cases.map((c) => `${c.api} ${c.pattern}`));
    for (const api of API_NAMES) {
      for (const pattern of SAGEMAKER_APIS[api].patterns.value as Pattern[])
        expect(pairs).toContain(`${api} ${pattern}`);
    }
    expect(new Set(cases.map((c) => c.resourceMode))).toEqual(new Set(['static', 'dynamic']));
    expect(new Set(cases.map((c) => c.queryLanguage))).toEqual(new Set(['JSONPath', 'JSONata']));
    expect(new Set(cases.map((c) => c.shape)).size).toBe(9);
    for (const w of WRAPPERS) {
      expect(
        cases.some((c) => c.wrappers.includes(w as never)),
        w,
      ).toBe(true);
    }
    for (const kind of [
      'predicted',
      'leaveOneOut',
      'wrongResourceName',
      'missingPassRoleCondition',
      'extraDeny',
    ]) {
      expect(
        cases.some((c) => c.policyVariant.kind === kind),
        kind,
      ).toBe(true);
    }
  });
});

describe('no regression: the cases of seed 42', () => {
  it('are pinned (a change to generation shows up here, in review)', () => {
    const cases = [...sampleCases({ seed: 42, includeInvalid: true }, 40)];
    expect(
      cases.map(
        (c) =>
          `${c.id} ${c.api} ${c.pattern} ${c.resourceMode} ${c.queryLanguage} ${c.shape} ${c.validity.valid}`,
      ),
    ).toMatchSnapshot();
    expect(cases.slice(0, 3)).toMatchSnapshot();
  });
});
