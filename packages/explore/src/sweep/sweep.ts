// sweep(): train one model under several schedules, every schedule with every seed (same initial
// weights and batch order per seed), cache each finished run, and say what the runs show.
import { basename } from "node:path";
import type { LayersModel } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { defaultSchedules } from "../builtin/defaultSweep";
import { prepareData, type PreparedData, type SweepData } from "../data/prepare";
import { allRows, splitRows, validationCount } from "../data/split";
import type { LossName } from "../model/losses";
import { makeOptimizer, type OptimizerChoice } from "../model/optimizer";
import { prepareModel, type ModelSource, type PreparedModel } from "../model/source";
import { writeSweepReport } from "../report/writeReport";
import { higherIsBetter, type MetricName } from "../stats/metrics";
import { trainRun, stepsPerEpoch, type RunData } from "../train/run";
import { loadTraining, type Training } from "../train/tfjs";
import { warmUp } from "../train/warmup";
import { RUN_FORMAT, readRun, writeRun } from "./cache";
import { hashOf } from "./hash";
import { checkKeys, checkSettings, type TrainingSettings } from "./options";
import { inShard, planRuns, type Shard } from "./plan";
import type { RunRef, SweepProgress } from "./progress";
import type { RunHashes, RunRecord, SweepManifest } from "./record";
import { buildResult, type SweepResult } from "./results";
import { checkEntries, resolveSchedules, type ResolvedSchedule, type ScheduleEntry } from "./schedules";

/**
 * What {@link sweep} trains and how: the model, the data, the schedules, the budget and the seeds.
 * Only `model` and `data` are required; an option that is not one of these is refused (a typo
 * would otherwise be silently ignored), and a bad value throws one LrschedError naming it.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type SweepOptions } from "@lrsched/explore";
 * const options: SweepOptions = {
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3]], y: [0, 2, 4, 6] },
 *   epochs: 0,
 * };
 * await sweep(options).catch((e) => e.message); // → "epochs must be an integer in 1..100000, got 0"
 * ```
 */
export interface SweepOptions {
  /**
   * `() => tf.LayersModel`, or a Keras-format topology (an object or a JSON string; see
   * {@link loadModelTopology}). Weights are always drawn from the seed, so every schedule of a seed
   * starts from the same point. One input and one flat output (batch, units).
   */
  readonly model: ModelSource;
  /** `{x, y}` (validation rows split off per seed, see `validationFraction`) or `{train: {x, y}, validation: {x, y}}`. A {@link Table} is an `{x, y}`. */
  readonly data: SweepData;
  /** Share of the rows held out for validation when `data` has no validation part, drawn by the seed; in (0, 1). Default 0.2. */
  readonly validationFraction?: number;
  /**
   * `[{label, spec} | {label, schedule} | {label, plateau}]`, at most 20, labels unique (see
   * {@link ScheduleEntry}); spec step fields may be `{epochs: n}` or `{fraction: f}`. Every rate of
   * the run is checked (finite, >= 0) before training starts. Default: {@link defaultSchedules},
   * seven schedules and the plateau policy peaking at 0.05.
   */
  readonly schedules?: readonly ScheduleEntry[];
  /** Label of the fixed-rate reference; must be one of the labels. Default: the first schedule whose spec is a `constant` (none: no lift is measured). */
  readonly baseline?: string;
  /** Epochs of every run, an integer in 1..100000. Default 10. */
  readonly epochs?: number;
  /** Rows per batch, an integer in 1..2^24; the last batch of an epoch may be partial (as in `model.fit`). Default 32. */
  readonly batchSize?: number;
  /** 'sgd', 'momentum' (0.9), 'adam', 'rmsprop', or `{ name: 'momentum', momentum }` (see {@link normalizeOptimizer}); a fresh one per run. Default momentum 0.9. */
  readonly optimizer?: OptimizerChoice;
  /** A loss name (TensorFlow.js or Keras spelling, see {@link lossName}). Default: read off the target and the model's output (see {@link Task}). */
  readonly loss?: LossName | string;
  /** 'accuracy', 'loss', 'mse' or 'mae', on the validation rows after the last epoch; accuracy needs a classification task. Default: accuracy for classes, loss otherwise. */
  readonly metric?: MetricName;
  /** One seed or a list of different ones, each an integer in 0..2^31-1 (see {@link checkSeeds}). Default [1, 2, 3]. */
  readonly seeds?: number | readonly number[];
  /** Report directory: runs are cached in OUT/runs/ (a rerun trains only what is missing), the report (index.html, results.json, results.csv) is written when every run is there. Default: nothing is written. */
  readonly out?: string;
  /** Train only the runs of shard `index` of `count` (1-based): run i when i mod count = index - 1. Default: every run. */
  readonly shard?: Shard;
  /** Called as the sweep plans, trains and finishes (see {@link SweepProgress}): progress bars, logs. */
  readonly onProgress?: (event: SweepProgress) => void;
  /** Title of the report. Default: the number of schedules, the data file and the number of seeds. */
  readonly name?: string;
}

const KEYS = ["model", "data", "validationFraction", "schedules", "baseline", "epochs", "batchSize", "optimizer", "loss", "metric", "seeds", "out", "shard", "onProgress", "name"];

/** What a run is trained from, per seed: the rows it trains and validates on. */
function runData(training: Training, data: PreparedData, fraction: number, seed: number): RunData {
  if (data.validation) {
    return { x: data.train.x, y: data.train.y, train: allRows(data.train.rows), vx: data.validation.x, vy: data.validation.y, validation: allRows(data.validation.rows) };
  }
  const split = splitRows(training.adapter, data.train.rows, fraction, seed);
  return { x: data.train.x, y: data.train.y, vx: data.train.x, vy: data.train.y, ...split };
}

/** The file the (training) data came from, if it came from one. */
const dataFile = (data: SweepData) => (("train" in data ? data.train : data) as { file?: string }).file;

/** "train.csv, target 'species'" and the like: where the data came from. */
function describeData(data: SweepData): string {
  const part = ("train" in data ? data.train : data) as { file?: string; target?: string };
  if (!part.file) return "arrays";
  const files = "train" in data ? `${part.file} + ${(data.validation as { file?: string }).file ?? "arrays"}` : part.file;
  return part.target ? `${files}, target '${part.target}'` : files;
}

/**
 * Trains every schedule with every seed and returns the summary, the verdict and every run (see
 * {@link SweepResult}). Bad options throw one LrschedError naming the option.
 *
 * For a seed, every schedule gets the same initial weights, validation rows and batch order, so two
 * schedules differ only by their rates and the summary compares them paired by seed.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep } from "@lrsched/explore";
 * // 40 rows of 2 features; the class says whether they add up to more than 1
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const y = x.map(([a, b]) => (a + b > 1 ? "high" : "low"));
 * const result = await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y },
 *   schedules: [
 *     { label: "constant", spec: { type: "constant", value: 0.5 } },
 *     { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.5, decaySteps: { fraction: 1 } } },
 *   ],
 *   epochs: 2,
 *   batchSize: 8,
 *   seeds: [1, 2],
 * });
 * result.runs.map((r) => `${r.label}/${r.seed}`); // → ["constant/1", "constant/2", "cosine/1", "cosine/2"]
 * result.data; // → { trainRows: 32, validationRows: 8, validationFraction: 0.2 }
 * result.summary.map((s) => s.label); // → ["constant", "cosine"]
 * result.baseline; // → "constant"
 * console.log(result.verdict?.text); // two seeds: the interval is wide, and the text says so
 * ```
 */
export async function sweep(options: SweepOptions): Promise<SweepResult> {
  checkKeys(options as unknown as Record<string, unknown>, KEYS);
  const settings = checkSettings(options as unknown as Record<string, unknown>);
  const entries = checkEntries(options.schedules ?? defaultSchedules());
  if (options.model === undefined) throw new LrschedError("model", "is required: a model factory or a topology");
  if (options.data === undefined) throw new LrschedError("data", "is required: {x, y} or {train, validation}");
  if (options.out !== undefined && (typeof options.out !== "string" || options.out === "")) throw new LrschedError("out", "must be a directory path", options.out);
  const training = await loadTraining();
  const model = await prepareModel(training, options.model);
  const data = prepareData(training.tf, options.data, model, settings.loss);
  try {
    return await runSweep(training, options, settings, entries, model, data);
  } finally {
    data.dispose();
  }
}

async function runSweep(
  training: Training,
  options: SweepOptions,
  settings: TrainingSettings,
  entries: readonly ScheduleEntry[],
  model: PreparedModel,
  data: PreparedData,
): Promise<SweepResult> {
  const started = performance.now();
  const { task } = data;
  const metric: MetricName = settings.metric ?? (task.kind === "classification" ? "accuracy" : "loss");
  if (metric === "accuracy" && task.kind !== "classification") throw new LrschedError("metric", "'accuracy' needs a classification task; this one is regression (use loss, mse or mae)");
  const trainRows = data.validation ? data.train.rows : data.train.rows - validationCount(data.train.rows, settings.validationFraction);
  const validationRows = data.validation ? data.validation.rows : data.train.rows - trainRows;
  const perEpoch = stepsPerEpoch(trainRows, settings.batchSize);
  const schedules = resolveSchedules(entries, perEpoch, settings.epochs, higherIsBetter(metric));
  const baseline = baselineOf(options.baseline, schedules);

  const manifest: SweepManifest = {
    name: options.name ?? `${schedules.length} learning-rate schedules${dataFile(options.data) ? ` on ${basename(dataFile(options.data) as string)}` : ""}, ${settings.seeds.length} seed${settings.seeds.length > 1 ? "s" : ""}`,
    task: { ...task, metric },
    model: { description: model.description, parameters: model.parameters },
    data: {
      description: describeData(options.data),
      features: data.features,
      trainRows,
      validationRows,
      validationFraction: data.validation ? null : settings.validationFraction,
    },
    settings: { epochs: settings.epochs, batchSize: settings.batchSize, stepsPerEpoch: perEpoch, optimizer: settings.optimizer },
    seeds: settings.seeds,
    baseline,
    schedules: schedules.map((s) => ({ label: s.label, spec: s.spec })),
    backend: training.backend,
  };
  // what changes a run's numbers (not its label, not the other schedules, not the name)
  const { description: _shown, ...rows } = manifest.data;
  const trainingKey = { format: RUN_FORMAT, backend: training.backend, task, metric, rows, settings: manifest.settings, model: model.hash, data: data.hash };
  const hashes: RunHashes = {
    model: model.hash,
    data: data.hash,
    config: hashOf({ ...trainingKey, name: manifest.name, seeds: manifest.seeds, baseline, schedules: manifest.schedules }),
  };

  const plan = planRuns(schedules.length, settings.seeds);
  const out = options.out;
  const runs: RunRecord[] = [];
  const toTrain: { index: number; schedule: ResolvedSchedule; seed: number; key: string }[] = [];
  const emit = options.onProgress ?? (() => {});
  let otherShards = 0;
  const cachedRefs: RunRecord[] = [];
  for (const p of plan) {
    const s = schedules[p.schedule];
    const key = hashOf({ ...trainingKey, spec: s.spec, seed: p.seed });
    const cached = out === undefined ? undefined : readRun(out, key);
    if (cached) {
      const record: RunRecord = { ...cached, index: p.index, label: s.label, hashes, manifest };
      // a run reused by a changed sweep (a renamed schedule, another seed list) joins it on disk too
      if (cached.hashes.config !== hashes.config || cached.label !== s.label || cached.index !== p.index) writeRun(out as string, record);
      runs.push(record);
      cachedRefs.push(record);
    } else if (inShard(p.index, settings.shard)) toTrain.push({ index: p.index, schedule: s, seed: p.seed, key });
    else otherShards++;
  }
  const handled = cachedRefs.length + toTrain.length;
  const ref = (index: number, label: string, seed: number, n: number): RunRef => ({ index, label, seed, n, of: handled });
  emit({ type: "plan", runs: plan.length, toTrain: toTrain.length, cached: cachedRefs.length, otherShards, stepsPerRun: perEpoch * settings.epochs });
  cachedRefs.forEach((r, i) => emit({ type: "cached", run: ref(r.index, r.label, r.seed, i + 1) }));

  const compile = (m: LayersModel) => {
    m.compile({ optimizer: makeOptimizer(training.tf, settings.optimizer), loss: task.loss, metrics: metric === "loss" ? [] : [metric] });
    return m;
  };
  const dispose = (m: LayersModel) => {
    // a model disposes only optimizers it made from a name; this one was passed in
    m.optimizer?.dispose();
    m.dispose();
  };
  if (toTrain.length > 0) {
    const seed = toTrain[0].seed;
    await warmUp(training, compile(await model.seeded(seed)), runData(training, data, settings.validationFraction, seed), settings.batchSize, metric);
  }
  for (const [i, t] of toTrain.entries()) {
    const run = ref(t.index, t.schedule.label, t.seed, cachedRefs.length + i + 1);
    emit({ type: "run", run });
    const m = compile(await model.seeded(t.seed));
    const runStarted = performance.now();
    let trace;
    try {
      trace = await trainRun(training, m, runData(training, data, settings.validationFraction, t.seed), {
        rates: t.schedule.control(),
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        seed: t.seed,
        metric,
        onBatch: (b) => emit({ type: "batch", run, epoch: b.epoch, epochs: settings.epochs, step: b.step, steps: perEpoch * settings.epochs, loss: b.loss }),
        onEpoch: (record) => emit({ type: "epoch", run, epochs: settings.epochs, record }),
      });
    } finally {
      dispose(m);
    }
    const record: RunRecord = {
      format: RUN_FORMAT,
      key: t.key,
      index: t.index,
      label: t.schedule.label,
      seed: t.seed,
      spec: t.schedule.spec,
      hashes,
      manifest,
      epochs: trace.epochs,
      steps: trace.steps,
      seconds: (performance.now() - runStarted) / 1000,
    };
    if (out !== undefined) writeRun(out, record);
    runs.push(record);
  }
  const result = buildResult(manifest, hashes, runs);
  if (out !== undefined && result.complete) await writeSweepReport(out, result);
  emit({ type: "done", trained: toTrain.length, cached: cachedRefs.length, missing: result.missing.length, seconds: (performance.now() - started) / 1000 });
  return result;
}

/** The given baseline (it must be a label), or the first constant schedule, or none. */
function baselineOf(given: unknown, schedules: readonly ResolvedSchedule[]): string | null {
  if (given !== undefined) {
    if (typeof given !== "string" || !schedules.some((s) => s.label === given)) {
      throw new LrschedError("baseline", `must be the label of one of the schedules (${schedules.map((s) => s.label).join(", ")})`, given);
    }
    return given;
  }
  return schedules.find((s) => (s.spec as { type?: unknown })?.type === "constant")?.label ?? null;
}
