/**
 * A test file's AWS environment of its own: before each test every `AWS_` variable of the machine
 * is put aside, the shared config and credentials files are empty files of the test's, and instance
 * metadata is off, so that only what the test configures reaches the SDK; after it, the machine's
 * variables come back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Isolates each test of the calling file; returns `file(text)`, a new file (the SDK caches what it read). */
export function isolatedAwsEnvironment(prefix: string): (text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let files = 0;
  const file = (text: string): string => {
    const path = join(dir, `file-${++files}`);
    writeFileSync(path, text);
    return path;
  };
  const clear = () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  };
  let saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    saved = Object.fromEntries(
      Object.keys(process.env)
        .filter((k) => k.startsWith('AWS_'))
        .map((k) => [k, process.env[k]]),
    );
    clear();
    process.env.AWS_CONFIG_FILE = file('');
    process.env.AWS_SHARED_CREDENTIALS_FILE = file('');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  });
  afterEach(() => {
    clear();
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  });
  return file;
}
