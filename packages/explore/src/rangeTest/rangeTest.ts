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

export interface RangeTestOptions {
  readonly model: ModelSource;
  /** Rows to train on: `{x, y}`, or `{train, validation}` (only train is used). */
  readonly data: SweepData;
  /** First rate. Default 1e-5. */
  readonly minLr?: number;
  /** Last rate. Default 10. */
  readonly maxLr?: number;
  /** Batches of the ramp (>= 10). Default 100. */
  readonly batches?: number;
  /** Default 32. */
  readonly batchSize?: number;
  readonly optimizer?: OptimizerChoice;
  readonly loss?: LossName | string;
  /** Seed of the initial weights and the batch order. Default 1. */
  readonly seed?: number;
  /** Directory for range-test.svg, range-test.png and range-test.json. */
  readonly out?: string;
  readonly onProgress?: (event: { batch: number; batches: number; lr: number; loss: number }) => void;
  /** Title of the chart. */
  readonly name?: string;
}

/** One suggested rate and the batch it was read at. */
export interface RangeSuggestion {
  readonly name: "valley" | "steepest" | "minimum/10";
  readonly lr: number;
  readonly batch: number;
  /** Smoothed loss at that batch. */
  readonly smoothedLoss: number;
}

export interface RangeTestResult {
  readonly name: string;
  readonly model: { readonly description: string; readonly parameters: number };
  readonly task: Task;
  readonly rows: number;
  readonly settings: { minLr: number; maxLr: number; batches: number; batchSize: number; optimizer: string; seed: number; beta: number; divergence: number };
  readonly lrs: readonly number[];
  readonly losses: readonly number[];
  readonly smoothed: readonly number[];
  /** 'diverged' when the smoothed loss passed 4x its best before the last batch (the test stops there). */
  readonly stopped: "completed" | "diverged";
  /** First batch whose raw loss diverged (see rawDivergence); null when none did. */
  readonly rawDivergedAt: number | null;
  /** Last batch suggestions are read from: the lowest smoothed loss before the raw loss diverged (past it the loss climbs). */
  readonly readUpTo: number;
  readonly suggestions: readonly RangeSuggestion[];
  readonly seconds: number;
}

const KEYS = ["model", "data", "minLr", "maxLr", "batches", "batchSize", "optimizer", "loss", "seed", "out", "onProgress", "name"];

function positive(path: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw new LrschedError(path, "must be a finite number > 0", v);
  return v;
}

/** Runs the test; with `out`, writes the chart (SVG and PNG) and the raw series (JSON) there. */
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

/** range-test.svg, range-test.png and range-test.json in `dir`. */
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
