/**
 * @lrsched/explore: which schedule lifts your model, and is the lift real? Sweeps and range tests on
 * any TensorFlow.js model and data set, with statistics paired by seed, shards for job arrays, and
 * the charts and pages that report them.
 *
 * @example
 * ```typescript
 * import { sweep, loadTable, loadModelTopology } from "@lrsched/explore";
 * const result = await sweep({
 *   model: await loadModelTopology("model.json"),
 *   data: await loadTable("train.csv", { target: "label" }),
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.01 } }, { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.01, decaySteps: { fraction: 1 } } }],
 *   epochs: 10,
 *   seeds: [1, 2, 3],
 *   out: "sweep",
 * });
 * console.log(result.verdict?.text);
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
export { loadMnist, splitSizes, MNIST_MIN_PER_DIGIT } from "./builtin/mnist";
export { mlpTopology, describeMlp } from "./builtin/mlp";

// chart and report primitives
export { chartBase, FONT } from "./charts/frame";
export { formatNumber, formatSteps } from "./charts/numbers";
export { renderSvg, renderPng } from "./charts/render";
export { renderPdf } from "./charts/pdf";
export { rangeChartSpec, type RangeChartInput } from "./charts/rangeChart";
export { scheduleColors } from "./charts/palette";
export { escapeHtml, inlineSvg, htmlPage } from "./report/html";
