// One training run: a fresh seeded model, a schedule driving the rate before every batch, data
// shuffled per epoch with a seeded order, metrics per epoch.
import type { Schedule } from "@lrsched/ts-api";
import type { MnistData } from "./mnist";
import { buildModel, type ModelSpec } from "./model";
import type { Training } from "./tfjs";

/** What one epoch ended with. NaN when training diverged. */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Rate of the epoch's last batch. */
  readonly lr: number;
  readonly loss: number;
  readonly acc: number;
  readonly valLoss: number;
  readonly valAcc: number;
  /** Wall-clock seconds of the epoch, validation included. */
  readonly seconds: number;
}

export interface RunOptions {
  readonly model: ModelSpec;
  readonly schedule: Schedule;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly onEpoch?: (record: EpochRecord) => void;
}

/** Seed of epoch `e`'s batch order: distinct per (run seed, epoch). */
export const shuffleSeed = (seed: number, epoch: number) => (seed * 7919 + epoch) | 0;

/**
 * A callback that lets the event loop turn after every batch. Without it a whole fit runs in
 * microtasks, and Ctrl-C (whose handler removes temp files) would wait for the run to end.
 */
export function breathe(tf: Training["tf"]) {
  return new tf.CustomCallback({ onBatchEnd: () => new Promise<void>((resolve) => setImmediate(resolve)) });
}

/** Trains a fresh model under `schedule` and returns one record per epoch. */
export async function trainRun({ tf, adapter }: Training, data: MnistData, o: RunOptions): Promise<EpochRecord[]> {
  const model = buildModel(tf, o.model, o.seed);
  const callback = adapter.lrScheduler(o.schedule, { per: "batch" });
  const responsive = breathe(tf);
  const records: EpochRecord[] = [];
  try {
    for (let e = 0; e < o.epochs; e++) {
      const started = performance.now();
      const order = tf.tensor1d(adapter.seededShuffle(data.train.count, shuffleSeed(o.seed, e)), "int32");
      const xs = tf.gather(data.train.xs, order);
      const ys = tf.gather(data.train.ys, order);
      order.dispose();
      let h: Record<string, unknown[]>;
      try {
        const history = await model.fit(xs, ys, {
          epochs: e + 1,
          initialEpoch: e,
          batchSize: o.batchSize,
          shuffle: false, // the order above is the shuffle, repeatable from the seed
          validationData: [data.validation.xs, data.validation.ys],
          verbose: 0,
          callbacks: [callback, responsive],
        });
        h = history.history as Record<string, unknown[]>;
      } finally {
        xs.dispose();
        ys.dispose();
      }
      const num = (key: string) => {
        const v = h[key]?.[0];
        return typeof v === "number" ? v : NaN;
      };
      const record: EpochRecord = {
        epoch: e + 1,
        lr: num("lr"),
        loss: num("loss"),
        acc: num("acc"),
        valLoss: num("val_loss"),
        valAcc: num("val_acc"),
        seconds: (performance.now() - started) / 1000,
      };
      records.push(record);
      o.onEpoch?.(record);
    }
  } finally {
    // a model disposes only optimizers it made from a name; this one was passed in
    model.optimizer?.dispose();
    model.dispose();
  }
  return records;
}
