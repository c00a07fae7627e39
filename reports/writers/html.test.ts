/**
 * report.html in a real browser: Debian's Chromium driven by playwright-core (headless). Needs
 * /usr/bin/chromium (`apt-get install chromium`; `.ci/run` installs it); skipped, saying so, where
 * it is absent. Set SFN_CONFORMANCE_SCREENSHOT=FILE to keep the screenshot it takes.
 */
import { renderReport } from './format.js';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFormat } from './html.js';
import { fixtureReport } from './testing/fixtureReport.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED: ${CHROMIUM} is absent; report.html is not tested in a browser`);

describe('report.html, as a self-contained page', () => {
  const html = renderReport(htmlFormat, fixtureReport());

  it('fetches nothing: no external script, style, image or font', () => {
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    // Addresses appear as text (a rule's sources), never as something to load.
    expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?https?:|url\(\s*["']?https?:|@import/);
    expect(html).toContain('https://docs.aws.amazon.com/');
  });

  it('escapes what the report says (a state name with markup stays text)', () => {
    const report = fixtureReport();
    report.cases[1] = { ...report.cases[1]!, api: '<img src=x onerror=alert(1)>' };
    expect(renderReport(htmlFormat, report)).not.toContain('<img src=x');
  });
});

describe.skipIf(!available)('report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => browser?.close());

  it('loads with no console errors and no request, shows the totals in the matrix, and filters', async () => {
    const report = fixtureReport();
    const dir = mkdtempSync(join(tmpdir(), 'sfnc-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(htmlFormat, report));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    // The matrix counts add up to the report's totals.
    const count = async (v: string) =>
      (await page.locator(`#matrix [data-count="${v}"]`).allTextContents()).reduce(
        (n, t) => n + Number(t),
        0,
      );
    expect(await count('match')).toBe(report.totals.matched);
    expect((await count('diverged')) + (await count('expected'))).toBe(report.totals.diverged);
    expect(await count('error')).toBe(report.totals.errored);
    expect(await count('undecided')).toBe(report.totals.undecided);
    expect(await page.locator('[data-total="cases"]').textContent()).toBe(String(report.totals.cases));
    // Every divergence and error has its case block; a filter hides the others.
    const visible = () => page.locator('.case:not(.hidden)').count();
    expect(await visible()).toBe(5);
    await page.selectOption('select[data-filter="suite"]', 'necessity');
    expect(await visible()).toBe(2);
    expect(await page.locator('.case:not(.hidden)[data-suite="outcome"]').count()).toBe(0);
    await page.selectOption('select[data-filter="api"]', 'CreateModel');
    expect(await visible()).toBe(1);
    expect(await page.locator('#matrix tr[data-api]:not(.hidden)').count()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe('1');
    await page.selectOption('select[data-filter="suite"]', '');
    await page.selectOption('select[data-filter="api"]', '');
    // The shrunk case's definition is there, collapsed; the copy button carries the replay command.
    expect(await page.locator('details pre').first().isVisible()).toBe(false);
    expect(await page.locator('button.copy').first().getAttribute('data-copy')).toMatch(
      /^npx sfn-conformance replay /,
    );
    const shot = process.env.SFN_CONFORMANCE_SCREENSHOT ?? join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    console.log(`report.html screenshot: ${shot}`);
    await page.close();
  });
});
