// The sweep's report: one static page, charts inline as SVG, no scripts, nothing fetched.
import { describeModel } from "../train/model";
import type { SweepConfig } from "./config";
import { percent, points, type RankedRow } from "./results";

export interface ReportInput {
  readonly config: SweepConfig;
  readonly version: string;
  readonly backend: string;
  readonly stepsPerEpoch: number;
  /** Images actually trained on and validated on. */
  readonly sizes: { readonly train: number; readonly validation: number };
  readonly ranking: readonly RankedRow[];
  /** Inline SVGs: the rates, validation accuracy and loss of every schedule. */
  readonly lrSvg: string;
  readonly valAccSvg: string;
  readonly valLossSvg: string;
  /** Per schedule, in the config's order: its label, trained spec and loss/accuracy chart. */
  readonly schedules: readonly { label: string; spec: unknown; svg: string }[];
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * An SVG ready to sit inline: no XML prolog, and its ids prefixed so that two charts' clip paths
 * (vega numbers them from 1 in every chart) cannot capture each other's references.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}

function table(rows: readonly RankedRow[], baseline: string | undefined, seeds: number): string {
  const withBaseline = rows.some((r) => r.vsBaseline !== undefined);
  const range = (r: RankedRow) => (seeds > 1 ? ` <span class="range">(${percent(r.finalValAccRange[0])} – ${percent(r.finalValAccRange[1])})</span>` : "");
  const head = `<tr><th>#</th><th>schedule</th><th>best val acc${seeds > 1 ? ` (mean of ${seeds} seeds)` : ""}</th><th>at epoch</th><th>final val acc</th><th>final val loss</th>${withBaseline ? `<th>best vs ${escape(baseline ?? "")}</th>` : ""}<th>time</th></tr>`;
  const body = rows.map(
    (r) => `<tr data-schedule="${escape(r.label)}"${r.rank === 1 ? ' class="winner"' : ""}><td>${r.rank}</td><td>${escape(r.label)}</td><td>${percent(r.bestValAcc)}</td><td>${r.bestEpoch}</td><td>${percent(r.finalValAcc)}${range(r)}</td><td>${Number.isFinite(r.finalValLoss) ? r.finalValLoss.toFixed(4) : "n/a"}</td>${withBaseline ? `<td>${r.label === baseline ? "–" : points(r.vsBaseline ?? NaN)}</td>` : ""}<td>${r.seconds.toFixed(1)} s</td></tr>`,
  );
  return `<table id="ranking">\n<thead>${head}</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

function verdict(rows: readonly RankedRow[], baseline: string | undefined): string {
  const winner = rows[0];
  if (!winner) return "";
  const base = rows.find((r) => r.label === baseline);
  let text = `<strong>Winner: ${escape(winner.label)}</strong>, best validation accuracy ${percent(winner.bestValAcc)}`;
  if (base && base !== winner) text += `, ${points(winner.bestValAcc - base.bestValAcc)} over the ${escape(base.label)} rate (${percent(base.bestValAcc)})`;
  if (base && base === winner) text += ` (the fixed rate: no schedule beat it here)`;
  return `<p class="verdict">${text}.</p>`;
}

/** The complete page. */
export function reportHtml(r: ReportInput): string {
  const c = r.config;
  const seeds = c.seeds.length;
  const figure = (kind: string, svg: string, caption: string) =>
    `<figure class="chart" data-chart="${kind}">${inlineSvg(svg, kind)}<figcaption>${caption}</figcaption></figure>`;
  const sections = r.schedules.map(
    (s, i) => `<section class="schedule" data-schedule="${escape(s.label)}">
<h3>${escape(s.label)}</h3>
<figure class="chart" data-chart="schedule">${inlineSvg(s.svg, `s${i}`)}</figure>
<p class="spec"><code>${escape(JSON.stringify(s.spec))}</code></p>
</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>lrsched sweep: ${escape(c.name)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; margin: 1.5em 0 0.3em; }
figure { margin: 0.5em 0; } svg { max-width: 100%; height: auto; }
figcaption, .spec, .meta, .range { font-size: 0.85em; color: #555; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; text-align: right; }
td { white-space: nowrap; } td:nth-child(2) { white-space: normal; }
.range { display: block; }
th:nth-child(2), td:nth-child(2) { text-align: left; }
tr.winner { background: #eef7ee; font-weight: 600; }
.verdict { font-size: 1.05em; }
code { word-break: break-all; }
pre { font-size: 0.8em; overflow-x: auto; background: #f6f6f6; padding: 0.5em; }
</style>
</head>
<body>
<h1>${escape(c.name)}</h1>
<p class="meta">${escape(describeModel(c.model))}, batch ${c.batchSize}, ${c.epochs} epochs of ${r.stepsPerEpoch} steps on ${r.sizes.train} MNIST training images, validated on ${r.sizes.validation}; seed${seeds > 1 ? "s" : ""} ${c.seeds.join(", ")}; TensorFlow.js backend '${escape(r.backend)}'. Every schedule starts from the same initial weights and sees the same batches in the same order (per seed). Generated by <code>lrsched sweep</code> (lrsched ${escape(r.version)}).</p>
${verdict(r.ranking, c.baseline)}
<h2>Ranking</h2>
${table(r.ranking, c.baseline, seeds)}
<p class="meta">Ranked by the best validation accuracy over the epochs${seeds > 1 ? " (mean over seeds)" : ""}. Data: <a href="results.json">results.json</a>, <a href="results.csv">results.csv</a> (every epoch of every run).</p>
<h2>Learning rates</h2>
${figure("lr", r.lrSvg, "The rate of every optimizer step, as lrsched computes it from each schedule's spec.")}
<h2>Validation accuracy and loss</h2>
${figure("val-acc", r.valAccSvg, `Validation accuracy after each epoch${seeds > 1 ? " (mean over seeds)" : ""}.`)}
${figure("val-loss", r.valLossSvg, `Validation loss after each epoch${seeds > 1 ? " (mean over seeds)" : ""}.`)}
<h2>Per schedule</h2>
${sections.join("\n")}
<h2>Configuration</h2>
<details><summary>The sweep's configuration (step fields as written)</summary><pre>${escape(JSON.stringify(c, null, 2))}</pre></details>
</body>
</html>
`;
}
