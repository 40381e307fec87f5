// The core plans of transformers' closed forms (what curve() runs), phase by phase: the same
// values as lambdas.ts times the rate, up to the core's accuracy contract.
import { Op, planNode, type PlanNode } from "@lrsched/core";
import { sequencePlan } from "../pieces";
import { rampPlan } from "../ramp";
import type { HfArgs, Shape } from "./lambdas";

interface Phase {
  readonly steps: number;
  readonly plan: PlanNode;
}

const constant = (v: number) => planNode(Op.Constant, [v]);
/** The child sees its local step plus `offset`. */
const shifted = (offset: number, plan: PlanNode) => (offset === 0 ? plan : planNode(Op.Shift, [offset], [plan]));

/** from + (to - from) (1 - cos(pi cycles 2 x / span)) / 2: a cosine of `cycles` periods over span. */
const cosineWave = (from: number, to: number, span: number, cycles: number) =>
  cycles === 0 ? constant(from) : rampPlan("cosine", from, to, span / (2 * cycles));

/** warmup_stable_decay's warm-up from floor to lr over max(1, W) steps. */
function rise(shape: Shape, floor: number, lr: number, w: number): PlanNode {
  const m = Math.max(1, w);
  if (shape !== "1-sqrt") return rampPlan(shape, floor, lr, m);
  // 1 - sqrt(1 - p) is the 1-sqrt decay from lr to floor read backwards: start it m steps early
  // and count its steps down (p' = (x - m) / -m = 1 - p)
  return shifted(-m, rampPlan("1-sqrt", lr, floor, -m));
}

function fall(shape: Shape, lr: number, floor: number, d: number, cycles: number): PlanNode {
  const m = Math.max(1, d);
  return shape === "cosine" ? cosineWave(lr, floor, m, cycles) : rampPlan(shape, lr, floor, m);
}

function phases(a: HfArgs): Phase[] {
  const { lr, warmup: w, total: t, cycles } = a;
  const span = Math.max(1, t - w);
  const warm: Phase = { steps: w, plan: rampPlan("linear", 0, lr, Math.max(1, w)) };
  const forever = (plan: PlanNode): Phase => ({ steps: Infinity, plan });
  switch (a.name) {
    case "constant":
      return [forever(constant(lr))];
    case "constant_with_warmup":
      return [warm, forever(constant(lr))];
    case "linear":
      return [warm, { steps: t - w, plan: rampPlan("linear", lr, 0, span) }, forever(constant(0))];
    case "cosine":
      return [warm, forever(cosineWave(lr, 0, span, cycles))];
    case "cosine_with_min_lr":
      return [warm, forever(cosineWave(lr, lr * a.floorRate, span, cycles))];
    case "cosine_warmup_with_min_lr": {
      // the warm-up ends one step early and the cosine starts one step in: both count step + 1
      const start = a.warmupLrRate;
      const ramp = start === null
        ? rampPlan("linear", lr / Math.max(1, w), (lr * (w + 1)) / Math.max(1, w), Math.max(1, w))
        : rampPlan("linear", lr * start, lr, Math.max(1, w - 1));
      return [{ steps: w, plan: ramp }, forever(shifted(1, cosineWave(lr, lr * a.floorRate, span, cycles)))];
    }
    case "cosine_with_restarts": {
      const period = span / cycles;
      const wave = rampPlan("cosine", lr, 0, period);
      // a period at least as long as the run never restarts (numCycles <= 1, or so small that
      // the period overflows to Infinity)
      const restarts = cycles === 0 ? constant(lr) : period >= span ? wave : planNode(Op.Repeat, [period], [wave]);
      // span, not t - w: with t <= w the step at w still reads progress 0, the peak
      return [warm, { steps: span, plan: restarts }, forever(constant(0))];
    }
    case "polynomial": {
      if (t < w) return [warm, forever(constant(a.lrEnd))];
      const decay = a.power === 0
        ? constant(lr) // 0 ** 0 = 1: the full rate through step t
        : planNode(Op.Polynomial, [lr, t - w, a.lrEnd, a.power, 0]);
      return [warm, { steps: t - w + 1, plan: decay }, forever(constant(a.lrEnd))];
    }
    case "inverse_sqrt":
      return [warm, forever(planNode(Op.InverseSqrt, [lr, a.timescale, a.timescale]))];
    case "warmup_stable_decay": {
      const { stable, decay } = a;
      const floor = lr * a.floorRate;
      const down = fall(a.decayType, lr, floor, decay, cycles);
      return [
        { steps: w, plan: rise(a.warmupType, floor, lr, w) },
        { steps: stable, plan: constant(lr) },
        // a negative stable phase (numTrainingSteps < W + D) lets the warm-up eat the decay's start
        stable >= 0 ? { steps: decay, plan: down } : { steps: decay + stable, plan: shifted(-stable, down) },
        forever(constant(floor)),
      ];
    }
  }
}

export const hfPlan = (a: HfArgs): PlanNode => sequencePlan(phases(a));
