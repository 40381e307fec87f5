import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "@lrsched/ts-api";
import { lrScheduler, reduceLROnPlateau } from "../src/index";
import { resolveLogs } from "../src/logs";
import { mlp, mnist, recordRates, type Split } from "./data";

// MNIST subset from the `mnist` package: 2000 training images (200 per digit), 500 test images.
// 2000 / 64 -> 32 batches per epoch.
const BATCH = 64;
const BATCHES = 32;
let train: Split;
let test: Split;

beforeAll(async () => {
  await tf.setBackend("cpu");
  ({ train, test } = mnist(200, 50));
});
afterAll(() => tf.dispose([train.xs, train.ys, test.xs, test.ys]));

function compiled(optimizer: tf.Optimizer): tf.Sequential {
  const model = mlp(784, 32, 10, 7);
  model.compile({ optimizer, loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

function accuracy(model: tf.LayersModel): number {
  return tf.tidy(() => {
    const pred = (model.predict(test.xs) as tf.Tensor).argMax(-1);
    return pred.equal(test.ys.argMax(-1)).mean().dataSync()[0];
  });
}

/**
 * Records tf.memory().numTensors at the start of every epoch. It reads the epoch's scalar logs at
 * epoch end (as any tfjs CustomCallback does), so History does not hold them as tensors until
 * fit returns: what remains counted is what the training loop and the callbacks keep.
 */
class TensorCount extends tf.Callback {
  readonly counts: number[] = [];
  override async onEpochBegin(): Promise<void> {
    this.counts.push(tf.memory().numTensors);
  }
  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    await resolveLogs(logs);
  }
}

describe("training an MNIST MLP", () => {
  it("warm-up + cosine: every batch uses schedule.at(globalStep); the model learns", async () => {
    const epochs = 3;
    const total = epochs * BATCHES;
    // Linear warm-up from 0 over the first 16 steps, then a half cosine to 0 at the last step.
    const schedule = api.warmupCosine({ learningRate: 0.1, warmupSteps: 16, totalSteps: total });
    const opt = tf.train.momentum(1, 0.9);
    const model = compiled(opt);
    const used = recordRates(opt);
    const history = await model.fit(train.xs, train.ys, {
      epochs,
      batchSize: BATCH,
      verbose: 0,
      callbacks: [lrScheduler(schedule)],
    });
    expect(used).toHaveLength(total);
    used.forEach((lr, step) => expect(lr, `step ${step}`).toBe(Math.fround(schedule.at(step))));
    expect(used[0]).toBe(0);
    expect(Math.max(...used)).toBe(Math.fround(0.1));
    expect(history.history.lr).toEqual([1, 2, 3].map((e) => schedule.at(e * BATCHES - 1)));
    expect(history.history.loss).toHaveLength(epochs);
    expect(accuracy(model)).toBeGreaterThan(0.75);
  });

  it("cyclic (triangular): every batch follows the cycle; the run completes with history", async () => {
    const schedule = api.cyclic({ baseLr: 0.001, maxLr: 0.01, stepSizeUp: 8, mode: "triangular" });
    const opt = tf.train.adam(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const history = await model.fit(train.xs, train.ys, {
      epochs: 2,
      batchSize: BATCH,
      validationData: [test.xs, test.ys],
      verbose: 0,
      callbacks: [lrScheduler(schedule)],
    });
    expect(used).toEqual(Array.from({ length: 2 * BATCHES }, (_, s) => schedule.at(s)));
    // Two full cycles of 16 steps per epoch: the peak at steps 8, 24, 40, 56.
    for (const peak of [8, 24, 40, 56]) expect(used[peak]).toBeCloseTo(0.01, 15);
    for (const trough of [0, 16, 32, 48]) expect(used[trough]).toBeCloseTo(0.001, 15);
    expect(history.history.lr).toHaveLength(2);
    expect(history.history.val_acc).toHaveLength(2);
    expect(accuracy(model)).toBeGreaterThan(0.75);
  });

  it("ReduceLROnPlateau on val_loss: completes with history, the rate only goes down", async () => {
    const model = compiled(tf.train.sgd(0.5));
    const cb = reduceLROnPlateau({ monitor: "val_loss", factor: 0.5, patience: 0, minLr: 0.05 });
    const history = await model.fit(train.xs, train.ys, {
      epochs: 4,
      batchSize: BATCH,
      validationData: [test.xs, test.ys],
      verbose: 0,
      callbacks: [cb],
    });
    const lrs = history.history.lr as number[];
    expect(lrs).toHaveLength(4);
    expect(lrs[0]).toBe(0.5);
    lrs.slice(1).forEach((lr, i) => expect(lr).toBeLessThanOrEqual(lrs[i]));
    expect(Math.min(...lrs)).toBeGreaterThanOrEqual(Math.fround(0.05));
    expect(history.history.val_loss).toHaveLength(4);
  });

  it("no tensor leaks per batch: tf.memory().numTensors is the same at every epoch start", async () => {
    // SGD's rate lives in a tensor that is replaced before every batch; ReduceLROnPlateau reads
    // and disposes the epoch's scalar logs.
    const schedule = api.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.8 });
    const sgd = compiled(tf.train.sgd(1));
    const counter = new TensorCount();
    await sgd.fit(train.xs, train.ys, {
      epochs: 4,
      batchSize: BATCH,
      validationData: [test.xs, test.ys],
      verbose: 0,
      callbacks: [lrScheduler(schedule), counter],
    });
    // Epoch 0 runs before the optimizer creates its state; from then on the count must not move.
    expect(new Set(counter.counts.slice(1)).size, `counts ${counter.counts}`).toBe(1);

    const plateau = compiled(tf.train.momentum(0.1, 0.9));
    const counter2 = new TensorCount();
    await plateau.fit(train.xs, train.ys, {
      epochs: 4,
      batchSize: BATCH,
      validationData: [test.xs, test.ys],
      verbose: 0,
      callbacks: [reduceLROnPlateau({ patience: 0, minDelta: 100 }), counter2],
    });
    expect(new Set(counter2.counts.slice(1)).size, `counts ${counter2.counts}`).toBe(1);
  });
});
