// The sweep's report: one static page, charts inline as SVG, the verdict as its headline, every
// number of the summary in a table. Nothing is fetched; a few lines of script add hover text.
import { formatDiff, formatMetric, metricTitle } from "../stats/metrics";
import type { SweepResult } from "../sweep/results";
import { escapeHtml as escape, htmlPage, inlineSvg } from "./html";
import { TOOLTIP_SCRIPT, TOOLTIP_STYLE } from "./tooltips";

/** The report's charts as SVG documents. */
export interface ReportCharts {
  readonly metric: string;
  /** Validation loss per epoch, when the metric is not the loss itself. */
  readonly valLoss: string | null;
  readonly trainLoss: string;
  readonly lr: string;
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
figure { margin: 0.5em 0; } svg { max-width: 100%; height: auto; }
figcaption, .meta, .seeds { font-size: 0.85em; color: #555; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3em 0.5em; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td { white-space: nowrap; } .seeds { display: block; font-weight: normal; }
tr.best { font-weight: 600; } .tag { font-weight: normal; color: #555; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; vertical-align: baseline; }
.verdict { font-size: 1.1em; padding: 0.6em 0.8em; border-left: 4px solid #999; background: #f6f6f6; }
.verdict.significant { border-color: #2ca02c; background: #eef7ee; }
code { word-break: break-all; }
pre { font-size: 0.8em; overflow-x: auto; background: #f6f6f6; padding: 0.5em; }
${TOOLTIP_STYLE}
`;

const interval = (m: SweepResult["task"]["metric"], ci: readonly [number, number] | null, diff = false) =>
  ci === null ? "n/a (one seed)" : diff ? `${formatDiff(m, ci[0])} to ${formatDiff(m, ci[1])}` : `${formatMetric(m, ci[0])} to ${formatMetric(m, ci[1])}`;

function summaryTable(r: SweepResult, colors: readonly string[]): string {
  const m = r.task.metric;
  const base = r.baseline;
  const head = `<tr><th>schedule</th><th>${escape(metricTitle(m))} (mean)</th><th>95 % interval</th><th>std</th>${base ? `<th>vs ${escape(base)}</th><th>95 % interval (paired)</th>` : ""}<th>time</th></tr>`;
  const body = r.summary.map((s, i) => {
    const runs = r.seeds.map((seed) => r.runs.find((x) => x.label === s.label && x.seed === seed));
    const perSeed = runs.map((x, k) => `seed ${r.seeds[k]}: ${formatMetric(m, x?.epochs[x.epochs.length - 1]?.valMetric ?? NaN)}`).join(", ");
    const classes = [s.label === r.verdict?.best ? "best" : "", s.label === base ? "baseline" : ""].filter(Boolean).join(" ");
    const vs = base ? (s.vsBaseline ? `<td>${formatDiff(m, s.vsBaseline.meanDiff)}</td><td>${interval(m, s.vsBaseline.ci95, true)}</td>` : "<td>–</td><td>–</td>") : "";
    const seconds = r.timing[i]?.seconds ?? NaN;
    return `<tr data-schedule="${escape(s.label)}"${classes ? ` class="${classes}"` : ""}><td><span class="swatch" style="background:${colors[i]}"></span>${escape(s.label)}${s.label === base ? ' <span class="tag">(baseline)</span>' : ""}<span class="seeds">${perSeed}</span></td><td>${formatMetric(m, s.mean)}</td><td>${interval(m, s.ci95)}</td><td>${s.std === null ? "n/a" : formatDiff(m, s.std).replace(/^\+/, "")}</td>${vs}<td>${Number.isFinite(seconds) ? `${seconds.toFixed(1)} s` : "n/a"}</td></tr>`;
  });
  return `<table id="summary">\n<thead>${head}</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

/** The complete page. `colors[i]` is the colour of schedule i in every chart. */
export function sweepPage(r: SweepResult, charts: ReportCharts, colors: readonly string[], version: string): string {
  const m = r.task.metric;
  const seeds = r.seeds.length;
  const figure = (kind: string, svg: string, caption: string) => `<figure class="chart" data-chart="${kind}">${inlineSvg(svg, kind)}<figcaption>${caption}</figcaption></figure>`;
  const task = r.task.kind === "classification" ? `classification${r.task.classes ? ` into ${r.task.classes.length} classes` : ""}` : "regression";
  const split = r.data.validationFraction === null ? "a separate validation set" : `${Math.round(r.data.validationFraction * 100)} % of the rows held out per seed`;
  const opt = r.settings.optimizer;
  return htmlPage(`lrsched sweep: ${r.name}`, STYLE, `
<h1>${escape(r.name)}</h1>
<p class="verdict${r.verdict?.significant ? " significant" : ""}">${escape(r.verdict?.text ?? "")}</p>
<p class="meta">Model: ${escape(r.model.description)}. Data: ${escape(r.data.description)}; ${r.data.trainRows} training rows, ${r.data.validationRows} validation rows (${split}); ${task}, loss ${escape(r.task.loss)}. ${r.settings.epochs} epochs of ${r.settings.stepsPerEpoch} steps (batch ${r.settings.batchSize}), optimizer ${escape(opt.name === "momentum" ? `momentum ${opt.momentum}` : opt.name)}; seed${seeds > 1 ? "s" : ""} ${r.seeds.join(", ")}. For each seed every schedule starts from the same initial weights and sees the same batches in the same order. TensorFlow.js backend '${escape(r.backend)}'; lrsched ${escape(version)}.</p>
<h2>Summary</h2>
${summaryTable(r, colors)}
<p class="meta">Scores are the ${escape(metricTitle(m))} after the last epoch (choosing each run's best epoch on the validation rows would flatter every schedule). Intervals are two-sided 95 % Student-t intervals over the ${seeds} seed${seeds > 1 ? "s" : ""}; "vs ${escape(r.baseline ?? "baseline")}" is the mean of the per-seed differences, with its interval from those differences (paired by seed). A lift is shown only when that interval excludes 0. Time: a run's training time (validation included), mean over seeds; before its first run each process trains a throw-away copy of the model on two batches, untimed, so start-up costs are not charged to whichever schedule happens to run first. Data: <a href="results.json">results.json</a>, <a href="results.csv">results.csv</a>.</p>
<h2>${escape(metricTitle(m)[0].toUpperCase() + metricTitle(m).slice(1))}</h2>
${figure("val-metric", charts.metric, `After each epoch: the line is the mean over seeds${seeds > 1 ? ", the band spans the lowest to the highest seed" : ""}. Hover a point for its numbers.`)}
${charts.valLoss ? figure("val-loss", charts.valLoss, `Validation loss after each epoch (mean over seeds${seeds > 1 ? ", band: lowest to highest seed" : ""}).`) : ""}
<h2>Training loss</h2>
${figure("train-loss", charts.trainLoss, "The loss of every training batch, averaged over seeds and smoothed with an exponential moving average spanning about a fiftieth of the run (bias-corrected).")}
<h2>Learning rates</h2>
${figure("lr", charts.lr, "The rate of every optimizer step as trained, one panel per schedule on shared axes (a plateau policy reacts to each run: one line per seed).")}
<h2>Configuration</h2>
<details><summary>Schedules as trained (step fields resolved)</summary><pre>${escape(JSON.stringify(r.schedules, null, 2))}</pre></details>
${TOOLTIP_SCRIPT}
`, '<link rel="icon" href="data:,">\n'); // an empty icon: browsers ask for none, so nothing fails to load
}
