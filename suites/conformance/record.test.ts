/**
 * `run --record DIR` end to end against our own endpoint, `serve`: 20 cases of the AWS target run
 * over the SDK and recorded, then every recording replayed in the built-in emulator with its mocks
 * (as `exec --recorded DIR` does) to the same status, output, error, cause, history event types
 * and scheduled requests. Where a replay cannot do as the target did (a `.sync` attempt that
 * failed before submission: a mocked `.sync` state always records TaskSubmitted), the recording
 * says so in `replayLimits`, and the replay differs there and nowhere else.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayDifference, type TaskRecording } from '../../emulator/recorded/replayRecording.js';
import { ACCOUNT } from '../../generators/values.js';
import { startServer } from '../../serve/server.js';
import { runOnEndpoint } from './testing/runOnEndpoint.js';

describe('run --record against serve, replayed in the emulator', () => {
  it('records each execution that ended, and each recording replays to its recorded outcome', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1' });
    const base = mkdtempSync(join(tmpdir(), 'sfnc-record-'));
    const record = join(base, 'recordings');
    let output = '';
    try {
      const run = await runOnEndpoint(server.url, { seed: 4, runs: 4, more: ['--record', record] });
      output = run.output;
      expect(run.code, output).toBe(0);
    } finally {
      await server.close();
    }
    const files = readdirSync(record)
      .filter((f) => f.endsWith('.json'))
      .sort();
    // 20 cases; those the oracle predicts CreateStateMachine refuses start no execution.
    expect(files.length, output).toBeGreaterThanOrEqual(15);
    expect(output).toContain(`recorded ${files.length} executions in ${record}`);
    expect(readdirSync(record)).toContain('README.md');
    const misses: Record<string, string> = {};
    const limited: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(record, f), 'utf8');
      // serve's account (the generators') is the run's: it never survives.
      expect(text).not.toContain(ACCOUNT);
      const r = JSON.parse(text) as TaskRecording;
      const d = await replayDifference(r, f);
      if (d) misses[f] = d;
      if (r.replayLimits?.length) {
        limited.push(f);
        // Without the limit, the replay differs: by the TaskSubmitted events, and nothing else.
        const strict = await replayDifference({ ...r, replayLimits: [] }, f);
        expect(strict, f).toMatch(/^events: /);
        const [recorded, emulated] = strict!.replace(/^events: recorded /, '').split(', emulated ');
        expect(emulated!.split(',').filter((t) => t !== 'TaskSubmitted')).toEqual(
          recorded!.split(',').filter((t) => t !== 'TaskSubmitted'),
        );
      }
    }
    expect(misses).toEqual({});
    // This seed has a `.sync` job that fails at its create call.
    expect(limited.length).toBeGreaterThan(0);
  });
});
