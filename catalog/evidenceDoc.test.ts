import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_DOC, evidenceDoc } from '../scripts/gen-evidence-doc.js';

describe('docs/evidence.md', () => {
  it('is the evidence table as scripts/gen-evidence-doc.ts renders it (run `npm run gen:evidence`)', () => {
    expect(readFileSync(EVIDENCE_DOC, 'utf8')).toBe(evidenceDoc());
  });
});
