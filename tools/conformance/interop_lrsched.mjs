// lrsched's side of generate_interop_fixtures.py: for each case read from stdin, build the
// scheduler with @lrsched/torch-compat (its dist/, so build first), take the first `at` steps and
// print the state dict and param groups lrsched saves there. Lambdas are named as in
// generate_torch_fixtures.py.
import { fromTorchConfig, saveParamGroups } from "../../packages/torch-compat/dist/index.js";
import { LAMBDAS } from "./lambdas.mjs";

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
