/**
 * `replay` of a report's shrunk case: the case is stored whole in the report, so it is checked as
 * Step Functions and the input checks would check it before anything runs; a tampered one is one
 * line and exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../generators/sampleCases.js';
import { drawSuiteCase } from '../../suites/suites.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-replay-'));
type Body = { cases: Record<string, unknown>[] };
let body: Body;
let reports = 0;

/** The report with its first case given a shrunk case (the case it draws, edited by `edit`). */
function withShrunk(edit: (content: Record<string, unknown>) => unknown): string {
  const copy = structuredClone(body);
  const content = plain(drawSuiteCase('outcome', 4, 0).value) as unknown as Record<string, unknown>;
  copy.cases[0]!.shrunk = {
    id: 'shrunk0',
    steps: 1,
    case: edit({ id: 'shrunk0', ...content }),
    differences: [],
  };
  const path = join(base, `shrunk-${++reports}.json`);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

beforeAll(async () => {
  const dir = join(base, 'report');
  const ran = await run('run', '--runs', '1', '--seed', '4', '--suite', 'outcome', '--report', dir);
  expect(ran.code, ran.stderr).toBe(0);
  body = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Body;
});

describe("replay of a report's shrunk case", () => {
  it('runs a shrunk case that is what Step Functions accepts', async () => {
    const replayed = await run(
      'replay',
      withShrunk((c) => c),
      'shrunk0',
    );
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(/^match: outcome .*\(shrunk0\)$/m);
  });

  it.each<[string, (c: Record<string, unknown>) => unknown, RegExp]>([
    ['an empty case', () => ({}), /shrunk case "shrunk0" .*at \/id: .*the report is damaged/],
    ['a null policy', (c) => ({ ...c, policy: null }), /policy: .*the report is damaged/],
    [
      'a definition CreateStateMachine refuses, marked valid',
      (c) => ({ ...c, definition: { StartAt: 'Nowhere', States: { A: { Type: 'Succeed' } } } }),
      /CreateStateMachine would refuse its definition/,
    ],
    ['a definition that is not an object', (c) => ({ ...c, definition: 'text' }), /at \/definition: /],
    ['an input of the wrong type', (c) => ({ ...c, input: [1, 2] }), /at \/input: /],
    ['an input over the payload limit', (c) => ({ ...c, input: { a: 'x'.repeat(300_000) } }), /262144 bytes/],
    [
      'a scenario field of the wrong type',
      (c) => ({ ...c, scenario: { referencesExist: 'yes' } }),
      /at \/scenario\/referencesExist: /,
    ],
    [
      'an unknown scenario field',
      (c) => ({ ...c, scenario: { referencesExist: true, frob: 1 } }),
      /at \/scenario: /,
    ],
    ['an execution name with a newline', (c) => ({ ...c, executionName: 'a\nb' }), /executionName/],
    [
      'a region that is not one',
      (c) => ({ ...c, region: 'Mars; 1' }),
      /region "Mars; 1" is not a region name/,
    ],
    [
      'a case whose id is not the shrunk id',
      (c) => ({ ...c, id: 'other' }),
      /its case says id "other", not the shrunk id "shrunk0"/,
    ],
    ['an account that is not one', (c) => ({ ...c, account: '12' }), /account "12" is not a 12-digit/],
    ['a plan the oracles cannot read', (c) => ({ ...c, plan: {} }), /cannot be run .*the report is damaged/],
  ])('refuses %s: one line, exit 2', async (_what, edit, message) => {
    expectOneLine(await run('replay', withShrunk(edit), 'shrunk0'), message);
  });
});
