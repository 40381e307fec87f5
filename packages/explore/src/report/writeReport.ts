// A finished sweep on disk: results.json, results.csv and index.html (charts inline).
import { join } from "node:path";
import { lossCurvesSpec } from "../charts/lossCurves";
import { lrPanelsSpec } from "../charts/lrPanels";
import { metricBandsSpec } from "../charts/metricBands";
import { colorAt } from "../charts/palette";
import { renderSvg } from "../charts/render";
import { formatMetric, metricTitle } from "../stats/metrics";
import { writeAtomic } from "../sweep/cache";
import { resultsCsv, resultsJson, type SweepResult } from "../sweep/results";
import { sweepPage, type ReportCharts } from "./sweepPage";
import { EXPLORE_VERSION } from "../version";

/** The report's four charts as SVG. */
export async function reportCharts(r: SweepResult): Promise<ReportCharts> {
  const m = r.task.metric;
  const byLabel = (f: (run: SweepResult["runs"][number]) => readonly number[]) =>
    r.schedules.map((s) => ({ label: s.label, runs: r.runs.filter((x) => x.label === s.label).map(f) }));
  const [metric, valLoss, trainLoss, lr] = await Promise.all([
    renderSvg(metricBandsSpec(byLabel((x) => x.epochs.map((e) => e.valMetric)), { yTitle: metricTitle(m), percent: m === "accuracy", format: (v) => formatMetric(m, v) })),
    m === "loss" ? Promise.resolve(null) : renderSvg(metricBandsSpec(byLabel((x) => x.epochs.map((e) => e.valLoss)), { yTitle: "validation loss", format: (v) => formatMetric("loss", v), height: 240 })),
    renderSvg(lossCurvesSpec(byLabel((x) => x.steps.loss), { stepsPerEpoch: r.settings.stepsPerEpoch })),
    renderSvg(lrPanelsSpec(byLabel((x) => x.steps.lr))),
  ]);
  return { metric, valLoss, trainLoss, lr };
}

/** Writes results.json, results.csv and index.html into `dir`. */
export async function writeSweepReport(dir: string, r: SweepResult): Promise<void> {
  const charts = await reportCharts(r);
  writeAtomic(join(dir, "results.json"), resultsJson(r));
  writeAtomic(join(dir, "results.csv"), resultsCsv(r.runs));
  writeAtomic(join(dir, "index.html"), sweepPage(r, charts, r.schedules.map((_, i) => colorAt(i)), EXPLORE_VERSION));
}
