// rangeTest(): the LR range test on the caller's model and data. The rate rises exponentially over
// the batches; the loss is smoothed over a window scaled to the number of batches; suggestions are
// read only from the descent: up to the lowest smoothed loss before the raw loss diverged.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LrschedError } from "@lrsched/ts-api";
import { rangeChartSpec } from "../charts/rangeChart";
import { renderPng, renderSvg } from "../charts/render";
import { prepareData, type SweepData } from "../data/prepare";
import type { Task } from "../data/task";
import { describeOptimizer, makeOptimizer, normalizeOptimizer, type OptimizerChoice } from "../model/optimizer";
import { prepareModel, type ModelSource } from "../model/source";
import { lossName, type LossName } from "../model/losses";
import { checkInteger, checkKeys } from "../sweep/options";
import { writeAtomic } from "../sweep/cache";
import { loadTraining } from "../train/tfjs";
import { EXPLORE_VERSION } from "../version";
import { DIVERGENCE, descentEnd, rawDivergence, smoothingBeta } from "./smoothing";

/**
 * What {@link rangeTest} trains and how far the rate climbs. Only `model` and `data` are required;
 * an option that is not one of these is refused, and a bad value throws one LrschedError naming it.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rangeTest, type RangeTestOptions } from "@lrsched/explore";
 * const options: RangeTestOptions = {
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3]], y: [0, 2, 4, 6] },
 *   minLr: 1,
 *   maxLr: 0.1,
 * };
 * await rangeTest(options).catch((e) => e.message); // → "maxLr must be greater than minLr (1), got 0.1"
 * ```
 */
export interface RangeTestOptions {
  /** `() => tf.LayersModel`, or a Keras-format topology (an object or a JSON string; see {@link loadModelTopology}); its initial weights are drawn from `seed`. */
  readonly model: ModelSource;
  /** Rows to train on: `{x, y}`, or `{train, validation}` (only train is used). */
  readonly data: SweepData;
  /** Rate of the first batch, a finite number > 0. Default 1e-5. */
  readonly minLr?: number;
  /** Rate of the last batch, greater than `minLr`; the rate rises exponentially in between. Default 10. */
  readonly maxLr?: number;
  /** Batches of the ramp, an integer in 10..1000000. Default 100. */
  readonly batches?: number;
  /** Rows per batch, an integer in 1..2^24 (at most the rows there are). Default 32. */
  readonly batchSize?: number;
  /** 'sgd', 'momentum' (0.9), 'adam', 'rmsprop', or `{ name: 'momentum', momentum }` (see {@link normalizeOptimizer}). Default momentum 0.9. */
  readonly optimizer?: OptimizerChoice;
  /** A loss name (TensorFlow.js or Keras spelling, see {@link lossName}). Default: read off the target and the model's output (see {@link Task}). */
  readonly loss?: LossName | string;
  /** Seed of the initial weights and the batch order, an integer in 0..2^31-1. Default 1. */
  readonly seed?: number;
  /** Directory for range-test.svg, range-test.png and range-test.json (see {@link writeRangeTest}). Default: nothing is written. */
  readonly out?: string;
  /** Called after every batch with its 1-based number, the number of batches, its rate and its loss. */
  readonly onProgress?: (event: { batch: number; batches: number; lr: number; loss: number }) => void;
  /** Title of the chart. Default "LR range test: " and the model's description. */
  readonly name?: string;
}

/**
 * One suggested rate and the batch it was read at.
 *
 * @example
 * ```ts
 * import { rangeChartSpec, renderSvg, type RangeSuggestion } from "@lrsched/explore";
 * const valley: RangeSuggestion = { name: "valley", lr: 0.01, batch: 2, smoothedLoss: 1.4 };
 * const svg = await renderSvg(rangeChartSpec({ lrs: [1e-4, 1e-3, 1e-2, 1e-1], losses: [2.3, 2, 1.4, 3], smoothed: [2.3, 2.1, 1.4, 2], suggestions: [valley] }));
 * svg.includes("valley 0.01"); // → true
 * ```
 */
export interface RangeSuggestion {
  /** 'valley' (half-way along the longest stretch over which the smoothed loss keeps falling), 'steepest' (where it falls fastest per unit of log rate) or 'minimum/10' (the rate at its lowest, divided by 10). */
  readonly name: "valley" | "steepest" | "minimum/10";
  /** The suggested rate. */
  readonly lr: number;
  /** The batch (0-based) it was read at; for 'minimum/10', the batch of the minimum. */
  readonly batch: number;
  /** Smoothed loss at that batch. */
  readonly smoothedLoss: number;
}

/**
 * What a range test measured, where it read its suggestions, and the suggestions.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rangeTest, type RangeTestResult } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const result: RangeTestResult = await rangeTest({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   batches: 20,
 *   batchSize: 8,
 * });
 * [result.lrs.length, result.lrs[0], result.lrs[19]]; // → [20, 1e-5, 10]
 * result.readUpTo <= result.lrs.length - 1; // → true
 * ```
 */
export interface RangeTestResult {
  /** Title of the chart. */
  readonly name: string;
  /** The model as reports show it: a one-line description and its number of parameters. */
  readonly model: { readonly description: string; readonly parameters: number };
  /** What the model was trained to do, and with which loss. */
  readonly task: Task;
  /** Rows it trained on. */
  readonly rows: number;
  /** The options as run (the batch size at most the rows), the optimizer as text, the smoothing factor `beta` and the divergence ratio. */
  readonly settings: {
    /** Rate of the first batch. */
    minLr: number;
    /** Rate of the last batch. */
    maxLr: number;
    /** Batches of the ramp. */
    batches: number;
    /** Rows per batch (at most the rows there are). */
    batchSize: number;
    /** The optimizer as text: "momentum 0.9", "adam". */
    optimizer: string;
    /** Seed of the initial weights and the batch order. */
    seed: number;
    /** Weight of the past in the loss's moving average (its window spans about a twentieth of the batches). */
    beta: number;
    /** The test stops once the smoothed loss exceeds this multiple of its best. */
    divergence: number;
  };
  /** Rate of every batch run. */
  readonly lrs: readonly number[];
  /** Training loss of every batch run. */
  readonly losses: readonly number[];
  /** `losses` smoothed by a bias-corrected moving average whose window scales with the number of batches. */
  readonly smoothed: readonly number[];
  /** 'diverged' when the smoothed loss passed 4x its best before the last batch (the test stops there). */
  readonly stopped: "completed" | "diverged";
  /** First batch whose raw loss diverged (not finite, or above 4x the lowest loss before it while also above the first loss); null when none did. */
  readonly rawDivergedAt: number | null;
  /** Last batch suggestions are read from: the lowest smoothed loss before the raw loss diverged (past it the loss climbs). */
  readonly readUpTo: number;
  /** Up to three suggestions ('valley', 'steepest', 'minimum/10'), read from batches `batches / 10` to `readUpTo`; each only when that stretch holds one. */
  readonly suggestions: readonly RangeSuggestion[];
  /** Wall-clock seconds of the whole test. */
  readonly seconds: number;
}

const KEYS = ["model", "data", "minLr", "maxLr", "batches", "batchSize", "optimizer", "loss", "seed", "out", "onProgress", "name"];

function positive(path: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw new LrschedError(path, "must be a finite number > 0", v);
  return v;
}

/**
 * Runs Leslie Smith's LR range test on the model and data: one fresh model, the rate rising
 * exponentially from `minLr` to `maxLr` over `batches` batches, suggestions read from the descent of
 * the smoothed loss. With `out`, writes the chart (SVG and PNG) and the raw series (JSON) there.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rangeTest } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const result = await rangeTest({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   minLr: 1e-4,
 *   maxLr: 10,
 *   batches: 20,
 *   batchSize: 8,
 * });
 * result.settings; // → { minLr: 1e-4, maxLr: 10, batches: 20, batchSize: 8, optimizer: "momentum 0.9", seed: 1 }
 * result.suggestions.every((s) => s.batch <= result.readUpTo); // → true
 * ```
 */
export async function rangeTest(options: RangeTestOptions): Promise<RangeTestResult> {
  checkKeys(options as unknown as Record<string, unknown>, KEYS);
  const minLr = positive("minLr", options.minLr, 1e-5);
  const maxLr = positive("maxLr", options.maxLr, 10);
  if (!(maxLr > minLr)) throw new LrschedError("maxLr", `must be greater than minLr (${minLr})`, maxLr);
  const batches = options.batches === undefined ? 100 : checkInteger("batches", options.batches, 10, 1_000_000);
  const batchSize = options.batchSize === undefined ? 32 : checkInteger("batchSize", options.batchSize, 1, 1 << 24);
  const seed = options.seed === undefined ? 1 : checkInteger("seed", options.seed, 0, 2 ** 31 - 1);
  const optimizer = normalizeOptimizer(options.optimizer ?? "momentum");
  const loss = options.loss === undefined ? undefined : lossName(options.loss);
  const started = performance.now();
  const training = await loadTraining();
  const { tf, adapter } = training;
  const model = await prepareModel(training, options.model);
  const data = prepareData(tf, options.data, model, loss);
  const beta = smoothingBeta(batches);
  let raw;
  const m = await model.seeded(seed);
  try {
    m.compile({ optimizer: makeOptimizer(tf, optimizer), loss: data.task.loss });
    raw = await adapter.rangeTest(m, data.train.x, data.train.y, {
      minLr,
      maxLr,
      batches,
      batchSize,
      seed,
      beta,
      divergence: DIVERGENCE,
      restore: false,
      onBatch: async (b) => {
        options.onProgress?.({ batch: b.index + 1, batches, lr: b.lr, loss: b.loss });
        // the event loop turns, so Ctrl-C is handled at once rather than after the test
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
  } finally {
    m.optimizer?.dispose();
    m.dispose();
    data.dispose();
  }
  const diverged = rawDivergence(raw.losses);
  const readUpTo = descentEnd(raw.smoothed, diverged < 0 ? raw.lrs.length : diverged);
  const cut = readUpTo + 1;
  const found = adapter.suggestLearningRates(raw.lrs.slice(0, cut), raw.smoothed.slice(0, cut), { skipStart: Math.floor(batches / 10), skipEnd: 0 });
  const suggestions: RangeSuggestion[] = (
    [
      ["valley", found.valley],
      ["steepest", found.steepest],
      ["minimum/10", found.minimum],
    ] as const
  ).flatMap(([name, s]) => (s ? [{ name, lr: s.lr, batch: s.index, smoothedLoss: s.loss }] : []));
  const result: RangeTestResult = {
    name: options.name ?? `LR range test: ${model.description}`,
    model: { description: model.description, parameters: model.parameters },
    task: data.task,
    rows: data.train.rows,
    settings: { minLr, maxLr, batches, batchSize: Math.min(batchSize, data.train.rows), optimizer: describeOptimizer(optimizer), seed, beta, divergence: DIVERGENCE },
    lrs: raw.lrs,
    losses: raw.losses,
    smoothed: raw.smoothed,
    stopped: raw.stopped,
    rawDivergedAt: diverged < 0 ? null : diverged,
    readUpTo,
    suggestions,
    seconds: (performance.now() - started) / 1000,
  };
  if (options.out !== undefined) await writeRangeTest(options.out, result);
  return result;
}

/**
 * Writes a range test's chart and series to `dir` (created if need be): range-test.svg,
 * range-test.png and range-test.json (every batch's rate, loss and smoothed loss; NaN as null).
 *
 * @example
 * ```ts
 * import { mkdtempSync, readdirSync, rmSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import * as tf from "@tensorflow/tfjs";
 * import { rangeTest, writeRangeTest } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const result = await rangeTest({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   batches: 20,
 *   batchSize: 8,
 * });
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-range-"));
 * await writeRangeTest(join(dir, "range"), result);
 * readdirSync(join(dir, "range")).sort(); // → ["range-test.json", "range-test.png", "range-test.svg"]
 * rmSync(dir, { recursive: true });
 * ```
 */
export async function writeRangeTest(dir: string, r: RangeTestResult): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const svg = await renderSvg(
    rangeChartSpec({
      lrs: r.lrs,
      losses: r.losses,
      smoothed: r.smoothed,
      suggestions: r.suggestions,
      divergedLr: r.rawDivergedAt === null ? undefined : r.lrs[r.rawDivergedAt],
      title: r.name,
    }),
  );
  writeAtomic(join(dir, "range-test.svg"), svg);
  writeAtomic(join(dir, "range-test.png"), await renderPng(svg));
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const json = {
    lrsched: EXPLORE_VERSION,
    ...r,
    lrs: undefined,
    losses: undefined,
    smoothed: undefined,
    series: r.lrs.map((lr, i) => ({ batch: i, lr, loss: num(r.losses[i]), smoothed: num(r.smoothed[i]) })),
  };
  writeAtomic(join(dir, "range-test.json"), `${JSON.stringify(json, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`);
}
