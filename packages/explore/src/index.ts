/**
 * @lrsched/explore: which schedule lifts your model, and is the lift real? Sweeps and range tests on
 * any TensorFlow.js model and data set, with statistics paired by seed, shards for job arrays, and
 * the charts and pages that report them.
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import * as tf from "@tensorflow/tfjs";
 * import { loadModelTopology, loadTable, sweep } from "@lrsched/explore";
 * // your files: a model's topology (here a tfjs model.json) and a CSV with a target column
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-explore-"));
 * const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] });
 * writeFileSync(join(dir, "model.json"), JSON.stringify({ modelTopology: model.toJSON(null, false) }));
 * const rows = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * writeFileSync(join(dir, "train.csv"), ["a,b,label", ...rows.map(([a, b]) => `${a},${b},${a + b > 1 ? "high" : "low"}`)].join("\n"));
 *
 * const result = await sweep({
 *   model: await loadModelTopology(join(dir, "model.json")),
 *   data: await loadTable(join(dir, "train.csv"), { target: "label" }),
 *   schedules: [
 *     { label: "constant", spec: { type: "constant", value: 0.5 } },
 *     { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.5, decaySteps: { fraction: 1 } } },
 *   ],
 *   epochs: 2,
 *   batchSize: 8,
 *   seeds: [1, 2, 3],
 *   out: join(dir, "sweep"), // the report: index.html, results.json, results.csv; every run kept in runs/
 * });
 * result.summary.map((s) => [s.label, s.seeds]); // → [["constant", 3], ["cosine", 3]]
 * console.log(result.verdict?.text);
 * rmSync(dir, { recursive: true });
 * ```
 */
export { sweep, type SweepOptions } from "./sweep/sweep";
export { mergeSweeps } from "./sweep/merge";
export { rangeTest, writeRangeTest, type RangeTestOptions, type RangeTestResult, type RangeSuggestion } from "./rangeTest/rangeTest";
export { loadModelTopology, parseModelTopology, type ModelTopology } from "./model/topology";
export { loadTable, type Table, type LoadTableOptions } from "./data/table";
export type { SweepData, DataPart, Features, Targets } from "./data/prepare";
export type { Task } from "./data/task";
export type { ModelSource } from "./model/source";
export { OPTIMIZERS, normalizeOptimizer, type OptimizerName, type OptimizerChoice } from "./model/optimizer";
export { LOSSES, lossName, type LossName } from "./model/losses";
export { METRICS, type MetricName } from "./stats/metrics";
export type { SweepResult } from "./sweep/results";
export type { SweepManifest, RunRecord, RunHashes } from "./sweep/record";
export type { SweepProgress, RunRef } from "./sweep/progress";
export { checkEntries, type ScheduleEntry } from "./sweep/schedules";
export { plateauRates, type PlateauReplay } from "./sweep/plateauRates";
export type { PlateauOptions } from "./sweep/plateau";
export type { PlateauPolicy, Monitor } from "./train/rates";
export { parseShard, type Shard } from "./sweep/plan";
export type { EpochRecord } from "./train/run";
export { SWEEP_DEFAULTS, checkInteger, checkSeeds } from "./sweep/options";
export { defaultSchedules, DEFAULT_PEAK } from "./builtin/defaultSweep";

// statistics
export { studentTQuantile, studentTCentral } from "./stats/studentT";
export { describeSample, type Described } from "./stats/describe";
export { pairedSummary, type SummaryEntry, type PairedDiff, type ScheduleScores } from "./stats/paired";
export { verdictOf, type Verdict } from "./stats/verdict";

// the built-in MNIST example
export { loadMnist, splitSizes, MNIST_MIN_PER_DIGIT, type MnistPart } from "./builtin/mnist";
export { mlpTopology, describeMlp, type Hidden } from "./builtin/mlp";

// chart and report primitives
export { chartBase, FONT } from "./charts/frame";
export { formatNumber, formatSteps } from "./charts/numbers";
export { renderSvg, renderPng } from "./charts/render";
export { renderPdf } from "./charts/pdf";
export { rangeChartSpec, type RangeChartInput } from "./charts/rangeChart";
export { scheduleColors } from "./charts/palette";
export { escapeHtml, inlineSvg, htmlPage } from "./report/html";
