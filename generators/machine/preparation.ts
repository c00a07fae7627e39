/**
 * A Lambda step before a chain that starts with training, as a Pass with the shape the function
 * returns: it names the training job and gives its hyperparameters, which the training task reads.
 */
import type { DynamicMember, JsonPath, StepPlan, TaskPlan, ValueSource } from '../../contracts/casePlan.js';

/**
 * The chain with the preparing step first and the training task reading it (JSONPath from
 * `$.prep.Payload`, JSONata from the variable `$prep`). A number the training task's output
 * location is built with (its version, `stateInput`'s) comes from the function's result too: a
 * number of an earlier result that States.Format writes; where the location is written literally,
 * it is built from it and the function's `version` (`{location}/v{version}`).
 */
export function withPreparation(
  tasks: readonly TaskPlan[],
  jobName: string,
  stateInput: Readonly<Record<string, unknown>> = {},
  version = 1,
): StepPlan[] {
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
  // The version a built output location reads from the state's input, moved to the payload.
  const fromPayload = (s: ValueSource): ValueSource => {
    const key = s.from === 'input' && s.path.length === 1 ? String(s.path[0]) : undefined;
    if (key === undefined || !key.endsWith('version') || typeof stateInput[key] !== 'number') return s;
    payload.version = stateInput[key];
    return source(['version']);
  };
  const built = (member: DynamicMember): DynamicMember =>
    member.value.given === 'format'
      ? { ...member, value: { ...member.value, args: member.value.args.map(fromPayload) } }
      : member.value.given === 'jsonata'
        ? {
            ...member,
            value: {
              ...member.value,
              parts: member.value.parts.map((p) => ('from' in p ? fromPayload(p) : p)),
            },
          }
        : member;
  const output = literal.OutputDataConfig as Record<string, unknown> | undefined;
  const location = output?.S3OutputPath;
  const versioned: DynamicMember[] = [];
  if (typeof location === 'string' && location.startsWith('s3://')) {
    const { S3OutputPath: _built, ...rest } = output!;
    literal.OutputDataConfig = rest;
    payload.version = version;
    versioned.push({
      at: ['OutputDataConfig', 'S3OutputPath'],
      value:
        language === 'JSONata'
          ? { given: 'jsonata', parts: [{ text: `${location}/v` }, source(['version'])] }
          : {
              given: 'format',
              template: `${location.replace(/[\\{}]/g, '\\$&')}/v{}`,
              args: [source(['version'])],
            },
    });
  }
  const dynamic: DynamicMember[] = [
    ...versioned,
    ...train.request.dynamic
      .filter((member) => !reads.some(([at]) => JSON.stringify(at) === JSON.stringify(member.at)))
      .map(built),
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
