import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LrschedError } from "@lrsched/ts-api";
import { getLearningRate, torchOptimizer } from "../src/index";
import { StandInStepLR } from "./stepLR";

let eps: number;
beforeAll(async () => {
  await tf.setBackend("cpu");
  eps = tf.backend().epsilon();
});

describe("torchOptimizer", () => {
  it("paramGroups[0].lr reads and writes the tfjs optimizer", () => {
    const opt = tf.train.adam(0.001);
    const view = torchOptimizer(opt);
    expect(view.paramGroups).toHaveLength(1);
    expect(view.paramGroups[0].lr).toBe(0.001);
    view.paramGroups[0].lr = 0.02;
    expect(getLearningRate(opt)).toBe(0.02);
    expect(view.optimizer).toBe(opt);
    expect(view.defaults).toEqual({ lr: 0.001, betas: [0.9, 0.999] });
    expect(() => (view.paramGroups[0].lr = -1)).toThrowError(LrschedError);
  });

  it("the same optimizer gives the same view; bookkeeping keys stay on the group", () => {
    const opt = tf.train.sgd(0.1);
    torchOptimizer(opt).paramGroups[0].initialLr = 0.1;
    expect(torchOptimizer(opt)).toBe(torchOptimizer(opt));
    expect(torchOptimizer(opt).paramGroups[0].initialLr).toBe(0.1);
  });

  it("exposes momentum or betas exactly where the optimizer has them", () => {
    const keys = (o: tf.Optimizer) => Object.keys(torchOptimizer(o).paramGroups[0]).sort();
    expect(keys(tf.train.sgd(0.1))).toEqual(["lr"]);
    expect(keys(tf.train.momentum(0.1, 0.9))).toEqual(["lr", "momentum"]);
    expect(keys(tf.train.rmsprop(0.1, 0.9, 0.3))).toEqual(["lr", "momentum"]);
    expect(keys(tf.train.adam())).toEqual(["betas", "lr"]);
    expect(keys(tf.train.adamax())).toEqual(["betas", "lr"]);
    expect(keys(tf.train.adagrad(0.1))).toEqual(["lr"]);
    expect(keys(tf.train.adadelta())).toEqual(["lr"]);
    expect(torchOptimizer(tf.train.rmsprop(0.1, 0.9, 0.3)).paramGroups[0].momentum).toBe(0.3);
  });

  it("setting momentum on tf.train.momentum changes the next update (the cached tensor too)", () => {
    const opt = tf.train.momentum(0.1, 0.9);
    const group = torchOptimizer(opt).paramGroups[0];
    const w = tf.variable(tf.tensor1d([1, 2]));
    const g = tf.tensor1d([0.5, -1]);
    opt.applyGradients([{ name: w.name, tensor: g }]); // acc = g
    const before = tf.memory().numTensors;
    group.momentum = 0.5;
    expect(tf.memory().numTensors).toBe(before);
    opt.applyGradients([{ name: w.name, tensor: g }]); // acc = 0.5 g + g
    const expected = [1, 2].map((w0, i) => w0 - 0.1 * [0.5, -1][i] - 0.1 * 1.5 * [0.5, -1][i]);
    const actual = w.dataSync();
    expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 6));
    expect(group.momentum).toBe(0.5);
    expect(() => (group.momentum = -0.1)).toThrowError(/^momentum must be a finite number >= 0/);
    tf.dispose([w, g]);
    opt.dispose();
  });

  it("setting betas on tf.train.adam changes the next update", () => {
    const opt = tf.train.adam(0.1, 0.9, 0.999);
    const group = torchOptimizer(opt).paramGroups[0];
    const w = tf.variable(tf.tensor1d([1]));
    const g = tf.tensor1d([0.5]);
    opt.applyGradients([{ name: w.name, tensor: g }]);
    const w1 = w.dataSync()[0];
    group.betas = [0.5, 0.9];
    expect(group.betas).toEqual([0.5, 0.9]);
    opt.applyGradients([{ name: w.name, tensor: g }]);
    // Moments use the new betas; tfjs's bias correction uses the running product of the betas
    // in force at each step (0.9 then 0.9 * 0.5 after this step), here 1 - 0.9^2 for step 2.
    const m = 0.5 * (0.1 * 0.5) + 0.5 * 0.5;
    const v = 0.9 * (0.001 * 0.25) + 0.1 * 0.25;
    const expected = w1 - (0.1 * (m / (1 - 0.81))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + eps);
    expect(w.dataSync()[0]).toBeCloseTo(expected, 5);
    expect(() => (group.betas = [0.9] as never)).toThrowError(/^betas must be a pair/);
    expect(() => (group.betas = [0.9, 1])).toThrowError(/^betas\[1\] must be a finite number < 1/);
    tf.dispose([w, g]);
    opt.dispose();
  });

  it("a torch-style scheduler (structural stand-in for StepLR) drives the tfjs optimizer", () => {
    const opt = tf.train.sgd(0.2);
    const scheduler = new StandInStepLR(torchOptimizer(opt), { stepSize: 2, gamma: 0.5 });
    const rates = [getLearningRate(opt)];
    for (let i = 0; i < 4; i++) {
      scheduler.step();
      rates.push(getLearningRate(opt));
    }
    expect(rates).toEqual([0.2, 0.2, 0.1, 0.1, 0.05]);
    expect(torchOptimizer(opt).paramGroups[0].initialLr).toBe(0.2);
  });

  it("rejects a non-optimizer", () => {
    expect(() => torchOptimizer({} as tf.Optimizer)).toThrowError(LrschedError);
  });
});
