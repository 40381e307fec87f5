// Every packed package, loaded with require() (its CommonJS build): the same export names as its ESM
// build (given as JSON on stdin), and the same pieces working together.
const assert = require("node:assert/strict");

const names = process.argv.slice(2);
const esm = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
for (const name of names) {
  const keys = Object.keys(require(name)).filter((k) => k !== "default" && k !== "__esModule").sort();
  assert.deepEqual(keys, esm[name], `${name}: require() and import give different exports`);
}

if (names.includes("@lrsched/ts-api")) {
  const { cosineDecay, fromSpec } = require("@lrsched/ts-api");
  const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, alpha: 0.01 });
  const again = fromSpec(JSON.parse(JSON.stringify(s.toSpec())));
  const a = s.curve(1000, { dtype: "float64" });
  const b = again.curve(1000, { dtype: "float64" });
  assert.ok(a instanceof Float64Array);
  assert.deepEqual(b, a);
  // within the core's accuracy contract of the formula (1e-6 relative)
  assert.ok(Math.abs(a[500] - s.at(500)) <= 1e-6 * s.at(500), `curve()[500] ${a[500]} vs at(500) ${s.at(500)}`);
}
if (names.includes("@lrsched/torch-compat")) {
  const { fromTorchConfig } = require("@lrsched/torch-compat");
  const optimizer = { paramGroups: [{ lr: 0.1 }] };
  const s = fromTorchConfig({ _target_: "torch.optim.lr_scheduler.ExponentialLR", gamma: 0.5 }, optimizer);
  s.step();
  assert.deepEqual(s.getLastLr(), [0.05]);
}
