import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LrschedError } from "@lrsched/ts-api";
import { getLearningRate, reduceLROnPlateau, type ReduceLROnPlateauOptions } from "../src/index";
import { iris, mlp, recordRates, type Split } from "./data";

let data: Split;
beforeAll(async () => {
  await tf.setBackend("cpu");
  data = iris();
});
afterAll(() => tf.dispose([data.xs, data.ys]));

function compiled(lr: number): tf.Sequential {
  const model = mlp(4, 8, 3);
  model.compile({ optimizer: tf.train.sgd(lr), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

/** Feeds `values` as `monitor` to the callback's epoch ends; returns the logged rates. */
async function drive(options: ReduceLROnPlateauOptions, values: number[], lr = 0.1) {
  const model = compiled(lr);
  const cb = reduceLROnPlateau(options);
  cb.setModel(model);
  await cb.onTrainBegin();
  const lrs: unknown[] = [];
  const waits: number[] = [];
  for (const [epoch, value] of values.entries()) {
    const logs: Record<string, unknown> = { [options.monitor ?? "val_loss"]: value };
    await cb.onEpochEnd(epoch, logs);
    lrs.push(logs.lr);
    waits.push(cb.wait);
  }
  return { cb, lrs, waits, optimizer: model.optimizer };
}

const f32 = Math.fround;

describe("reduceLROnPlateau follows Keras step by step", () => {
  it("has Keras's defaults", () => {
    const cb = reduceLROnPlateau();
    expect([cb.monitor, cb.factor, cb.patience, cb.minDelta, cb.mode, cb.cooldown, cb.minLr]).toEqual([
      "val_loss", 0.1, 10, 1e-4, "min", 0, 0,
    ]);
    expect(cb.best).toBe(Infinity);
  });

  it("patience, cooldown and the minLr floor (traced by hand from Keras's on_epoch_end)", async () => {
    const values = [1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95];
    const { cb, lrs, waits, optimizer } = await drive(
      { factor: 0.5, patience: 2, cooldown: 1, minLr: 0.02 },
      values,
    );
    // The logged rate is the one in force during the epoch (before any reduction at its end).
    expect(lrs).toEqual([0.1, 0.1, 0.1, 0.1, f32(0.05), f32(0.05), f32(0.025), f32(0.025), f32(0.02), f32(0.02), f32(0.02)]);
    expect(waits).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 1, 2, 3]);
    expect(cb.best).toBe(0.9);
    // At the floor no further reduction happens, and wait keeps counting (as in Keras).
    expect(getLearningRate(optimizer)).toBe(f32(0.02));
  });

  it("a change smaller than minDelta is not an improvement", async () => {
    const { lrs, waits } = await drive({ patience: 2, factor: 0.1, minDelta: 0.01 }, [1.0, 0.995, 0.992, 0.5]);
    expect(waits).toEqual([0, 1, 0, 0]);
    expect(lrs).toEqual([0.1, 0.1, 0.1, f32(f32(0.1) * 0.1)]);
  });

  it("mode auto maximises a metric whose name contains 'acc'", async () => {
    const { cb, lrs } = await drive({ monitor: "val_acc", patience: 1, factor: 0.5 }, [0.5, 0.6, 0.6, 0.7, 0.65]);
    expect(cb.mode).toBe("max");
    expect(cb.best).toBe(0.7);
    expect(lrs).toEqual([0.1, 0.1, 0.1, f32(0.05), f32(0.05)]);
  });

  it("mode max / min override auto", async () => {
    expect(reduceLROnPlateau({ monitor: "val_acc", mode: "min" }).mode).toBe("min");
    expect(reduceLROnPlateau({ monitor: "loss", mode: "max" }).mode).toBe("max");
  });

  it("warns and only logs lr when the metric is missing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const model = compiled(0.1);
    const cb = reduceLROnPlateau({ patience: 0 });
    cb.setModel(model);
    await cb.onTrainBegin();
    const logs: Record<string, unknown> = { loss: 1 };
    await cb.onEpochEnd(0, logs);
    expect(warn.mock.calls[0][0]).toMatch(/`val_loss` which is not available\. Available metrics are: loss,lr\./);
    warn.mockRestore();
    expect(logs.lr).toBe(0.1);
    expect(getLearningRate(model.optimizer)).toBe(0.1);
  });

  it("training begin resets best, wait and cooldown", async () => {
    const { cb } = await drive({ patience: 5, cooldown: 3 }, [1, 2, 2]);
    expect(cb.wait).toBe(2);
    await cb.onTrainBegin();
    expect([cb.best, cb.wait, cb.cooldownLeft]).toEqual([Infinity, 0, 0]);
  });

  it("verbose prints Keras's message", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await drive({ patience: 1, factor: 0.5, verbose: 1 }, [1, 1]);
    expect(log.mock.calls.map((c) => c[0])).toEqual([`\nEpoch 2: ReduceLROnPlateau reducing learning rate to ${f32(0.05)}.`]);
    log.mockRestore();
  });

  it("rejects bad options with LrschedError", () => {
    expect(() => reduceLROnPlateau({ factor: 1 })).toThrowError(/^factor must be a finite number < 1, got 1$/);
    expect(() => reduceLROnPlateau({ factor: -0.5 })).toThrowError(LrschedError);
    expect(() => reduceLROnPlateau({ patience: 1.5 })).toThrowError(/^patience must be an integer/);
    expect(() => reduceLROnPlateau({ cooldown: -1 })).toThrowError(LrschedError);
    expect(() => reduceLROnPlateau({ minLr: -1 })).toThrowError(LrschedError);
    expect(() => reduceLROnPlateau({ mode: "up" as never })).toThrowError(/^mode must be one of 'auto', 'min', 'max'/);
    expect(() => reduceLROnPlateau({ monitor: "" })).toThrowError(LrschedError);
    expect(() => reduceLROnPlateau({ min_lr: 0 } as never)).toThrowError(/^options\.min_lr is not an option/);
  });
});

describe("reduceLROnPlateau in model.fit on iris", () => {
  it("reduces on the real val_loss, and history holds the rate of every epoch", async () => {
    const model = compiled(0.1);
    const used = recordRates(model.optimizer);
    // minDelta 10: after the first epoch nothing counts as an improvement, so the rate halves
    // every 2 epochs whatever the losses are.
    const cb = reduceLROnPlateau({ factor: 0.5, patience: 2, minDelta: 10 });
    const history = await model.fit(data.xs, data.ys, {
      epochs: 7,
      batchSize: 16,
      validationSplit: 0.2,
      shuffle: false,
      verbose: 0,
      callbacks: [cb],
    });
    const expected = [0.1, 0.1, 0.1, f32(0.05), f32(0.05), f32(0.025), f32(0.025)];
    expect(history.history.lr).toEqual(expected);
    expect(history.history.val_loss.every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
    expect(cb.best).toBe(history.history.val_loss[0]);
    // The rate the optimizer really used in each epoch's 8 batches is the logged one.
    expect(used).toEqual(expected.flatMap((lr) => Array(8).fill(f32(lr))));
  });
});
