import { describe, expect, it } from 'vitest';
import { printable, printableLines } from './printable.js';

describe('printable', () => {
  it('escapes C0, DEL and C1 control characters; keeps other text', () => {
    expect(printable('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(printable('one\ntwo\r\tthree')).toBe('one\\ntwo\\r\\tthree');
    expect(printable('\u0000\u007f\u009b\u0085')).toBe('\\x00\\x7f\\x9b\\x85');
    expect(printable('naïve – état ✓ 名前')).toBe('naïve – état ✓ 名前');
  });
});

describe('printableLines', () => {
  it('keeps the line breaks, escapes the rest', () => {
    expect(printableLines('a\u001b[2J\nb\r\n')).toBe('a\\x1b[2J\nb\\r\n');
  });
});
