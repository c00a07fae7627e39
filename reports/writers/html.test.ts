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
import { rule } from '../../catalog/provenance.js';
import type { Report } from '../report.js';
import { runSuites } from '../../suites/runner.js';
import { EmbeddedTarget } from '../../suites/targets/embedded.js';

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

  it("shows a cause's example whole and its other cases one line each, with their replay", () => {
    const report = fixtureReport();
    const divergent = report.cases[1]!;
    expect(divergent.verdict).toBe('diverged');
    for (const id of ['twin1', 'twin2'])
      report.cases.push({ ...divergent, id, replay: { ...divergent.replay, command: `replay ${id}` } });
    const page = renderReport(htmlFormat, report);
    const group = page
      .split('<div class="cause">')
      .map((g) => g.slice(0, g.indexOf('</ul></div>')))
      .find((g) => g.includes(`data-copy="${divergent.replay.command}"`))!;
    expect(group.match(/<div class="case"/g)).toHaveLength(1);
    expect(group.match(/<li class="case"/g)).toHaveLength(2);
    expect(group.match(/<pre class="diff">/g)).toHaveLength(1);
    expect(group).toContain('data-copy="replay twin2"');
  });

  it('escapes what the report says (a state name with markup stays text)', () => {
    const report = fixtureReport();
    report.cases[1] = { ...report.cases[1]!, api: '<img src=x onerror=alert(1)>' };
    expect(renderReport(htmlFormat, report)).not.toContain('<img src=x');
  });
});

/** The fixture with a shrunk divergence whose differences hold every kind of placeholder. */
function withPlaceholders(execution: { arn: string; startEpochMs: number }, roleArn = ''): Report {
  const report = fixtureReport();
  const first = report.cases[1]!;
  report.cases[1] = {
    ...first,
    // The case as drawn ran another execution: its shrunk case's differences speak of the shrunk one.
    observed: { executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:drawn', startEpochMs: 5 },
    shrunk: {
      id: 'outc1shrunk',
      steps: 3,
      case: {},
      execution,
      differences: [
        {
          path: 'output/TrainingJob/Tags/AWS_STEP_FUNCTIONS_EXECUTION_ARN',
          predicted: '${ExecutionArn}',
          observed: '(absent)',
          provenance: rule('asl.retry'),
        },
        {
          path: 'output/TrainingJob/TrainingEndTime',
          predicted: '${ExecutionStart}+1500ms (up to 500ms earlier)',
          observed: 1767225600,
          provenance: rule('asl.retry'),
        },
        {
          path: 'calls/1',
          predicted: `iam:PassRole arn:aws:iam::123456789012:role/\${RoleArn} allowed`,
          observed: `iam:PassRole ${roleArn || 'arn:aws:iam::123456789012:role/run-time'} allowed`,
          provenance: rule('asl.retry'),
        },
        {
          path: 'cause',
          predicted: 'contains "Stopped"',
          observed: `Request 0c7e6f3a-1b2c-4d5e-8f90-123456789abc at 2026-01-01T00:00:02Z on ${execution.arn}`,
          provenance: rule('asl.retry'),
        },
      ],
    },
  };
  return report;
}

/** The placeholder list of the page's case `id`: each placeholder's text with its explanation. */
function placeholderList(html: string, id: string): string[] {
  const block = html.slice(html.indexOf(`<code>${id}</code>`));
  const list = /<details class="placeholders">.*?<\/details>/s.exec(block)?.[0] ?? '';
  return [...list.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/gs)].map(([, dt, dd]) =>
    `${dt} = ${dd}`.replace(/<[^>]+>/g, ''),
  );
}

describe('report.html, read by a new user', () => {
  it('explains the markers and which side is predicted, above the first divergence', () => {
    const html = renderReport(htmlFormat, fixtureReport());
    const legend = /<div class="legend" id="legend">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
    const text = legend.replace(/<[^>]+>/g, '');
    const markers = [...legend.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/gs)].map(([, dt, dd]) =>
      `${dt} ${dd}`.replace(/<[^>]+>/g, ''),
    );
    expect(markers).toEqual([
      '(-) predicted only: the oracle predicted this value; the target showed none (absent, no call)',
      '(+) observed only: the target showed this value; the oracle predicted none',
      "(~) both, differing: predicted -&gt; observed: the oracle's prediction left of the arrow, what the target observed right of it",
    ]);
    expect(text).toContain("The predicted side is the oracle's; the observed side is what the target did.");
    expect(text).toContain('${ExecutionArn}');
    expect(text).toContain('${ExecutionStart}+Nms');
    const at = html.indexOf('id="legend"');
    expect(at).toBeGreaterThan(html.indexOf('<h2>Divergences</h2>'));
    expect(at).toBeLessThan(html.indexOf('<div class="case"'));
    // Each marker of a diff line says what it means where it stands.
    expect(html).toContain('<abbr class="marker" title="both, differing: predicted -&gt; observed');
  });

  it("expands a divergence's placeholders to the values of its case (the shrunk case's execution)", () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:m:shrunk-exec';
    const html = renderReport(htmlFormat, withPlaceholders({ arn, startEpochMs: Date.UTC(2026, 0, 1) }));
    expect(placeholderList(html, 'outc1c0ffee1')).toEqual([
      `\${ExecutionArn} = the execution's ARN, which the target chooses: ${arn}`,
      '${ExecutionStart}+1500ms (up to 500ms earlier) = 1500 ms after the execution started (epoch ms), or up to 500 ms earlier (FULL jitter): 1767225601000 (2026-01-01T00:00:01.000Z) to 1767225601500 (2026-01-01T00:00:01.500Z)',
      '&lt;arn:1&gt; = an ARN: arn:aws:iam::123456789012:role/${RoleArn}',
      '&lt;arn:2&gt; = an ARN: arn:aws:iam::123456789012:role/run-time',
      '&lt;uuid:1&gt; = a request id (UUID): 0c7e6f3a-1b2c-4d5e-8f90-123456789abc',
      '&lt;time:1&gt; = a time: 2026-01-01T00:00:02Z',
      `&lt;arn:3&gt; = an ARN: ${arn}`,
      '${RoleArn} = the RoleArn the execution gives at run time (the prediction does not know it): not recorded for this case',
    ]);
    // In the diff too, as the tooltip of the placeholder.
    expect(html).toContain(
      '<abbr class="ph" title="1500 ms after the execution started (epoch ms), or up to 500 ms earlier (FULL jitter): 1767225601000',
    );
    expect(html).not.toContain(':drawn');
  });

  it("expands an unshrunk divergence's placeholders to its observed execution, and says what it lacks", () => {
    const report = fixtureReport();
    report.cases[7] = {
      ...report.cases[7]!,
      observed: { executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e7' },
      differences: [
        { path: 'output/a', predicted: '${ExecutionArn}', observed: 'x', provenance: rule('asl.retry') },
        { path: 'output/b', predicted: '${ExecutionStart}+0ms', observed: 1, provenance: rule('asl.retry') },
      ],
    };
    expect(placeholderList(renderReport(htmlFormat, report), 'nece3c0ffee3')).toEqual([
      "${ExecutionArn} = the execution's ARN, which the target chooses: arn:aws:states:us-east-1:123456789012:execution:m:e7",
      '${ExecutionStart}+0ms = 0 ms after the execution started (epoch ms): not recorded for this case',
    ]);
  });

  it("escapes a placeholder's value (an execution ARN with markup stays text)", () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:m:<script>alert(1)</script>';
    const html = renderReport(
      htmlFormat,
      withPlaceholders({ arn, startEpochMs: 0 }, 'arn:aws:iam::123456789012:role/<img/src=x/onerror=alert>'),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img/src');
    expect(html).toContain('execution:m:&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('title="an ARN: arn:aws:iam::123456789012:role/&lt;img/src=x/onerror=alert&gt;"');
  });

  it("a run's report.html gives the shrunk case's time placeholders their values", async () => {
    const report = await runSuites({
      target: new EmbeddedTarget(['job-times-in-seconds']),
      runs: 60,
      seed: 1,
      concurrency: 2,
      suites: ['outcome'],
      shrinkBudget: 10,
      targetArgs: '--target embedded',
      region: 'us-east-1',
      version: 'test',
    });
    const shrunk = report.cases.find((c) =>
      c.shrunk?.differences.some((d) => JSON.stringify(d.predicted).startsWith('"${ExecutionStart}')),
    );
    expect(shrunk?.shrunk?.execution?.startEpochMs).toBe(Date.UTC(2026, 0, 1));
    const html = renderReport(htmlFormat, report);
    expect(html).toMatch(/title="\d+ ms after the execution started \(epoch ms\): 17672256\d+ \(2026-01-01T/);
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
