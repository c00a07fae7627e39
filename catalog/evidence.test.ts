/**
 * The evidence table held to its sources: a rule is documented only with a page or an API model
 * that says it, observed only with a report or a recording that shows it; every rule is one the
 * project applies; the claims the oracle's users read under "documented" are ones a page makes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictPolicy } from '../oracles/policy/predictPolicy.js';
import { checkPolicy } from '../oracles/calls/checkPolicy.js';
import { PolicySet } from '../iam/evaluate.js';
import { parsePolicy } from '../iam/policy.js';
import { EVIDENCE, EVIDENCE_ENTRIES, type RuleId } from './evidence.js';
import type { Source } from './evidence/entry.js';
import { rule, weakest } from './provenance.js';

const ROOT = resolve(import.meta.dirname, '..');
const isPage = (s: Source) => 'page' in s;
const isModel = (s: Source) => 'model' in s;
const isReport = (s: Source) => 'report' in s;
const isRecording = (s: Source) => 'recording' in s;

describe('the evidence table', () => {
  it('has unique, stable ids, each with a claim and a source', () => {
    const ids = EVIDENCE_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of EVIDENCE_ENTRIES) {
      expect(e.id).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
      expect(e.claim.length, e.id).toBeGreaterThan(20);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
    }
  });

  it('labels no rule stronger than its sources', () => {
    for (const e of EVIDENCE_ENTRIES) {
      // Documented: a page or an API model says it.
      if (e.kind === 'documented')
        expect(
          e.sources.some((s) => isPage(s) || isModel(s)),
          e.id,
        ).toBe(true);
      // Observed: a report or a recording shows it (and no page says it, or it would be documented).
      if (e.kind === 'observed')
        expect(
          e.sources.some((s) => isReport(s) || isRecording(s)),
          e.id,
        ).toBe(true);
      // An assumption of the harness, or a rule nobody knows, is never more than inferred.
      if (e.assumption || e.undecided) expect(e.kind, e.id).toBe('inferred');
    }
  });

  it('cites AWS pages by their address, and recordings that are in the repository', () => {
    for (const e of EVIDENCE_ENTRIES)
      for (const s of e.sources) {
        if ('page' in s) {
          expect(s.page, e.id).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|states-language\.net)\//);
          expect(s.section.length, e.id).toBeGreaterThan(0);
        }
        if ('recording' in s)
          expect(existsSync(join(ROOT, s.recording)), `${e.id}: ${s.recording}`).toBe(true);
        if ('report' in s) expect(s.shows.length, e.id).toBeGreaterThan(0);
      }
  });

  it('has only rules the project applies: each id is named in its code', () => {
    // The table itself (catalog/evidence.ts and its entries in catalog/evidence/) names every id.
    const table = [join(ROOT, 'catalog', 'evidence.ts'), join(ROOT, 'catalog', 'evidence')];
    const code: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', 'dist', 'testdata', '.git'].includes(name)) continue;
        const path = join(dir, name);
        if (table.includes(path)) continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) code.push(readFileSync(path, 'utf8'));
      }
    };
    walk(ROOT);
    const all = code.join('\n');
    // Applied: named in code as a rule (`rule('id')` and the like), not only mentioned in a comment.
    for (const e of EVIDENCE_ENTRIES) expect(all.includes(`'${e.id}'`), e.id).toBe(true);
  });
});

describe('provenance: a prediction is as strong as its weakest rule', () => {
  it('takes the weakest kind, naming every rule of that kind once', () => {
    const p = weakest([rule('asl.retry'), rule('sfn.sync.addtags-needed'), rule('sfn.sync.addtags-needed')]);
    expect(p.kind).toBe('observed');
    expect(p.rules.map((r) => r.id)).toEqual(['sfn.sync.addtags-needed']);
    expect(weakest([rule('asl.retry'), rule('sfn.template.by-analogy')]).kind).toBe('inferred');
    expect(rule('asl.retry').rules[0]!.sources.length).toBeGreaterThan(0);
  });
});

/** The kind of a rule, by id (the tests below pin the tags the issue found too strong). */
const kindOf = (id: RuleId) => EVIDENCE[id].kind;

describe('tags no stronger than their sources (as found by reading each against AWS)', () => {
  it('lower-cased ARNs are observed, not documented', () => {
    expect(kindOf('sagemaker.arn.lower-case')).toBe('observed');
  });

  it('the refusal of an unsupported pattern at creation, and no Stop on a task timeout, are inferred', () => {
    expect(kindOf('sfn.sagemaker.unsupported-resource-refused-at-creation')).toBe('inferred');
    expect(kindOf('sfn.sync.no-stop-on-task-timeout')).toBe('inferred');
  });

  it('States.Runtime for an unresolvable path is observed (the documentation names States.ParameterPathFailure)', () => {
    expect(kindOf('sfn.path-unresolved-runtime')).toBe('observed');
    expect(EVIDENCE['sfn.path-unresolved-runtime'].sources.every(isRecording)).toBe(true);
  });

  it('that a target answers every well-formed call is an assumption', () => {
    expect(EVIDENCE['harness.target-answers']).toMatchObject({ kind: 'inferred', assumption: true });
  });

  it('the events and AddTags permissions are documented as granted, observed as needed', () => {
    expect(kindOf('sfn.template.documented')).toBe('documented');
    expect(kindOf('sfn.managed-rule.needed-at-creation')).toBe('observed');
    expect(kindOf('sfn.sync.addtags-needed')).toBe('observed');
  });

  it('whether a poll is a heartbeat is not known: undecided', () => {
    expect(EVIDENCE['sfn.sync.heartbeat']).toMatchObject({ kind: 'inferred', undecided: true });
  });
});

describe('check and policy, on the documentation’s own template and example name', () => {
  // The documented CreateTrainingJob .sync template, with the documentation's example name `myJobName`.
  const definition = {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          TrainingJobName: 'myJobName',
          RoleArn: 'arn:aws:iam::123456789012:role/MyExampleRole',
          AlgorithmSpecification: {
            TrainingImage: '1.dkr.ecr.us-east-1.amazonaws.com/i:1',
            TrainingInputMode: 'File',
          },
          OutputDataConfig: { S3OutputPath: 's3://b/out' },
          ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        End: true,
      },
    },
  };
  const options = { account: '123456789012', docRevision: 'current', type: 'STANDARD' } as const;

  it('policy: the template statements are documented', () => {
    const p = predictPolicy(definition, options);
    if (!p.ok) throw new Error('not ok');
    for (const o of p.origins) for (const x of o.provenance) expect(x.kind).toBe('documented');
  });

  it('check: that the template misses the lower-cased ARN is observed, not documented', () => {
    const p = predictPolicy(definition, options);
    if (!p.ok) throw new Error('not ok');
    const parsed = parsePolicy(p.document, 'template');
    if (!parsed.ok) throw new Error('policy');
    const result = checkPolicy(definition, new PolicySet([parsed.policy]), options);
    if (!result.ok) throw new Error('not ok');
    const create = result.requirements.find((r) => r.action === 'sagemaker:CreateTrainingJob')!;
    expect(create.resource).toMatch(/training-job\/myjobname$/);
    expect(create.decision).toBe('implicitDeny');
    expect(create.provenance.kind).toBe('observed');
    expect(create.provenance.rules.map((r) => r.id)).toContain('sagemaker.arn.lower-case');
    // The events permissions: granted by the documented template, needed as observed.
    const putRule = result.requirements.find((r) => r.action === 'events:PutRule')!;
    expect(putRule.decision).toBe('allowed');
    expect(putRule.provenance.kind).toBe('observed');
    expect(putRule.provenance.rules.map((r) => r.id)).toContain('sfn.managed-rule.needed-at-creation');
  });
});
