// lrsched's side of generate_interop_fixtures.py: for each case read from stdin, build the
// scheduler with @lrsched/torch-compat (its dist/, so build first), take the first `at` steps and
// print the state dict and param groups lrsched saves there. Lambdas are named as in
// generate_torch_fixtures.py.
import { fromTorchConfig, saveParamGroups } from "../../packages/torch-compat/dist/index.js";

const LAMBDAS = {
  "0.95**epoch": (e) => 0.95 ** e,
  "1/(epoch+1)": (e) => 1 / (e + 1),
  "min(1.0,(epoch+1)/5)": (e) => Math.min(1.0, (e + 1) / 5),
  "0.95": () => 0.95,
  "0.9 if epoch%2 else 1.0": (e) => (e % 2 ? 0.9 : 1.0),
  "1-0.01*epoch": (e) => 1 - 0.01 * e,
  "1/(2.0**(x-1))": (x) => 1 / 2.0 ** (x - 1),
  "1/(1+0.05*x)": (x) => 1 / (1 + 0.05 * x),
};

const CAMEL = { initial_lr: "initialLr", max_lr: "maxLr", min_lr: "minLr", max_momentum: "maxMomentum", base_momentum: "baseMomentum" };

function config(spec) {
  const out = { _target_: `torch.optim.lr_scheduler.${spec.class}` };
  for (const [k, v] of Object.entries(spec.kwargs)) {
    if (k === "lr_lambda" || k === "scale_fn") out[k] = Array.isArray(v) ? v.map((n) => LAMBDAS[n]) : LAMBDAS[v];
    else if (k === "schedulers") out[k] = v.map(config);
    else out[k] = v;
  }
  return out;
}

function run(c) {
  const optimizer = {
    paramGroups: c.optimizer.groups.map((g) => Object.fromEntries(Object.entries(g).map(([k, v]) => [CAMEL[k] ?? k, Array.isArray(v) ? [...v] : v]))),
  };
  const s = fromTorchConfig(config(c.scheduler), optimizer);
  for (const arg of c.steps.slice(0, c.at)) {
    if (arg === null) s.step();
    else s.step(arg);
  }
  return { state: s.stateDict(), groups: saveParamGroups(optimizer) };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(input).map(run))));
