/**
 * A Lambda step before a chain that starts with training, as a Pass with the shape the function
 * returns: it names the training job and gives its hyperparameters, which the training task reads.
 */
import type { DynamicMember, JsonPath, StepPlan, TaskPlan, ValueSource } from '../../contracts/casePlan.js';

/**
 * The chain with the preparing step first and the training task reading it (JSONPath from
 * `$.prep.Payload`, JSONata from the variable `$prep`).
 */
export function withPreparation(tasks: readonly TaskPlan[], jobName: string): StepPlan[] {
  const train = tasks[0]!;
  const language = train.queryLanguage;
  const literal: Record<string, unknown> = { ...train.request.literal };
  const payload: Record<string, unknown> = { trainingJobName: jobName };
  const reads: [JsonPath, JsonPath][] = [[['TrainingJobName'], ['trainingJobName']]];
  delete literal.TrainingJobName;
  if (literal.HyperParameters) {
    payload.hyperparameters = literal.HyperParameters;
    delete literal.HyperParameters;
    reads.push([['HyperParameters'], ['hyperparameters']]);
  }
  const source = (path: JsonPath): ValueSource =>
    language === 'JSONata'
      ? { from: 'variable', name: 'prep', path: ['Payload', ...path] }
      : { from: 'input', path: ['prep', 'Payload', ...path] };
  const dynamic: DynamicMember[] = [
    ...train.request.dynamic.filter(
      (member) => !reads.some(([at]) => JSON.stringify(at) === JSON.stringify(member.at)),
    ),
    ...reads.map(([at, path]): DynamicMember => ({
      at,
      value:
        language === 'JSONata'
          ? { given: 'jsonata', parts: [source(path)] }
          : { given: 'path', source: source(path) },
    })),
  ];
  const pass: StepPlan = {
    kind: 'pass',
    name: 'Prepare training',
    queryLanguage: language,
    result: { Payload: payload, StatusCode: 200 },
    ...(language === 'JSONata' ? { variable: 'prep' } : { resultPath: ['prep'] }),
  };
  return [pass, { ...train, request: { literal, dynamic } }, ...tasks.slice(1)];
}
