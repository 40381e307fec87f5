import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cosineDecay } from "@lrsched/ts-api";
import { lrScheduler } from "../src/index";
import { iris, type Split } from "./data";

// A linear model y = xW + b under mean squared error, trained by model.fit with one batch per
// epoch: every epoch is exactly one SGD step, W <- W - lr * dL/dW, with lr = schedule.at(step).
// The gradient is computed here in float64, independently of tfjs.

let data: Split;
beforeAll(async () => {
  await tf.setBackend("cpu");
  data = iris();
});
afterAll(() => tf.dispose([data.xs, data.ys]));

function gradients(x: number[][], y: number[][], w: number[][], b: number[]) {
  const n = x.length;
  const k = b.length;
  const dW = w.map((row) => row.map(() => 0));
  const db = b.map(() => 0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      let pred = b[j];
      for (let f = 0; f < x[i].length; f++) pred += x[i][f] * w[f][j];
      const r = (2 * (pred - y[i][j])) / (n * k);
      db[j] += r;
      for (let f = 0; f < x[i].length; f++) dW[f][j] += r * x[i][f];
    }
  }
  return { dW, db };
}

it("each fit step moves the weights by exactly -schedule.at(step) * gradient", async () => {
  const schedule = cosineDecay({ initialLearningRate: 0.4, decaySteps: 4 });
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })],
  });
  model.compile({ optimizer: tf.train.sgd(123), loss: "meanSquaredError" });
  const x = data.xs.arraySync();
  const y = data.ys.arraySync();
  const cb = lrScheduler(schedule);

  for (let step = 0; step < 4; step++) {
    const [wT, bT] = model.getWeights();
    const w = wT.arraySync() as number[][];
    const b = bT.arraySync() as number[];
    const { dW, db } = gradients(x, y, w, b);
    await model.fit(data.xs, data.ys, { epochs: 1, batchSize: 150, shuffle: false, verbose: 0, callbacks: [cb] });
    const lr = schedule.at(step);
    const [w2, b2] = model.getWeights().map((t) => t.arraySync()) as [number[][], number[]];
    for (let f = 0; f < 4; f++) {
      for (let j = 0; j < 3; j++) expect(w2[f][j]).toBeCloseTo(w[f][j] - lr * dW[f][j], 5);
    }
    for (let j = 0; j < 3; j++) expect(b2[j]).toBeCloseTo(b[j] - lr * db[j], 5);
    // Under the optimizer's construction rate (123) the step would have been far larger.
    expect(Math.abs(w2[0][0] - w[0][0])).toBeLessThan(Math.abs(123 * dW[0][0]) / 100);
  }
  expect(cb.step).toBe(4);
});
