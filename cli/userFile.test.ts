/**
 * Reading the files a user names: never more than a limit, a byte order mark skipped, and a file
 * that cannot be read said as what it is and how to fix it, not as an error code.
 */
import { closeSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dir, file } from './testing/commandLine.js';
import { expectOneLine, run } from './testing/runInProcess.js';
import { MAX_FILE_BYTES, readRegularFile, unreadable } from './userFile.js';

const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));

describe('a file larger than its limit', () => {
  it('is refused from its size, not read whole', () => {
    // A sparse file: 300 MiB on paper, nothing on the disk.
    const path = `${dir}/huge.json`;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    expect(readRegularFile(path, 'policy file', MAX_FILE_BYTES)).toEqual({
      bytes: Buffer.alloc(0),
      truncated: true,
    });
    expect(readRegularFile(path, 'policy file', MAX_FILE_BYTES + 1).truncated).toBe(false);
  });

  it('each slot says its own limit', async () => {
    const path = `${dir}/huge-policy.json`;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    expectOneLine(
      await run('check', '--definition', example, '--policy', path),
      /policy file ".*huge-policy\.json" is larger than 256 MiB, the most this tool reads from a file/,
    );
    expectOneLine(
      await run('exec', example, '--input', `@${path}`),
      /input file ".*" has more than 262144 bytes \(the most StartExecution takes/,
    );
    expectOneLine(
      await run('validate', path),
      /definition file ".*" has more than 4194304 characters \(four times what CreateStateMachine takes/,
    );
  });
});

describe('a byte order mark', () => {
  it('at the start of a file is skipped, as editors write one', async () => {
    const text = readFileSync(example, 'utf8');
    const withBom = file('bom.json', `\uFEFF${text}`);
    expect((await run('validate', withBom)).code).toBe(0);
    const input = await run('exec', example, '--input', `@${file('bom-input.json', '\uFEFF{"a":1}')}`);
    expect(input.stderr).toBe('');
  });

  it('of UTF-16 (as PowerShell writes files) is named, with what to do', async () => {
    const path = `${dir}/utf16.json`;
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]));
    expectOneLine(
      await run('exec', example, '--input', `@${path}`),
      /input file ".*utf16\.json" is UTF-16 text \(it starts with a UTF-16 byte order mark\); save it as UTF-8/,
    );
  });

  it('at the start of JSON text given on the command line is named, not called an invalid symbol', async () => {
    expectOneLine(
      await run('exec', example, '--input', '\uFEFF{}'),
      /--input starts with a byte order mark \(U\+FEFF\), which is no part of JSON; remove it/,
    );
  });
});

describe('a file that cannot be read', () => {
  it.each([
    ['EACCES', /permission denied \(EACCES\); make the file readable \(chmod u\+r FILE\) or give another/],
    ['ENOENT', /no such file \(ENOENT\); check the path/],
    ['ELOOP', /a loop of symbolic links \(ELOOP\)/],
    ['EIO', /input\/output error \(EIO\)/],
  ])('%s is said as what it means and what to do', (code, message) => {
    const error = Object.assign(new Error(`${code}: raw`), { code });
    expect(unreadable('policy file', 'p.json', error).message).toMatch(
      new RegExp(`^cannot read policy file "p\\.json": .*${message.source}`),
    );
  });

  it('--input @ with no name after it', async () => {
    expectOneLine(await run('exec', example, '--input', '@'), /--input @ names no file; give --input @FILE/);
  });

  it('through a path whose part is a file', async () => {
    expectOneLine(
      await run('validate', `${example}/inside.json`),
      /cannot read definition file ".*": a part of the path is a file, not a directory \(ENOTDIR\); check the path/,
    );
  });
});
