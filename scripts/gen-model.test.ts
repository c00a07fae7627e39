import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = join(root, '..', 'shared', 'models', 'sagemaker', 'service-2.json.gz');
const committed = join(root, 'apimodel', 'sagemakerModel.generated.ts');

describe('gen:model', () => {
  // Needs the SageMaker API model file beside the project (as on the project's machines); without it the check is skipped.
  it.skipIf(!existsSync(model))(
    'regenerates exactly the committed apimodel/sagemakerModel.generated.ts',
    () => {
      const out = join(mkdtempSync(join(tmpdir(), 'gen-model-')), 'model.ts');
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gen-model.ts'), model, out], {
        cwd: root,
      });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(committed, 'utf8'));
    },
  );

  if (!existsSync(model)) console.warn(`gen:model check skipped: ${model} is absent`);

  const sfnModel = join(root, '..', 'shared', 'models', 'stepfunctions', 'service-2.json.gz');
  // The Step Functions API model, the same way: `serve` checks requests against what it derives.
  it.skipIf(!existsSync(sfnModel))(
    'regenerates exactly the committed apimodel/stepFunctionsModel.generated.ts',
    () => {
      const out = join(mkdtempSync(join(tmpdir(), 'gen-model-')), 'model.ts');
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts', 'gen-model.ts'), sfnModel, out],
        { cwd: root },
      );
      expect(readFileSync(out, 'utf8')).toBe(
        readFileSync(join(root, 'apimodel', 'stepFunctionsModel.generated.ts'), 'utf8'),
      );
    },
  );

  if (!existsSync(sfnModel)) console.warn(`gen:model check skipped: ${sfnModel} is absent`);

  const iamModel = join(root, '..', 'shared', 'models', 'iam', 'service-2.json.gz');
  // The IAM API model (the query protocol): its operations, and its errors' codes and statuses.
  it.skipIf(!existsSync(iamModel))('regenerates exactly the committed apimodel/iamModel.generated.ts', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gen-model-')), 'model.ts');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'gen-model.ts'), iamModel, out],
      {
        cwd: root,
      },
    );
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(readFileSync(join(root, 'apimodel', 'iamModel.generated.ts'), 'utf8'));
    expect(text).toContain('"xmlNamespace": "https://iam.amazonaws.com/doc/2010-05-08/"');
    expect(text).toMatch(/"NoSuchEntityException": \{\s*"code": "NoSuchEntity",\s*"status": 404/);
  });

  if (!existsSync(iamModel)) console.warn(`gen:model check skipped: ${iamModel} is absent`);
});
