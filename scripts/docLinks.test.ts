/**
 * The README and the pages under docs/ hold together: every relative link points to a file of the
 * repository, every `#anchor` to a heading of the page it names (as GitHub makes heading ids), every
 * page is reachable from the README, and no page cites files outside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text a reader sees, without fenced code blocks and inline code (links there are examples). */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of the inline links and images of a page, as written. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    targets.push(match[1]!);
  return targets;
}

/** A heading's id as GitHub makes it: its text lower-cased, punctuation dropped, spaces as hyphens. */
function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** The ids of a page's headings, a repeated one numbered as GitHub numbers it (`-1`, `-2`). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = headingSlug(match[1]!);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** What is wrong with one link of a page, or undefined when it resolves. */
function brokenLink(page: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: ...
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = pathPart === '' ? join(root, page) : resolve(root, dirname(page), decodeURI(pathPart));
  const inRepository = relative(root, file);
  if (inRepository.startsWith('..')) return `${target} leaves the repository`;
  if (!existsSync(file)) return `${target}: no such file`;
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md'))
    return `${target}: an anchor into a non-Markdown file`;
  return anchorsOf(readFileSync(file, 'utf8')).has(anchor) ? undefined : `${target}: no heading #${anchor}`;
}

describe('the README and docs/*.md', () => {
  for (const page of pages)
    it(`${page}: every relative link resolves, anchors included`, () => {
      const markdown = readFileSync(join(root, page), 'utf8');
      const broken = linkTargets(markdown)
        .map((target) => brokenLink(page, target))
        .filter((problem) => problem !== undefined);
      expect(broken).toEqual([]);
    });

  it('every page under docs/ is linked from the README', () => {
    const linked = new Set(
      linkTargets(readFileSync(join(root, 'README.md'), 'utf8')).map((target) => target.split('#')[0]),
    );
    expect(pages.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });

  it('no page cites files outside the repository', () => {
    for (const page of pages) expect(readFileSync(join(root, page), 'utf8'), page).not.toContain('../shared');
  });

  it('finds a broken link and a broken anchor (the check itself)', () => {
    expect(brokenLink('README.md', 'docs/no-such-page.md')).toMatch(/no such file/);
    expect(brokenLink('README.md', 'docs/commands.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('docs/commands.md', '../../outside.md')).toMatch(/leaves the repository/);
    expect(brokenLink('docs/commands.md', '#run-the-main-job')).toBeUndefined();
    expect(headingSlug('Shards, baselines and `--fail-on`')).toBe('shards-baselines-and---fail-on');
    expect(headingSlug("`merge`: one report from a run's shards")).toBe(
      'merge-one-report-from-a-runs-shards',
    );
  });
});
