/** The report's files are never written through a symbolic link, however the link got there. */
import { lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../writers/formats.js';
import { casesJsonlReporter } from './casesJsonl.js';
import { writeWhole } from './fileWrites.js';
import { ReportFiles } from './reportFiles.js';

/** A directory with `name` linked to a file outside it that holds "outside". */
function linked(name: string): { dir: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sfnc-links-'));
  const outside = join(mkdtempSync(join(tmpdir(), 'sfnc-outside-')), 'target');
  writeFileSync(outside, 'outside');
  symlinkSync(outside, join(dir, name));
  return { dir, outside };
}

describe('a symbolic link where a report file goes', () => {
  it('cases.jsonl: refused (ELOOP), the file it points to unchanged', () => {
    const { dir, outside } = linked('cases.jsonl');
    const reporter = casesJsonlReporter(join(dir, 'cases.jsonl'));
    expect(() => reporter.onRunStart?.({} as never)).toThrow(expect.objectContaining({ code: 'ELOOP' }));
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });

  it('a part file: refused (ELOOP), the file it points to unchanged', () => {
    const { dir, outside } = linked('.report.json.part');
    expect(() => new ReportFiles(dir, REPORT_FORMATS)).toThrow(expect.objectContaining({ code: 'ELOOP' }));
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });

  it('a file written whole: the link is replaced, not what it points to', () => {
    const { dir, outside } = linked('report.json');
    writeWhole(join(dir, 'report.json'), 'mine');
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('mine');
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });

  it("a file written whole whose temporary file's name is a link: refused, nothing written through it", () => {
    const { dir, outside } = linked(`report.json.${process.pid}.tmp`);
    expect(() => writeWhole(join(dir, 'report.json'), 'mine')).toThrow(
      expect.objectContaining({ code: 'ELOOP', path: join(dir, 'report.json') }),
    );
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });
});
