import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LrschedError, exponentialDecay, piecewiseConstantDecay, polynomialDecay } from "@lrsched/ts-api";
import { getLearningRate, lrScheduler, torchOptimizer } from "../src/index";
import { iris, mlp, recordRates, type Split } from "./data";
import { StandInStepLR } from "./stepLR";

// Iris: 150 rows; validationSplit 0.2 leaves 120 for training, 8 batches of 16 per epoch.
const BATCH = 16;
const BATCHES_PER_EPOCH = 8;
let data: Split;

beforeAll(async () => {
  await tf.setBackend("cpu");
  data = iris();
});
afterAll(() => tf.dispose([data.xs, data.ys]));

function compiled(optimizer: tf.Optimizer): tf.Sequential {
  const model = mlp(4, 8, 3);
  model.compile({ optimizer, loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

const fitArgs = { batchSize: BATCH, validationSplit: 0.2, verbose: 0 as const, shuffle: false };

describe("lrScheduler with a schedule", () => {
  it("per batch: the rate of every step is schedule.at(globalStep), logged per epoch", async () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 5, decayRate: 0.9 });
    const opt = tf.train.sgd(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const cb = lrScheduler(schedule);
    const history = await model.fit(data.xs, data.ys, { ...fitArgs, epochs: 5, callbacks: [cb] });

    const steps = 5 * BATCHES_PER_EPOCH;
    expect(used).toHaveLength(steps);
    used.forEach((lr, step) => expect(lr).toBe(Math.fround(schedule.at(step))));
    expect(cb.step).toBe(steps);
    expect(history.history.lr).toEqual([0, 1, 2, 3, 4].map((e) => schedule.at((e + 1) * BATCHES_PER_EPOCH - 1)));
    expect(history.history.loss).toHaveLength(5);
    expect(history.history.val_loss).toHaveLength(5);
  });

  it("per batch: the step carries on across fit calls and starts at initialStep", async () => {
    const schedule = polynomialDecay({ initialLearningRate: 0.05, decaySteps: 100, endLearningRate: 0.001 });
    const opt = tf.train.adam(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const cb = lrScheduler(schedule, { initialStep: 10 });
    await model.fit(data.xs, data.ys, { ...fitArgs, epochs: 1, callbacks: [cb] });
    await model.fit(data.xs, data.ys, { ...fitArgs, epochs: 2, callbacks: [cb] });
    expect(used).toEqual(Array.from({ length: 3 * BATCHES_PER_EPOCH }, (_, i) => schedule.at(10 + i)));
    expect(getLearningRate(opt)).toBe(schedule.at(10 + 3 * BATCHES_PER_EPOCH - 1));
  });

  it("per epoch: the rate is schedule.at(epoch), with fit's epoch numbers (initialEpoch resumes)", async () => {
    const schedule = piecewiseConstantDecay({ boundaries: [1, 3], values: [0.1, 0.05, 0.01] });
    const opt = tf.train.rmsprop(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const history = await model.fit(data.xs, data.ys, {
      ...fitArgs,
      initialEpoch: 2,
      epochs: 5,
      callbacks: [lrScheduler(schedule, { per: "epoch" })],
    });
    const expected = [2, 3, 4].flatMap((e) => Array(BATCHES_PER_EPOCH).fill(schedule.at(e)));
    expect(used).toEqual(expected);
    // Keras's boundaries are inclusive on the left piece: at(3) is still 0.05.
    expect(history.history.lr).toEqual([0.05, 0.05, 0.01]);
  });

  it("drives fitDataset too", async () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.2, decaySteps: 3, decayRate: 0.5, staircase: true });
    const opt = tf.train.sgd(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const ds = tf.data
      .zip({ xs: tf.data.array(data.xs.arraySync()), ys: tf.data.array(data.ys.arraySync()) })
      .batch(30);
    const history = await model.fitDataset(ds, { epochs: 3, verbose: 0, callbacks: [lrScheduler(schedule)] });
    expect(used).toEqual(Array.from({ length: 15 }, (_, i) => Math.fround(schedule.at(i))));
    expect(history.history.lr).toEqual([4, 9, 14].map((s) => schedule.at(s)));
  });

  it("accepts a plain function of the step", async () => {
    const opt = tf.train.adagrad(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    await model.fit(data.xs, data.ys, { ...fitArgs, epochs: 1, callbacks: [lrScheduler((s) => 0.01 * (s + 1))] });
    expect(used).toEqual(Array.from({ length: BATCHES_PER_EPOCH }, (_, i) => 0.01 * (i + 1)));
  });

  it("verbose prints the rate once per epoch", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const model = compiled(tf.train.sgd(1));
    await model.fit(data.xs, data.ys, {
      ...fitArgs,
      epochs: 2,
      callbacks: [lrScheduler((s) => 1 / (s + 1), { verbose: true })],
    });
    const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("lrScheduler"));
    log.mockRestore();
    expect(lines).toEqual([
      "Epoch 1: lrScheduler setting learning rate to 1 (step 0).",
      `Epoch 2: lrScheduler setting learning rate to ${1 / 9} (step 8).`,
    ]);
  });
});

describe("lrScheduler with a torch-compat scheduler (structural stand-in)", () => {
  it("per epoch: getLastLr() before each epoch, step() after it", async () => {
    const opt = tf.train.momentum(0.1, 0.9);
    const model = compiled(opt);
    const used = recordRates(opt);
    const scheduler = new StandInStepLR(torchOptimizer(opt), { stepSize: 2, gamma: 0.5 });
    const history = await model.fit(data.xs, data.ys, {
      ...fitArgs,
      epochs: 5,
      callbacks: [lrScheduler(scheduler, { per: "epoch" })],
    });
    const perEpoch = [0.1, 0.1, 0.05, 0.05, 0.025];
    expect(history.history.lr).toEqual(perEpoch);
    expect(used).toEqual(perEpoch.flatMap((lr) => Array(BATCHES_PER_EPOCH).fill(Math.fround(lr))));
    expect(scheduler.lastEpoch).toBe(5);
  });

  it("per batch, driving a detached {paramGroups} object: the rate still reaches the model", async () => {
    const opt = tf.train.sgd(1);
    const model = compiled(opt);
    const used = recordRates(opt);
    const scheduler = new StandInStepLR({ paramGroups: [{ lr: 0.3 }] }, { stepSize: 4, gamma: 0.1 });
    await model.fit(data.xs, data.ys, { ...fitArgs, epochs: 1, callbacks: [lrScheduler(scheduler)] });
    expect(used).toEqual([0.3, 0.3, 0.3, 0.3, 0.03, 0.03, 0.03, 0.03].map(Math.fround));
  });
});

describe("lrScheduler with a plateau-style torch scheduler", () => {
  it("per epoch with metric: step(logs[metric]) receives the epoch's value as a number", async () => {
    const seen: (number | undefined)[] = [];
    let lr = 0.2;
    const plateau = {
      step(metric?: number) {
        seen.push(metric);
        lr /= 2;
      },
      getLastLr: () => [lr],
    };
    const model = compiled(tf.train.sgd(1));
    const history = await model.fit(data.xs, data.ys, {
      ...fitArgs,
      epochs: 3,
      callbacks: [lrScheduler(plateau, { per: "epoch", metric: "val_loss" })],
    });
    expect(seen).toEqual(history.history.val_loss);
    expect(history.history.lr).toEqual([0.2, 0.1, 0.05]);
  });
});

describe("lrScheduler validation", () => {
  it("rejects what it cannot drive, with LrschedError", () => {
    expect(() => lrScheduler({} as never)).toThrowError(/^schedule must be a schedule/);
    expect(() => lrScheduler(() => 1, { per: "week" as never })).toThrowError(/^per must be one of 'batch', 'epoch', got "week"$/);
    expect(() => lrScheduler(() => 1, { perr: "batch" } as never)).toThrowError(/^options\.perr is not an option/);
    expect(() => lrScheduler(() => 1, { initialStep: -1 })).toThrowError(LrschedError);
    expect(() => lrScheduler(() => 1, { metric: "val_loss" })).toThrowError(/^metric applies only/);
  });

  it("a schedule that yields a bad rate fails the fit with LrschedError", async () => {
    const model = compiled(tf.train.sgd(0.1));
    const fit = model.fit(data.xs, data.ys, { ...fitArgs, epochs: 1, callbacks: [lrScheduler((s) => (s < 3 ? 0.1 : -1))] });
    await expect(fit).rejects.toThrowError(/^schedule at step 3 must be a finite number >= 0, got -1$/);
  });
});
