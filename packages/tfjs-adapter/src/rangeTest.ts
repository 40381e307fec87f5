import { gather, tensor1d, type LayersModel, type Tensor } from "@tensorflow/tfjs";
import { LrschedError, constant, warmup, type Schedule } from "@lrsched/ts-api";
import { checkKeys, checkNumber, checkObject } from "./checks";
import { getLearningRate, setLearningRate } from "./learningRate";
import { modelOptimizer } from "./modelOptimizer";
import { seededShuffle } from "./seededShuffle";
import { smoothLosses } from "./smoothLosses";
import { suggestLearningRates, type LrSuggestions } from "./suggestLearningRates";

/**
 * How a range test sweeps the rate: its range, number of batches, batch size, smoothing and stopping rule.
 *
 * @example
 * ```ts
 * import type { RangeTestOptions } from "@lrsched/tfjs-adapter";
 * const options: RangeTestOptions = { minLr: 1e-6, maxLr: 1, batches: 100, batchSize: 32 };
 * options.batches; // → 100
 * ```
 */
export interface RangeTestOptions {
  /** Rate of the first batch. Default 1e-7. */
  readonly minLr?: number;
  /** Rate of the last batch. Default 10. */
  readonly maxLr?: number;
  /** Batches of the ramp (>= 2). Default 100. */
  readonly batches?: number;
  /** Default 64 (or the whole data set when it is smaller). */
  readonly batchSize?: number;
  /** Smoothing of the loss, see {@link smoothLosses}. Default 0.98. */
  readonly beta?: number;
  /** Stop once the smoothed loss exceeds this multiple of its best value. Default 4; Infinity never stops. */
  readonly divergence?: number;
  /** Seed of the batch order. Default 0. */
  readonly seed?: number;
  /** Put the model's weights and rate back as they were when done. Default true. */
  readonly restore?: boolean;
  /** Points ignored by the suggestions, see {@link suggestLearningRates}. Defaults: batches / 10 and 5. */
  readonly skipStart?: number;
  readonly skipEnd?: number;
  /** Called after every batch (progress bars, logging). */
  readonly onBatch?: (batch: RangeTestBatch) => void | Promise<void>;
}

/**
 * One batch of a range test, as passed to `onBatch`.
 *
 * @example
 * ```ts
 * import type { RangeTestBatch } from "@lrsched/tfjs-adapter";
 * const seen: RangeTestBatch[] = [];
 * const onBatch = (b: RangeTestBatch) => void seen.push(b); // pass as rangeTest(..., { onBatch })
 * onBatch({ index: 0, lr: 1e-7, loss: 2.3, smoothed: 2.3 });
 * seen.length; // → 1
 * ```
 */
export interface RangeTestBatch {
  readonly index: number;
  readonly lr: number;
  readonly loss: number;
  readonly smoothed: number;
}

/**
 * What a range test measured and what it suggests.
 *
 * @example
 * ```ts
 * import { suggestLearningRates, type RangeTestResult } from "@lrsched/tfjs-adapter";
 * const lrs = [1e-4, 1e-3, 1e-2, 1e-1, 1];
 * const losses = [2.3, 2.2, 1.5, 1.2, 9];
 * const result: Pick<RangeTestResult, "lrs" | "losses"> = { lrs, losses };
 * suggestLearningRates(result.lrs, result.losses, { skipStart: 0, skipEnd: 0 }).minimum?.lr; // → 0.01
 * ```
 */
export interface RangeTestResult {
  /** Rate of each batch run. */
  readonly lrs: number[];
  /** Training loss of each batch (the loss `trainOnBatch` reports, before the update). */
  readonly losses: number[];
  /** Bias-corrected moving average of `losses`. */
  readonly smoothed: number[];
  /** 'diverged' when the smoothed loss passed `divergence` x its best (or went NaN) before the last batch. */
  readonly stopped: "completed" | "diverged";
  readonly suggestions: LrSuggestions;
  /** The options in force, defaults filled in (without `onBatch`). */
  readonly options: Required<Omit<RangeTestOptions, "onBatch">>;
}

const KEYS = ["minLr", "maxLr", "batches", "batchSize", "beta", "divergence", "seed", "restore", "skipStart", "skipEnd", "onBatch"] as const;

/**
 * The rate ramp of a range test as an lrsched schedule: `minLr * (maxLr / minLr)^(i / (batches - 1))`
 * at batch i, i.e. an exponential warm-up from `minLr` to a constant `maxLr`.
 *
 * @example
 * rangeTestRamp(1e-7, 10, 100).at(99); // 10
 */
export function rangeTestRamp(minLr: number, maxLr: number, batches: number): Schedule {
  checkNumber("minLr", minLr, { min: Number.MIN_VALUE });
  checkNumber("maxLr", maxLr, { min: Number.MIN_VALUE });
  if (!(maxLr > minLr)) throw new LrschedError("maxLr", `must be greater than minLr (${minLr})`, maxLr);
  checkNumber("batches", batches, { integer: true, min: 2 });
  return warmup(constant({ value: maxLr }), { warmupSteps: batches - 1, initialLr: minLr, shape: "exponential" });
}

/**
 * Leslie Smith's learning-rate range test ("Cyclical Learning Rates for Training Neural Networks",
 * 2015), as fastai's `lr_find` runs it: train `model` on `xs`/`ys` for `batches` batches while the
 * rate rises exponentially from `minLr` to `maxLr` ({@link rangeTestRamp}), smooth the losses
 * ({@link smoothLosses}), stop early once the smoothed loss passes `divergence` x its best, and
 * read suggested rates off the curve ({@link suggestLearningRates}).
 *
 * Batches are drawn in a seeded order (reshuffled with the next seed after each pass over the
 * data), so with seeded initial weights the whole test repeats exactly. The model must be
 * compiled; its optimizer's state (momentum, Adam moments) is not reset afterwards, so train
 * with a freshly compiled model or optimizer.
 *
 * @example
 * const result = await rangeTest(model, xs, ys, { minLr: 1e-5, maxLr: 10, batches: 100 });
 * result.suggestions.valley?.lr; // e.g. 0.02
 */
export async function rangeTest(model: LayersModel, xs: Tensor, ys: Tensor, options: RangeTestOptions = {}): Promise<RangeTestResult> {
  const o = checkObject("options", options);
  checkKeys("options", o, KEYS);
  const n = xs.shape[0];
  if (!n || ys.shape[0] !== n) throw new LrschedError("ys", `must have as many rows as xs (${n}), got ${ys.shape[0]}`);
  const minLr = options.minLr ?? 1e-7;
  const maxLr = options.maxLr ?? 10;
  const batches = options.batches ?? 100;
  const ramp = rangeTestRamp(minLr, maxLr, batches);
  const batchSize = Math.min(n, checkNumber("batchSize", options.batchSize ?? 64, { integer: true, min: 1 }));
  const beta = checkNumber("beta", options.beta ?? 0.98, { min: 0, below: 1 });
  const divergence = options.divergence ?? 4;
  if (typeof divergence !== "number" || !(divergence > 1)) throw new LrschedError("divergence", "must be a number > 1 (Infinity: never stop)", divergence);
  const seed = checkNumber("seed", options.seed ?? 0, { integer: true });
  const restore = options.restore ?? true;
  const skipStart = checkNumber("skipStart", options.skipStart ?? Math.floor(batches / 10), { integer: true, min: 0 });
  const skipEnd = checkNumber("skipEnd", options.skipEnd ?? 5, { integer: true, min: 0 });

  const optimizer = modelOptimizer(model);
  const initialLr = getLearningRate(optimizer);
  const saved = restore ? model.getWeights().map((w) => w.clone()) : [];
  const lrs: number[] = [];
  const losses: number[] = [];
  let stopped: RangeTestResult["stopped"] = "completed";
  try {
    let pass = 0;
    let order = seededShuffle(n, seed);
    let at = 0;
    let avg = 0;
    let weight = 1;
    let best = Infinity;
    for (let i = 0; i < batches; i++) {
      if (at + batchSize > n) {
        // a new pass over the data, in a new order; the last partial batch is dropped
        order = seededShuffle(n, seed + ++pass);
        at = 0;
      }
      const index = tensor1d(order.slice(at, at + batchSize), "int32");
      at += batchSize;
      const xb = gather(xs, index);
      const yb = gather(ys, index);
      const lr = ramp.at(i);
      setLearningRate(optimizer, lr);
      let out: number | number[];
      try {
        out = await model.trainOnBatch(xb, yb);
      } finally {
        index.dispose();
        xb.dispose();
        yb.dispose();
      }
      const loss = Array.isArray(out) ? out[0] : out;
      lrs.push(lr);
      losses.push(loss);
      // the same recurrence as smoothLosses, run incrementally to decide when to stop
      avg = beta * avg + (1 - beta) * loss;
      weight *= beta;
      const smooth = avg / (1 - weight);
      await options.onBatch?.({ index: i, lr, loss, smoothed: smooth });
      if (!Number.isFinite(smooth) || smooth > divergence * best) {
        if (i < batches - 1) stopped = "diverged";
        break;
      }
      best = Math.min(best, smooth);
    }
  } finally {
    if (restore) {
      model.setWeights(saved);
      for (const w of saved) w.dispose();
      setLearningRate(optimizer, initialLr);
    }
  }
  const smoothed = smoothLosses(losses, beta);
  return {
    lrs,
    losses,
    smoothed,
    stopped,
    suggestions: suggestLearningRates(lrs, smoothed, { skipStart, skipEnd }),
    options: { minLr, maxLr, batches, batchSize, beta, divergence, seed, restore, skipStart, skipEnd },
  };
}
