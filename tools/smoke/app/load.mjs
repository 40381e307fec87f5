// Every packed package, imported as ESM from the app's node_modules: each has named exports, and the
// packages work together (a schedule's curve from the WASM core, a PyTorch scheduler on its own
// optimizer, a rate set on a TensorFlow.js optimizer). Prints the export names as JSON for load.cjs.
import assert from "node:assert/strict";

/** Within `rel` relative of `expected`. */
const near = (actual, expected, rel, what) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual}, expected ${expected}`);

const names = process.argv.slice(2);
const exported = {};
for (const name of names) {
  const m = await import(name);
  exported[name] = Object.keys(m).filter((k) => k !== "default").sort();
  assert.ok(exported[name].length > 0, `${name} has no named exports`);
}

if (names.includes("@lrsched/ts-api")) {
  const { exponentialDecay } = await import("@lrsched/ts-api");
  const seed = exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100_000, decayRate: 0.8, staircase: true });
  const curve = seed.curve(300_000, { start: 0 });
  assert.ok(curve instanceof Float32Array && curve.length === 300_000);
  near(seed.at(250_000), 0.096, 1e-12, "at(250000)"); // 0.15 * 0.8^floor(2.5)
  near(curve[250_000], 0.096, 1e-6, "curve()[250000]");
}
if (names.includes("@lrsched/torch-compat")) {
  const { StepLR } = await import("@lrsched/torch-compat");
  const optimizer = { paramGroups: [{ lr: 0.1 }] };
  const s = new StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
  for (let i = 0; i < 4; i++) s.step();
  assert.equal(optimizer.paramGroups[0].lr, 0.025);
}
if (names.includes("@lrsched/tfjs-adapter")) {
  const tf = await import("@tensorflow/tfjs");
  const { getLearningRate, setLearningRate } = await import("@lrsched/tfjs-adapter");
  const opt = tf.train.sgd(0.1);
  setLearningRate(opt, 0.01);
  assert.equal(getLearningRate(opt), 0.01);
}
process.stdout.write(JSON.stringify(exported));
