// PyTorch: make_scheduler(optimizer) returning a torch.optim.lr_scheduler object whose group
// rates are the schedule's: after it returns, at(0); after the k-th step(), at(k).
import type { Schedule } from "../schedule";
import { Emitter } from "./emitter";
import { lit } from "./flavor";
import { pyKwargs } from "./literal";
import { scheduleCode } from "./scheduleCode";
import type { PythonCode } from "./toPythonCode";

type Options = Record<string, never>;

/** A native scheduler: the rate every group starts from and the constructor call. */
interface Native {
  readonly base: number;
  readonly call: string;
}

const S = "torch.optim.lr_scheduler";

/** The PyTorch classes make_scheduler uses for a type, and when (otherwise a LambdaLR closed form). */
export const PYTORCH_NATIVES: Readonly<Record<string, string>> = Object.freeze({
  constant: "ConstantLR",
  exponentialDecay: "ExponentialLR, or StepLR with staircase and whole decaySteps",
  naturalExpDecay: "ExponentialLR, or StepLR with staircase and whole decaySteps",
  polynomialDecay: "PolynomialLR when endLearningRate is 0, without cycle",
  piecewiseConstantDecay: "MultiStepLR when the values fall by one ratio",
  cosineAnnealing: "CosineAnnealingLR",
  cosineDecayRestarts: "CosineAnnealingWarmRestarts when mMul is 1 and periods are whole",
  cyclic: "CyclicLR",
  oneCycle: "OneCycleLR",
});

/** The common ratio of consecutive values (MultiStepLR's gamma), or undefined when there is none. */
function commonRatio(values: readonly number[]): number | undefined {
  if (!(values[0]! > 0)) return undefined;
  const g = values[1]! / values[0]!;
  let v = values[0]!;
  for (let i = 1; i < values.length; i++) {
    v *= g;
    if (Math.abs(v - values[i]!) > 1e-14 * Math.abs(values[i]!)) return undefined;
  }
  return g;
}

/** PyTorch's own scheduler class when one has the schedule's rates, else undefined. */
function native(s: Schedule): Native | undefined {
  const o = s.options as Options;
  switch (s.type) {
    case "constant":
      return { base: o.value, call: `${S}.ConstantLR(optimizer, factor=1.0, total_iters=0)` };
    case "exponentialDecay":
    case "naturalExpDecay": {
      const rate = s.type === "exponentialDecay" ? (o.decayRate as number) : Math.exp(-(o.decayRate as number));
      const d = o.decaySteps as number;
      if (o.staircase) {
        if (!Number.isInteger(d)) return undefined;
        return { base: o.initialLearningRate, call: `${S}.StepLR(optimizer, step_size=${d}, gamma=${lit(rate)})` };
      }
      return { base: o.initialLearningRate, call: `${S}.ExponentialLR(optimizer, gamma=${lit(d === 1 ? rate : rate ** (1 / d))})` };
    }
    case "polynomialDecay":
      if (o.cycle || o.endLearningRate !== 0 || !Number.isInteger(o.decaySteps)) return undefined;
      return { base: o.initialLearningRate, call: `${S}.PolynomialLR(optimizer, total_iters=${o.decaySteps}, power=${lit(o.power)})` };
    case "piecewiseConstantDecay": {
      const values = o.values as unknown as number[];
      const g = commonRatio(values);
      if (g === undefined) return undefined;
      // the Keras boundary keeps the earlier value: MultiStepLR's milestone is the next integer step
      const milestones = (o.boundaries as unknown as number[]).map((b) => Math.floor(b) + 1);
      return { base: values[0]!, call: `${S}.MultiStepLR(optimizer, milestones=[${milestones.join(", ")}], gamma=${lit(g)})` };
    }
    case "cosineAnnealing":
      return { base: o.initialLearningRate, call: `${S}.CosineAnnealingLR(optimizer, T_max=${lit(o.tMax)}, eta_min=${lit(o.etaMin)})` };
    case "cosineDecayRestarts": {
      const { firstDecaySteps: first, tMul, mMul, alpha, initialLearningRate: lr } = o as Record<string, number>;
      if (mMul !== 1 || !Number.isInteger(first) || !Number.isInteger(tMul)) return undefined;
      return { base: lr!, call: `${S}.CosineAnnealingWarmRestarts(optimizer, T_0=${first}, T_mult=${tMul}, eta_min=${lit(lr! * alpha!)})` };
    }
    case "cyclic":
      if (o.scaleFn !== null) return undefined;
      return {
        base: o.baseLr,
        call: `${S}.CyclicLR(optimizer, ${pyKwargs({
          base_lr: o.baseLr, max_lr: o.maxLr, step_size_up: o.stepSizeUp, step_size_down: o.stepSizeDown ?? o.stepSizeUp,
          mode: o.mode, gamma: o.gamma, cycle_momentum: false,
        })})`,
      };
    case "oneCycle":
      return {
        base: (o.maxLr as number) / (o.divFactor as number),
        call: `${S}.OneCycleLR(optimizer, ${pyKwargs({
          max_lr: o.maxLr, total_steps: o.totalSteps, pct_start: o.pctStart, anneal_strategy: o.annealStrategy,
          div_factor: o.divFactor, final_div_factor: o.finalDivFactor, three_phase: o.threePhase, cycle_momentum: false,
        })})`,
      };
    default:
      return undefined;
  }
}

export function pytorchCode(s: Schedule, header: string): PythonCode {
  const n = native(s);
  if (n) {
    return {
      form: "native",
      code: `${header}
import torch


def make_scheduler(optimizer):
    # every group starts from the schedule's base rate, whatever the optimizer was built with
    for group in optimizer.param_groups:
        group["lr"] = group["initial_lr"] = ${lit(n.base)}
    return ${n.call}
`,
    };
  }
  const em = new Emitter("math");
  const root = scheduleCode(s, em);
  return {
    form: "closed form",
    code: `${header}
${em.f.imports.join("\n")}

import torch


${em.source()}


def lr_at(step):
    """The learning rate at \`step\`."""
    return ${root}(step)


def make_scheduler(optimizer):
    # LambdaLR sets each group's rate to initial_lr * lambda(step): with initial_lr 1.0 the
    # lambda's value is the rate itself
    for group in optimizer.param_groups:
        group["lr"] = group["initial_lr"] = 1.0
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_at)
`,
  };
}
