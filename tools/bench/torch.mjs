// torch-compat: the PyTorch-style classes stepped one step at a time, against the core curve of
// the same schedule (its toSchedule(), or the ts-api closed form when the class has none).
import * as T from "@lrsched/torch-compat";
import * as L from "@lrsched/ts-api";
import { median, nsPer, timeOnce } from "./timing.mjs";

const optimizer = () => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });

/**
 * Each class with options sized for `steps` steps. `kwargs` are PyTorch's (snake_case) for the
 * Python peer, which builds the same scheduler; `lambda` names one of peer.py's lambdas.
 */
export function torchCases(steps) {
  const lam = (e) => Math.pow(0.999999, e);
  return [
    { cls: "StepLR", make: (o) => new T.StepLR(o, { stepSize: steps / 10, gamma: 0.5 }), kwargs: { step_size: steps / 10, gamma: 0.5 } },
    { cls: "MultiStepLR", make: (o) => new T.MultiStepLR(o, { milestones: [steps * 0.3, steps * 0.6, steps * 0.9], gamma: 0.1 }), kwargs: { milestones: [steps * 0.3, steps * 0.6, steps * 0.9], gamma: 0.1 } },
    { cls: "ConstantLR", make: (o) => new T.ConstantLR(o, { factor: 1 / 3, totalIters: steps / 10 }), kwargs: { factor: 1 / 3, total_iters: steps / 10 } },
    { cls: "LinearLR", make: (o) => new T.LinearLR(o, { startFactor: 0.01, totalIters: steps / 10 }), kwargs: { start_factor: 0.01, total_iters: steps / 10 } },
    { cls: "ExponentialLR", make: (o) => new T.ExponentialLR(o, { gamma: 0.999999 }), kwargs: { gamma: 0.999999 } },
    { cls: "PolynomialLR", make: (o) => new T.PolynomialLR(o, { totalIters: steps, power: 2 }), kwargs: { total_iters: steps, power: 2 } },
    {
      cls: "CosineAnnealingLR", make: (o) => new T.CosineAnnealingLR(o, { tMax: steps / 4, etaMin: 0.001 }), kwargs: { T_max: steps / 4, eta_min: 0.001 },
      closedForm: () => L.cosineAnnealing({ initialLearningRate: 0.1, tMax: steps / 4, etaMin: 0.001 }),
    },
    { cls: "CosineAnnealingWarmRestarts", make: (o) => new T.CosineAnnealingWarmRestarts(o, { t0: steps / 100, tMult: 2 }), kwargs: { T_0: steps / 100, T_mult: 2 } },
    { cls: "CyclicLR", make: (o) => new T.CyclicLR(o, { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 2000 }), kwargs: { base_lr: 0.001, max_lr: 0.1, step_size_up: 2000 } },
    // PyTorch's constructor takes step 0 and OneCycleLR refuses steps past totalSteps
    { cls: "OneCycleLR", make: (o) => new T.OneCycleLR(o, { maxLr: 0.1, totalSteps: steps + 1 }), kwargs: { max_lr: 0.1, total_steps: steps + 1 } },
    { cls: "LambdaLR", make: (o) => new T.LambdaLR(o, { lrLambda: lam }), kwargs: { lr_lambda: "pow" } },
    { cls: "MultiplicativeLR", make: (o) => new T.MultiplicativeLR(o, { lrLambda: () => 0.999999 }), kwargs: { lr_lambda: "const" } },
    { cls: "ReduceLROnPlateau", make: (o) => new T.ReduceLROnPlateau(o, { patience: 100 }), kwargs: { patience: 100 }, metric: true },
    {
      cls: "SequentialLR",
      make: (o) => new T.SequentialLR(o, {
        schedulers: [new T.LinearLR(o, { startFactor: 0.01, totalIters: steps / 10 }), new T.CosineAnnealingLR(o, { tMax: steps })],
        milestones: [steps / 10],
      }),
      kwargs: { linear_total_iters: steps / 10, cosine_T_max: steps, milestone: steps / 10 },
    },
    {
      cls: "ChainedScheduler",
      make: (o) => new T.ChainedScheduler(o, {
        schedulers: [new T.ConstantLR(o, { factor: 0.5, totalIters: steps / 10 }), new T.ExponentialLR(o, { gamma: 0.999999 })],
      }),
      kwargs: { constant_total_iters: steps / 10, gamma: 0.999999 },
    },
  ];
}

/** The core schedule of a case, or null when there is no closed form. */
function coreSchedule(c) {
  if (c.closedForm) return c.closedForm();
  const probe = c.make(optimizer());
  if (typeof probe.toSchedule !== "function") return null;
  try {
    return probe.toSchedule();
  } catch {
    return null; // e.g. SequentialLR whose children have no closed form
  }
}

export function measureTorch({ steps, reps, curveSteps }, log) {
  const results = [];
  for (const c of torchCases(steps)) {
    const run = () => {
      const o = optimizer();
      const sch = c.make(o);
      if (c.metric) for (let i = 0; i < steps; i++) sch.step(1);
      else for (let i = 0; i < steps; i++) sch.step();
      return o.paramGroups[0].lr;
    };
    run(); // warm
    const ms = [];
    for (let r = 0; r < reps; r++) ms.push(timeOnce(run));
    const r = { cls: c.cls, stepNs: nsPer(median(ms), steps), coreNs: null, form: null };
    const s = coreSchedule(c);
    if (s) {
      r.form = s.type;
      const n = Math.min(curveSteps, s.maxStep + 1);
      // into a touched, preallocated array: stepping allocates nothing either
      const out = new Float32Array(n).fill(0);
      s.curve(n, { out });
      const cm = [];
      for (let i = 0; i < reps + 2; i++) cm.push(timeOnce(() => s.curve(n, { out })));
      r.coreNs = nsPer(median(cm), n);
    }
    results.push(r);
    log(`${c.cls.padEnd(28)} ${r.stepNs.toFixed(1)} ns/step` + (r.coreNs ? `  core ${r.coreNs.toFixed(2)} ns/step (${r.form})` : ""));
  }
  return results;
}
