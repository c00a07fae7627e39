/**
 * report.html: one self-contained page (inline CSS and script, nothing fetched) for people: the
 * api x pattern x suite matrix, the divergences grouped by cause and provenance: each cause's
 * example with its normalised diff, its shrunk case's definition (collapsed) and a copy button for
 * its replay command, its other cases one line each, and filters by suite, API, pattern and verdict.
 */
import { ruleLines } from './provenanceText.js';
import { PLACEHOLDER, placeholderValues, type PlaceholderValue } from './placeholderValues.js';
import { placeText } from '../cause.js';
import { findingCause, groupHeading, groupSections } from '../groups.js';
import { diffLine, Placeholders } from '../normalise.js';
import type { Cell, Finding, ReportSummary, ShownVerdict } from '../tally.js';
import type { ReportFormat } from './format.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const VERDICTS: readonly ShownVerdict[] = ['match', 'diverged', 'expected', 'undecided', 'error', 'skipped'];
/** A case's verdict as the page shows it: an expected divergence apart from the others. */
const shown = (c: Finding) => (c.expected ? 'expected' : c.verdict);

/** Attributes the filters read. */
const data = (c: Finding) =>
  `data-suite="${esc(c.suite)}" data-api="${esc(c.api)}" data-pattern="${esc(c.pattern)}" data-verdict="${shown(c)}"`;

/** How many of a cell's cases the page shows with a verdict (an expected divergence apart). */
const shownCount = (c: Cell, v: ShownVerdict) =>
  v === 'diverged' ? c.counts.diverged - c.counts.expected : c.counts[v];

function matrix(report: ReportSummary): string {
  const cells = report.tally.cells;
  const keys = [...new Set(cells.map((c) => JSON.stringify([c.api, c.pattern])))].sort();
  const head = `<tr><th>api</th><th>pattern</th>${report.suites.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
  const rows = keys.map((key) => {
    const [api, pattern] = JSON.parse(key) as [string, string];
    const shown = report.suites.map((suite) => {
      const of = cells.find((c) => c.api === api && c.pattern === pattern && c.suite === suite);
      if (!of) return '<td></td>';
      const parts = VERDICTS.filter((v) => shownCount(of, v) > 0).map(
        (v) => `<span class="v ${v}" title="${v}" data-count="${v}">${shownCount(of, v)}</span>`,
      );
      return `<td>${parts.join(' ')}</td>`;
    });
    return `<tr data-api="${esc(api)}" data-pattern="${esc(pattern)}"><td>${esc(api)}</td><td>${esc(pattern)}</td>${shown.join('')}</tr>`;
  });
  return `<table id="matrix">${head}${rows.join('')}</table>`;
}

/** What each marker of a diff line means (the legend, and each marker's tooltip). */
const MARKERS = [
  ['(-)', 'predicted only', 'the oracle predicted this value; the target showed none (absent, no call)'],
  ['(+)', 'observed only', 'the target showed this value; the oracle predicted none'],
  [
    '(~)',
    'both, differing',
    "predicted -> observed: the oracle's prediction left of the arrow, what the target observed right of it",
  ],
] as const;

/** The legend above the divergences: how to read a diff line and its placeholders. */
const LEGEND = `<div class="legend" id="legend"><p><strong>Reading a divergence.</strong> Each line is a marker, the aspect's path, then the values. The <em>predicted</em> side is the oracle's; the <em>observed</em> side is what the target did.</p>
<dl class="markers">${MARKERS.map(([m, name, what]) => `<dt><code>${m}</code></dt><dd><strong>${name}</strong>: ${esc(what).replace('predicted -&gt; observed', '<code>predicted -&gt; observed</code>')}</dd>`).join('')}</dl>
<p><code>contains "x"</code> (predicted): the observed text should contain x (case-insensitively), and does not. <code>{"min":a,"max":b}</code> (predicted): a duration of at least a and below b seconds.</p>
<p><strong>Placeholders.</strong> <code>&lt;arn:1&gt;</code>, <code>&lt;uuid:1&gt;</code>, <code>&lt;time:1&gt;</code>: an ARN, a request id, a time (the same placeholder: the same value). <code>\${ExecutionArn}</code>: the execution's ARN; <code>\${ExecutionStart}+Nms</code>: N ms after the execution started; another <code>\${Name}</code>: a value given at run time. Point at one to see its value, or open "What the placeholders stand for" under the case.</p></div>`;

/** A normalised diff line as HTML: its marker explained, each placeholder with its value as a tooltip. */
function diffHtml(line: string, values: ReadonlyMap<string, PlaceholderValue>): string {
  const marker = MARKERS.find(([m]) => line.startsWith(`${m} `));
  const rest = marker ? line.slice(marker[0].length) : line;
  let out = '';
  let from = 0;
  for (const m of rest.matchAll(PLACEHOLDER)) {
    const v = values.get(m[0]);
    out += esc(rest.slice(from, m.index));
    out += v
      ? `<abbr class="ph" title="${esc(`${v.means}: ${v.value ?? 'not recorded for this case'}`)}">${esc(m[0])}</abbr>`
      : esc(m[0]);
    from = m.index + m[0].length;
  }
  out += esc(rest.slice(from));
  return marker
    ? `<abbr class="marker" title="${esc(`${marker[1]}: ${marker[2]}`)}">${marker[0]}</abbr>${out}`
    : out;
}

/** The placeholders of a case's diff, each with what it stands for and its value in the case (collapsed). */
function placeholderList(values: readonly PlaceholderValue[]): string {
  if (values.length === 0) return '';
  const items = values.map(
    (v) =>
      `<dt><code>${esc(v.placeholder)}</code></dt><dd>${esc(v.means)}: ${
        v.value !== undefined ? `<code>${esc(v.value)}</code>` : '<em>not recorded for this case</em>'
      }</dd>`,
  );
  return `<details class="placeholders"><summary>What the placeholders stand for (${values.length})</summary><dl>${items.join('')}</dl></details>`;
}

function caseBlock(c: Finding): string {
  const p = new Placeholders();
  const diffs = (c.shrunk?.differences ?? c.differences).map((d) =>
    diffLine(d.path, d.predicted, d.observed, p),
  );
  // The shrunk case's differences speak of its own execution, the case's of the case's.
  const values = placeholderValues(diffs, p, c.shrunk ? c.shrunk.execution : c.execution);
  const byPlaceholder = new Map(values.map((v) => [v.placeholder, v]));
  const replay = c.shrunk?.replay?.command ?? c.replay.command;
  const definition = c.shrunk?.case.definition;
  return [
    `<div class="case" ${data(c)}>`,
    `<h4>${esc(c.suite)} case ${esc(c.replay.path.split(':')[1] ?? '')}: ${esc(c.api)} ${esc(c.pattern)} <code>${esc(c.id)}</code>${c.shrunk ? ` shrunk in ${c.shrunk.steps} steps` : ''}</h4>`,
    c.expected ? `<p class="expected">Expected: ${esc(c.expected.reason)}</p>` : '',
    c.verdict === 'error'
      ? `<pre class="diff">${esc((c.errorMessage ?? '').split('\n')[0] ?? '')}</pre>`
      : '',
    diffs.length
      ? `<pre class="diff">${diffs.map((l) => diffHtml(l, byPlaceholder)).join('\n')}</pre>${placeholderList(values)}`
      : '',
    diffs.length
      ? `<ul class="provenance">${ruleLines((c.shrunk?.differences ?? c.differences)[0]!.provenance)
          .map((l) => `<li>${esc(l)}</li>`)
          .join('')}</ul>`
      : '',
    definition !== undefined
      ? `<details><summary>The shrunk case's definition</summary><pre>${esc(JSON.stringify(definition, null, 2))}</pre></details>`
      : '',
    `<p class="replay"><code>${esc(replay)}</code> <button type="button" class="copy" data-copy="${esc(replay)}">Copy</button></p>`,
    '</div>',
  ].join('');
}

/**
 * A case of a cause after its example, in one line: where it is from, where the cause was met, its
 * first difference and its replay command (the example shows the whole diff).
 */
function caseRow(c: Finding): string {
  const differences = c.shrunk?.differences ?? c.differences;
  const first = differences[0];
  const replay = c.shrunk?.replay?.command ?? c.replay.command;
  const cause = findingCause(c);
  return [
    `<li class="case" ${data(c)}>`,
    `${esc(c.suite)} case ${esc(c.replay.path.split(':')[1] ?? '')}: ${esc(c.api)} ${esc(c.pattern)} <code>${esc(c.id)}</code>`,
    cause ? `, at ${esc(placeText(cause.at))}` : '',
    first
      ? ` <code class="first-diff">${esc(diffLine(first.path, first.predicted, first.observed, new Placeholders()))}</code>${differences.length > 1 ? ` and ${differences.length - 1} more` : ''}`
      : '',
    ` <button type="button" class="copy" data-copy="${esc(replay)}" title="${esc(replay)}">Copy replay</button>`,
    '</li>',
  ].join('');
}

function divergences(report: ReportSummary): string {
  const divergent = report.findings;
  if (divergent.length === 0) return '<p>No divergences.</p>';
  const out: string[] = [LEGEND];
  const kinds = [
    ['target', 'The target failed to answer'],
    ['documented', 'From documented expectations'],
    ['observed', 'From observed expectations'],
    ['inferred', 'From inferred expectations'],
  ] as const;
  const titles = Object.fromEntries(kinds);
  for (const { kind, groups, cases } of groupSections(divergent.filter((c) => c.verdict === 'diverged'))) {
    out.push(`<section class="provenance-group"><h3>${titles[kind]} (${cases})</h3>`);
    for (const g of groups) {
      const [example, ...others] = g.cases;
      out.push(
        `<div class="cause"><h4 class="cause-title">${g.cases.length} × ${esc(groupHeading(g))}</h4>${caseBlock(example!)}${
          others.length > 0
            ? `<p>The other ${others.length} case${others.length === 1 ? '' : 's'} of this cause:</p><ul class="others">${others.map(caseRow).join('')}</ul>`
            : ''
        }</div>`,
      );
    }
    out.push('</section>');
  }
  const errors = divergent.filter((c) => c.verdict === 'error');
  if (errors.length > 0)
    out.push(
      `<section class="provenance-group"><h3>Errors (${errors.length})</h3>${errors.map(caseBlock).join('')}</section>`,
    );
  return out.join('');
}

function select(name: string, values: readonly string[]): string {
  return `<label>${name} <select data-filter="${name}"><option value="">all</option>${values
    .map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)
    .join('')}</select></label>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.v{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;padding:0 .2em;color:#fff}
.match{background:#2e7d32}.diverged{background:#c62828}.expected{background:#8d6e63}.undecided{background:#6d6d6d}
.error{background:#6a1b9a}.skipped{background:#9e9e9e}p.expected{color:#5d4037;background:none}
pre{background:#f5f5f7;padding:.5rem;overflow:auto}.case{border-left:3px solid #c62828;padding-left:.75rem;margin:1rem 0}
.filters label{margin-right:1rem}.hidden{display:none}button.copy{cursor:pointer}
.legend{background:#f5f5f7;border:1px solid #ddd;padding:.25rem .75rem;margin:1rem 0}.legend dl.markers{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
.legend dd{margin:0}abbr.marker,abbr.ph{text-decoration:underline dotted;cursor:help}
details.placeholders dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.25rem 0 .5rem}details.placeholders dd{margin:0;overflow-wrap:anywhere}
ul.others li{margin:.2rem 0}ul.others code.first-diff{overflow-wrap:anywhere}`;

/** The filters hide the cases and matrix rows that do not match; the copy buttons copy a replay command. */
const SCRIPT = `(() => {
  const filters = [...document.querySelectorAll('select[data-filter]')];
  const apply = () => {
    const want = Object.fromEntries(filters.map((f) => [f.dataset.filter, f.value]));
    for (const el of document.querySelectorAll('.case')) {
      const ok = Object.entries(want).every(([k, v]) => !v || el.dataset[k] === v);
      el.classList.toggle('hidden', !ok);
    }
    for (const row of document.querySelectorAll('#matrix tr[data-api]')) {
      const ok = (!want.api || row.dataset.api === want.api) && (!want.pattern || row.dataset.pattern === want.pattern);
      row.classList.toggle('hidden', !ok);
    }
    for (const g of document.querySelectorAll('.cause, .provenance-group'))
      g.classList.toggle('hidden', g.querySelectorAll('.case:not(.hidden)').length === 0);
    document.getElementById('shown').textContent = String(document.querySelectorAll('.case:not(.hidden)').length);
  };
  for (const f of filters) f.addEventListener('change', apply);
  document.addEventListener('click', (e) => {
    const b = e.target.closest('button.copy');
    if (!b) return;
    const done = () => { b.textContent = 'Copied'; };
    if (navigator.clipboard) navigator.clipboard.writeText(b.dataset.copy).then(done, () => undefined);
  });
  apply();
})();`;

function render(report: ReportSummary): readonly string[] {
  const t = report.totals;
  const uniq = (f: (c: Cell) => string) => [...new Set(report.tally.cells.map(f))].sort();
  return [
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>sfn-sagemaker-conformance: seed ${report.seed}</title><style>${CSS}</style></head><body>
<h1>sfn-sagemaker-conformance report</h1>
<p>Target: ${esc(report.target.description ?? report.target.kind)} (${esc(report.target.region)}). Seed ${report.seed}, ${report.runs} runs per suite${report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ''}, started ${esc(report.startedAt)}.</p>
<p id="totals"><strong data-total="cases">${t.cases}</strong> cases: <span data-total="matched">${t.matched}</span> matched, <span data-total="diverged">${t.diverged}</span> diverged${t.expected ? ` (${t.expected} expected)` : ''}, <span data-total="errored">${t.errored}</span> errored${t.undecided ? `, ${t.undecided} undecided` : ''}${t.skipped ? `, ${t.skipped} not run` : ''}.</p>
<h2>Matrix</h2>
<p>Per API, pattern and suite, the cases by verdict: <span class="v match">match</span> <span class="v diverged">diverged</span> <span class="v expected">expected</span> <span class="v undecided">undecided</span> <span class="v error">error</span> <span class="v skipped">not run</span></p>
${matrix(report)}
<h2>Divergences</h2>
<div class="filters">${select('suite', report.suites)}${select(
      'api',
      uniq((c) => c.api),
    )}${select(
      'pattern',
      uniq((c) => c.pattern),
    )}${select('verdict', ['diverged', 'expected', 'error'])} <span><span id="shown"></span> shown</span></div>
${divergences(report)}
<script>${SCRIPT}</script>
</body></html>
`,
  ];
}

/** report.html: the matrices and the findings, one page that filters itself. */
export const htmlFormat: ReportFormat = { fileName: 'report.html', render };
