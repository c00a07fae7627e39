/**
 * Realistic building blocks for SageMaker requests: names by the name patterns and length limits
 * of the API model, S3 and image URIs, role ARNs, tags, hyperparameters.
 */
import fc from 'fast-check';
import { shapeAt } from '../apimodel/lookup.js';

/** The account cases are drawn in (the documentation's example account). */
export const ACCOUNT = '123456789012';
/** The region cases are drawn in. */
export const REGION = 'us-east-1';

const WORDS = ['churn', 'xgb', 'bert', 'fraud', 'images', 'search', 'forecast', 'ranker', 'clip', 'demand'];
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const suffixArb = fc.array(alnum, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

/**
 * A name matching `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,max-1}` (job, model, endpoint names): a word, a
 * hyphen (sometimes two) and a suffix; now and then with capitals (their ARNs are lower-cased by
 * SageMaker: sagemaker.arn.lower-case), cut to `max`.
 */
export function resourceNameArb(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...WORDS), fc.constantFrom('-', '-', '-', '--'), suffixArb, fc.nat({ max: 9 }))
    .map(([word, dash, suffix, caps]) => {
      const base = caps === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
      let name = `${base}${dash}${suffix}`.slice(0, max);
      while (name.endsWith('-')) name = name.slice(0, -1);
      return name;
    });
}

/**
 * An execution's name: mostly one SageMaker takes too (it doubles as a job's name through
 * `$$.Execution.Name`), now and then one with an underscore, a date or a run id, which Step
 * Functions takes and SageMaker's name patterns do not (a task names nothing after it then).
 */
export function executionNameArb(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 19, arbitrary: resourceNameArb(max) },
    { weight: 1, arbitrary: refusedNameArb(max) },
  );
}

/**
 * A name as pipelines build it from a date or a run id, with an underscore: SageMaker's name
 * patterns refuse it (the invalid cases' name given at run time).
 */
export function refusedNameArb(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(resourceNameArb(max - 8), fc.constantFrom('_2026_12', '_v2', '_run_1'))
    .map(([name, suffix]) => `${name}${suffix}`);
}

/** Whether a name is one the request member takes: its pattern and length in the API model. */
export function takesName(operation: string, member: string, name: string): boolean {
  const shape = shapeAt(operation, member);
  return (
    new RegExp(`^(?:${shape.pattern ?? '.*'})$`, 'u').test(name) &&
    [...name].length <= (shape.max ?? Infinity) &&
    [...name].length >= (shape.min ?? 0)
  );
}

/** A name for the request member, with the max length the model gives it (63; 32 for HPO). */
export function nameFor(operation: string, ...path: string[]): fc.Arbitrary<string> {
  return resourceNameArb(shapeAt(operation, ...path).max ?? 63);
}

/** An S3 bucket of the documentation's example names. */
export const bucketArb = fc.constantFrom(
  'amzn-s3-demo-bucket',
  'amzn-s3-demo-bucket1',
  'amzn-s3-demo-destination-bucket',
);
const keyPart = fc.constantFrom(
  'data',
  'train',
  'validation',
  'models',
  'output',
  'manifests',
  'features',
  '2026-11',
);
/** An `s3://` location: a bucket and one to three key parts. */
export const s3UriArb = fc
  .tuple(bucketArb, fc.array(keyPart, { minLength: 1, maxLength: 3 }))
  .map(([bucket, parts]) => `s3://${bucket}/${parts.join('/')}`);

/**
 * An S3 location SageMaker reads: mostly `s3://`, now and then the `https://` URL of the object as
 * CDK writes it (`bucket.urlForObject`); the API model's pattern takes both.
 */
export const s3InputUriArb = fc.oneof(
  { weight: 7, arbitrary: s3UriArb },
  {
    weight: 1,
    arbitrary: fc
      .tuple(bucketArb, fc.array(keyPart, { minLength: 1, maxLength: 3 }))
      .map(([bucket, parts]) => `https://s3.${REGION}.amazonaws.com/${bucket}/${parts.join('/')}`),
  },
);

/** Another account, whose roles a request may name by mistake (a role copied from a shared-services account). */
export const OTHER_ACCOUNT = '210987654321';

/**
 * An execution role for SageMaker: of the case's account, and now and then of another account,
 * which IAM does not let be passed (iam.passrole.same-account).
 */
export const roleArnArb = fc
  .tuple(
    fc.oneof(
      { weight: 59, arbitrary: fc.constant(ACCOUNT) },
      { weight: 1, arbitrary: fc.constant(OTHER_ACCOUNT) },
    ),
    fc.constantFrom('SageMakerExecution', 'sagemaker-training', 'ml/SageMakerRole', 'docs-sagemaker'),
  )
  .map(([account, name]) => `arn:aws:iam::${account}:role/${name}`);

/** An ECR image URI: an AWS algorithm account's or the account's own repository, with a tag. */
export const imageUriArb = fc
  .tuple(
    fc.constantFrom('683313688378', '811284229777', ACCOUNT),
    fc.constantFrom('sagemaker-xgboost', 'blazingtext', 'pytorch-training', 'sklearn-processing', 'my-model'),
    fc.constantFrom('latest', '1.7-1', '2.1.0-cpu-py310', 'v3'),
  )
  .map(([account, repo, tag]) => `${account}.dkr.ecr.${REGION}.amazonaws.com/${repo}:${tag}`);

const TAG_KEYS = ['team', 'project', 'cost-center', 'env', 'owner'];
/** One to three tags of distinct keys. */
export const tagsArb = fc
  .uniqueArray(fc.constantFrom(...TAG_KEYS), { minLength: 1, maxLength: 3 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((Key) =>
        fc.constantFrom('ml', 'search', 'prod', 'dev', 'data-science').map((Value) => ({ Key, Value })),
      ),
    ),
  );

/** String hyperparameters (values at most 256 characters, as the member doc says). */
export const hyperParametersArb = fc
  .uniqueArray(
    fc.constantFrom('epochs', 'eta', 'max_depth', 'num_round', 'objective', 'learning_rate', 'batch_size'),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .chain((keys) =>
    fc.tuple(
      ...keys.map((k) =>
        fc
          .oneof(
            fc.integer({ min: 1, max: 500 }).map(String),
            fc.constantFrom('0.1', 'binary:logistic', 'reg:squarederror'),
          )
          .map((v) => [k, v] as const),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries));

/** One to three environment variables of a container. */
export const environmentArb = fc
  .uniqueArray(fc.constantFrom('LOG_LEVEL', 'MODEL_VERSION', 'FEATURE_SET', 'SM_NUM_GPUS'), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((keys) =>
    fc.tuple(...keys.map((k) => fc.constantFrom('INFO', 'v2', 'full', '1').map((v) => [k, v] as const))),
  )
  .map((entries) => Object.fromEntries(entries));

/**
 * The value with probability `p`, otherwise undefined. (fc.option's `freq` is the odds of nil,
 * one in `freq`: `{ freq: 4 }` gives a value three times in four. Spelled out here instead.)
 * Shrinks towards undefined.
 */
export function sometimes<T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | undefined> {
  if (p <= 0) return fc.constant(undefined);
  if (p >= 1) return arb;
  const weight = Math.round(p * 1000);
  return fc.oneof({ weight: 1000 - weight, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });
}

/** Pick members from an enum of the model, optionally restricted to the realistic ones. */
export function enumArb(values: readonly string[], prefer?: readonly string[]): fc.Arbitrary<string> {
  const preferred = prefer?.filter((v) => values.includes(v)) ?? [];
  return preferred.length > 0
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...preferred) },
        { weight: 1, arbitrary: fc.constantFrom(...values) },
      )
    : fc.constantFrom(...values);
}

/** Adds the optional members that fc.option produced (a member left `undefined` is omitted). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = v;
  return out as T;
}
