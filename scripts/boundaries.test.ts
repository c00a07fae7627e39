/**
 * The import boundaries of docs/architecture.md hold: ESLint refuses each crossing, in shipped
 * code (and the oracle / emulator boundary in tests too). The config once let a later block
 * override the boundaries silently; this test fails if any boundary stops being enforced.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The no-restricted-imports messages ESLint gives an import placed in a file of that path. */
async function refusals(filePath: string, importLine: string): Promise<string[]> {
  const code = `${importLine}\n/** A probe. */\nexport const PROBE = [x];\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries', () => {
  it.each([
    ['oracles/outcome/probe.ts', "import { x } from '../../emulator/engine/interpreter.js';", /oracles\//],
    [
      'oracles/outcome/probe.test.ts',
      "import { x } from '../../emulator/engine/interpreter.js';",
      /oracles\//,
    ],
    ['oracles/calls/probe.ts', "import { x } from '../../suites/targets/embedded.js';", /oracles\//],
    ['emulator/engine/probe.ts', "import { x } from '../../oracles/outcome/rules.js';", /emulator\//],
    ['emulator/probe.test.ts', "import { x } from '../oracles/outcome/rules.js';", /emulator\//],
    ['serve/stepFunctions/probe.ts', "import { x } from '../../oracles/outcome/rules.js';", /serve\//],
    ['serve/probe.test.ts', "import { x } from '../oracles/outcome/rules.js';", /serve\//],
    ['serve/probe.ts', "import { x } from '../cli/main.js';", /serve\//],
    ['contracts/probe.ts', "import { x } from '../generators/case.js';", /contracts\//],
    ['syntax/probe.ts', "import { x } from '../iam/policy.js';", /syntax\//],
    ['suites/runner.ts', "import { x } from 'node:fs';", /only emits events/],
    ['suites/caseRun.ts', "import { x } from 'node:fs/promises';", /only emits events/],
    ['cli/commands/probe.ts', "import { x } from './run.js';", /imports no module beside it/],
    ['reports/probe.ts', "import { x } from '../cli/main.js';", /command line/],
    ['iam/probe.ts', "import { x } from '@cloud-copilot/iam-simulate';", /AGPL/],
    ['emulator/engine/probe.ts', "import { x } from '@cloud-copilot/iam-simulate';", /AGPL/],
  ])('%s may not: %s', async (path, line, message) => {
    const found = await refusals(path, line);
    expect(
      found.some((m) => message.test(m)),
      JSON.stringify(found),
    ).toBe(true);
  });

  it.each([
    ['oracles/outcome/probe.ts', "import { x } from '../../contracts/prediction.js';"],
    ['emulator/engine/probe.ts', "import { x } from '../../syntax/stateTree.js';"],
    ['serve/stepFunctions/probe.ts', "import { x } from '../../emulator/stepFunctions.js';"],
    ['contracts/probe.ts', "import { x } from '../catalog/api.js';"],
    ['iam/probe.test.ts', "import { x } from '@cloud-copilot/iam-simulate';"],
    ['suites/conformance/probe.test.ts', "import { x } from '../../cli/main.js';"],
  ])('%s may: %s', async (path, line) => {
    expect(await refusals(path, line)).toEqual([]);
  });
});
