/**
 * The moto example the README and examples/reports/moto/README.md quote is a report this version
 * reads, and what they say of it holds: its totals, its causes, and the case the README replays.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByCause } from '../reports/groups.js';
import { type Report, ReportSchema } from '../reports/report.js';
import { summarise } from '../reports/tally.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'examples/reports/moto');

describe('examples/reports/moto', () => {
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(DIR, 'report.json'), 'utf8')));
  // As the writers read it: the findings of the report's summary.
  const diverged = summarise(report as Report).findings.filter((c) => c.verdict === 'diverged');
  const groups = groupByCause(diverged);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const exampleReadme = readFileSync(join(DIR, 'README.md'), 'utf8');

  it('has the divergences and causes both READMEs say', () => {
    const said = `${diverged.length} divergences in ${groups.length} causes`;
    expect(readme).toContain(said);
    expect(exampleReadme).toContain(`Its ${diverged.length} divergences are ${groups.length} causes`);
  });

  it("lists each cause in the example's table with its count", () => {
    for (const g of groups)
      expect(exampleReadme).toMatch(
        new RegExp(`\\| ${g.cases.length} +\\| \`${g.cause!.rule.id.replace(/\./g, '\\.')}\``),
      );
  });

  it('holds the shrunk case the README replays', () => {
    const id = /replay examples\/reports\/moto\/report\.json (\w+)/.exec(readme)![1];
    expect(diverged.some((c) => c.shrunk?.id === id || c.id === id)).toBe(true);
  });
});
