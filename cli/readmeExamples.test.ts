/**
 * Every command of the README's shell blocks, run as a new user would run it in a clone: on the
 * built-in emulator, in process, with no AWS credentials. Its exit code is 0 unless its comment
 * says `exit N`, and each `quoted` phrase of its comment is in its output. `npm` steps are the
 * clone's own set-up (done); commands that need AWS or an endpoint are skipped, with the reason.
 * A `run` writes its report into a temporary directory rather than the working directory.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './testing/runInProcess.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'sfnc-readme-'));

/** One command of a README shell block, its comment, and why it is not run (if it is not). */
interface Example {
  readonly line: string;
  readonly argv: readonly string[];
  readonly comment: string;
  readonly skip?: string;
}

const COMMAND = /^(?:npx )?(?:sfn-conformance|sfn-sagemaker-conformance)(?: |$)/;

/** The commands of the README's `sh` blocks, each `&&` step apart. */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm))
    for (const raw of block[1]!.split('\n')) {
      const text = raw.replace(/^\$ /, '').trim();
      if (text === '' || text.startsWith('#')) continue;
      const hash = text.search(/\s#\s/);
      const command = hash < 0 ? text : text.slice(0, hash).trim();
      const comment = hash < 0 ? '' : text.slice(hash).replace(/^\s#\s/, '');
      for (const step of command.split(' && ')) {
        if (step.startsWith('npm ')) continue; // the clone's set-up: installed, built, tested
        if (!COMMAND.test(step)) {
          out.push({ line: step, argv: [], comment, skip: 'not a command of this tool' });
          continue;
        }
        expect(step, 'a README command is split on spaces: no quotes in it').not.toMatch(/["'\\]/);
        const argv = step.replace(/^npx /, '').split(/\s+/).slice(1);
        const target = argv[argv.indexOf('--target') + 1];
        const remote = argv.includes('--target') && (target === 'aws' || target === 'endpoint');
        const offline = argv.includes('--plan') && argv.includes('--account');
        out.push({
          line: step,
          argv,
          comment,
          ...(remote && !offline
            ? { skip: `needs ${target === 'aws' ? 'an AWS account' : 'an endpoint (moto, LocalStack)'}` }
            : {}),
        });
      }
    }
  return out;
}

const all = examples(readme);

/** No AWS variable of the machine's: what a new user without credentials has. */
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AWS_'))
      .map((k) => [k, process.env[k]]),
  );
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  for (const name of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) {
    const path = join(dir, name);
    writeFileSync(path, '');
    process.env[name] = path;
  }
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
});

let reports = 0;
describe("the README's commands", () => {
  it('are there: the quick start, and the examples', () => {
    expect(all.filter((e) => !e.skip).length).toBeGreaterThanOrEqual(6);
    expect(all.map((e) => e.line)).toContain('npx sfn-sagemaker-conformance run');
  });

  for (const example of all) {
    if (example.skip) {
      it.skip(`${example.line} (skipped: ${example.skip})`, () => undefined);
      continue;
    }
    it(example.line, async () => {
      const argv = [...example.argv];
      if (argv[0] === 'run' && !argv.includes('--report') && !argv.includes('--plan'))
        argv.push('--report', join(dir, `report-${++reports}`));
      const result = await run(...argv);
      const output = result.stdout + result.stderr;
      const exit = /\bexit (\d)\b/.exec(example.comment);
      expect(result.code, output.slice(0, 2000)).toBe(exit ? Number(exit[1]) : 0);
      for (const [, phrase] of example.comment.matchAll(/`([^`]+)`/g)) expect(output).toContain(phrase);
    });
  }
});
