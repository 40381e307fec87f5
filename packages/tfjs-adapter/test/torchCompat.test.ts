// Integration with the real @lrsched/torch-compat schedulers, when its build provides them
// (each case is skipped while the class is missing from the package's dist).
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lrScheduler, torchOptimizer, type TorchLikeScheduler } from "../src/index";
import { iris, mlp, recordRates, type Split } from "./data";

type SchedulerClass = new (optimizer: object, options: Record<string, unknown>) => TorchLikeScheduler;
const torch = (await import("@lrsched/torch-compat")) as Record<string, unknown>;
const cls = (name: string) => torch[name] as SchedulerClass | undefined;

let data: Split;
beforeAll(async () => {
  await tf.setBackend("cpu");
  data = iris();
});
afterAll(() => tf.dispose([data.xs, data.ys]));

/**
 * Trains with `make(torchOptimizer(opt))` stepping per batch and compares the rate of every batch
 * with a twin scheduler on a plain {paramGroups} object stepped in lockstep.
 */
async function lockstep(opt: tf.Optimizer, make: (o: object) => TorchLikeScheduler, group: Record<string, unknown>) {
  const model = mlp(4, 8, 3);
  model.compile({ optimizer: opt, loss: "categoricalCrossentropy" });
  const used = recordRates(opt);
  const scheduler = make(torchOptimizer(opt));
  const twin = make({ paramGroups: [{ ...group }] });
  const expected: number[] = [];
  for (let i = 0; i < 16; i++) {
    expected.push(twin.getLastLr()[0]);
    twin.step();
  }
  await model.fit(data.xs, data.ys, {
    epochs: 2, batchSize: 16, validationSplit: 0.2, shuffle: false, verbose: 0,
    callbacks: [lrScheduler(scheduler)],
  });
  expect(used.map(Math.fround)).toEqual(expected.map(Math.fround));
}

describe("with @lrsched/torch-compat", () => {
  it.skipIf(!cls("StepLR"))("StepLR per epoch", async () => {
    const opt = tf.train.sgd(0.1);
    const model = mlp(4, 8, 3);
    model.compile({ optimizer: opt, loss: "categoricalCrossentropy" });
    const StepLR = cls("StepLR")!;
    const scheduler = new StepLR(torchOptimizer(opt), { stepSize: 2, gamma: 0.5 });
    const history = await model.fit(data.xs, data.ys, {
      epochs: 5, batchSize: 16, validationSplit: 0.2, verbose: 0,
      callbacks: [lrScheduler(scheduler, { per: "epoch" })],
    });
    expect(history.history.lr).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it.skipIf(!cls("CosineAnnealingLR"))("CosineAnnealingLR per batch", async () => {
    const C = cls("CosineAnnealingLR")!;
    await lockstep(tf.train.adam(0.01), (o) => new C(o, { tMax: 10, etaMin: 0.001 }), { lr: 0.01, betas: [0.9, 0.999] });
  });
});
