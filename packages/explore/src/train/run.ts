// One training run: a compiled model, a schedule setting the rate before every batch, batches in a
// seeded order drawn from data held once, and the loss of every step and the metrics of every epoch.
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import type { MetricName } from "../stats/metrics";
import type { RateControl } from "./rates";
import type { Training } from "./tfjs";

/**
 * What one epoch ended with. NaN when training diverged (a loss that turned NaN or infinite stops the
 * run; its later epochs are NaN too).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type EpochRecord } from "@lrsched/explore";
 * const result = await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3], [4]], y: [0, 2, 4, 6, 8] },
 *   schedules: [{ label: "exponential", spec: { type: "exponentialDecay", initialLearningRate: 0.01, decaySteps: { epochs: 1 }, decayRate: 0.1 } }],
 *   epochs: 2, // 4 training rows: one batch, one step per epoch
 *   seeds: 1,
 * });
 * const epochs: readonly EpochRecord[] = result.runs[0].epochs;
 * epochs.map((e) => [e.epoch, e.lr]); // → [[1, 0.01], [2, 0.001]]
 * epochs[1].valLoss === epochs[1].valMetric; // → true
 * ```
 */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Rate of the epoch's last batch. */
  readonly lr: number;
  /** Mean training loss over the epoch's batches (weighted by batch size). */
  readonly loss: number;
  /** Mean training metric over the epoch's batches (the loss again when the metric is the loss). */
  readonly metric: number;
  /** Loss on the validation rows after the epoch. */
  readonly valLoss: number;
  /** The sweep's metric on the validation rows after the epoch (the loss again when the metric is the loss); a run's score is the last one. */
  readonly valMetric: number;
  /** Wall-clock seconds of the epoch, validation included. */
  readonly seconds: number;
}

/** The rows a run trains and validates on: indices into tensors held once for the whole sweep. */
export interface RunData {
  readonly x: Tensor;
  readonly y: Tensor;
  readonly train: Int32Array;
  /** Validation rows: indices into `vx` / `vy`. */
  readonly vx: Tensor;
  readonly vy: Tensor;
  readonly validation: Int32Array;
}

export interface RunOptions {
  /** Sets the rate of every step (and hears the end of every epoch). */
  readonly rates: RateControl;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly metric: MetricName;
  readonly onBatch?: (b: { epoch: number; step: number; loss: number }) => void;
  readonly onEpoch?: (record: EpochRecord) => void;
}

export interface RunTrace {
  readonly epochs: EpochRecord[];
  /** Per optimizer step: the training loss of its batch and the rate it trained with. */
  readonly steps: { readonly loss: number[]; readonly lr: number[] };
}

/** Seed of epoch `e`'s batch order: distinct per (run seed, epoch). */
export const shuffleSeed = (seed: number, epoch: number) => (seed * 7919 + epoch) | 0;

/** Optimizer steps of an epoch: the last batch may be partial, as in `model.fit`. */
export const stepsPerEpoch = (rows: number, batchSize: number) => Math.ceil(rows / batchSize);

/** Rows evaluated at once: bounds the memory of a validation pass. */
const EVAL_CHUNK = 2048;

/** Lets the event loop turn (Ctrl-C is handled between batches, not after the run). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const scalars = (out: number | number[] | Tensor | Tensor[]): number[] => {
  const list = Array.isArray(out) ? out : [out];
  return list.map((v) => (typeof v === "number" ? v : (v.dataSync()[0] as number)));
};

/**
 * Mean loss and metric of `model` over `rows` of `xs`/`ys`, evaluated in chunks (weighted by their
 * sizes, so the result equals one pass over all rows).
 */
export function evaluateRows({ tf }: Training, model: LayersModel, xs: Tensor, ys: Tensor, rows: Int32Array, metric: MetricName): { loss: number; metric: number } {
  let loss = 0;
  let value = 0;
  for (let at = 0; at < rows.length; at += EVAL_CHUNK) {
    const part = rows.subarray(at, Math.min(rows.length, at + EVAL_CHUNK));
    const index = tf.tensor1d(part, "int32");
    const xs1 = tf.gather(xs, index);
    const ys1 = tf.gather(ys, index);
    const out = model.evaluate(xs1, ys1, { batchSize: Math.min(part.length, 512) }) as Tensor | Tensor[];
    const [l, m] = scalars(out);
    tf.dispose([index, xs1, ys1, ...(Array.isArray(out) ? out : [out])]);
    loss += l * part.length;
    value += (metric === "loss" ? l : m) * part.length;
  }
  return { loss: loss / rows.length, metric: value / rows.length };
}

/**
 * Trains `model` (compiled, with metrics `[metric]` unless the metric is the loss) for `epochs` and
 * returns what it measured. A run whose loss turns NaN or infinite stops: its later steps and epochs
 * are recorded as NaN.
 */
export async function trainRun(training: Training, model: LayersModel, data: RunData, o: RunOptions): Promise<RunTrace> {
  const { tf, adapter } = training;
  const optimizer = model.optimizer;
  const n = data.train.length;
  const perEpoch = stepsPerEpoch(n, o.batchSize);
  const epochs: EpochRecord[] = [];
  const losses: number[] = [];
  const lrs: number[] = [];
  let diverged = false;
  for (let e = 0; e < o.epochs; e++) {
    const started = performance.now();
    let lossSum = 0;
    let metricSum = 0;
    let seen = 0;
    let lr = NaN;
    if (!diverged) {
      const order = adapter.seededShuffle(n, shuffleSeed(o.seed, e));
      const batch = new Int32Array(o.batchSize);
      for (let b = 0; b < perEpoch; b++) {
        const step = e * perEpoch + b;
        const from = b * o.batchSize;
        const size = Math.min(o.batchSize, n - from);
        const rows = size === o.batchSize ? batch : new Int32Array(size);
        for (let i = 0; i < size; i++) rows[i] = data.train[order[from + i]];
        lr = o.rates.at(step);
        adapter.setLearningRate(optimizer, lr);
        const index = tf.tensor1d(rows, "int32");
        const xb = tf.gather(data.x, index);
        const yb = tf.gather(data.y, index);
        let out: number | number[];
        try {
          out = await model.trainOnBatch(xb, yb);
        } finally {
          tf.dispose([index, xb, yb]);
        }
        const [loss, metric] = scalars(out);
        losses.push(loss);
        lrs.push(lr);
        lossSum += loss * size;
        metricSum += (o.metric === "loss" ? loss : metric) * size;
        seen += size;
        o.onBatch?.({ epoch: e + 1, step, loss });
        await breathe();
        if (!Number.isFinite(loss)) {
          diverged = true;
          break;
        }
      }
    }
    let record: EpochRecord;
    if (diverged) {
      for (let s = losses.length; s < (e + 1) * perEpoch; s++) {
        losses.push(NaN);
        lrs.push(o.rates.at(s));
      }
      record = { epoch: e + 1, lr: lrs[lrs.length - 1], loss: NaN, metric: NaN, valLoss: NaN, valMetric: NaN, seconds: (performance.now() - started) / 1000 };
    } else {
      const val = evaluateRows(training, model, data.vx, data.vy, data.validation, o.metric);
      record = { epoch: e + 1, lr, loss: lossSum / seen, metric: metricSum / seen, valLoss: val.loss, valMetric: val.metric, seconds: (performance.now() - started) / 1000 };
    }
    epochs.push(record);
    if (!diverged) o.rates.endEpoch(e + 1, record);
    o.onEpoch?.(record);
  }
  return { epochs, steps: { loss: losses, lr: lrs } };
}
