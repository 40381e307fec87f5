// lrsched specs as PyTorch scheduler configs, for the types PyTorch has a class for that gives the
// same rate at every step (checked by round trips through @lrsched/torch-compat in the tests).
// PyTorch keeps the rate in the optimizer, so a config comes with the `lr` to run it at.
import { LrschedError } from "@lrsched/ts-api";

export interface TorchExport {
  /** `{_target_: "torch.optim.lr_scheduler.X", ...kwargs}`. */
  readonly config: Record<string, unknown>;
  /** The optimizer's rate to run the config with. */
  readonly lr: number;
}

type Spec = Readonly<Record<string, unknown>>;
const target = (name: string) => `torch.optim.lr_scheduler.${name}`;
const num = (s: Spec, key: string) => s[key] as number;
const int = (v: unknown): v is number => Number.isInteger(v);

/** Per type: its PyTorch counterpart, or why these options have none. */
const CONVERTERS: Readonly<Record<string, (s: Spec) => TorchExport | string>> = {
  constant: (s) => ({ config: { _target_: target("ConstantLR"), factor: 1, total_iters: 0 }, lr: num(s, "value") }),
  exponentialDecay: (s) => {
    const lr = num(s, "initialLearningRate");
    const k = num(s, "decaySteps");
    if (s.staircase) {
      return int(k) ? { config: { _target_: target("StepLR"), step_size: k, gamma: num(s, "decayRate") }, lr } : "a staircase over a fractional decaySteps has no StepLR";
    }
    // rate^(step / k) = (rate^(1/k))^step
    return { config: { _target_: target("ExponentialLR"), gamma: k === 1 ? num(s, "decayRate") : num(s, "decayRate") ** (1 / k) }, lr };
  },
  cosineAnnealing: (s) =>
    int(s.tMax) ? { config: { _target_: target("CosineAnnealingLR"), T_max: s.tMax, eta_min: num(s, "etaMin") }, lr: num(s, "initialLearningRate") } : "a fractional tMax has no CosineAnnealingLR",
  cosineDecayRestarts: (s) => {
    const lr = num(s, "initialLearningRate");
    if (num(s, "mMul") !== 1) return "CosineAnnealingWarmRestarts restarts at full height (mMul 1)";
    if (!int(s.firstDecaySteps) || !int(s.tMul)) return "CosineAnnealingWarmRestarts needs integer firstDecaySteps and tMul";
    return { config: { _target_: target("CosineAnnealingWarmRestarts"), T_0: s.firstDecaySteps, T_mult: s.tMul, eta_min: num(s, "alpha") * lr }, lr };
  },
  polynomialDecay: (s) => {
    if (s.cycle || num(s, "endLearningRate") !== 0 || !int(s.decaySteps)) return "PolynomialLR decays to 0 over integer steps, without cycles (endLearningRate 0, cycle false)";
    return { config: { _target_: target("PolynomialLR"), total_iters: s.decaySteps, power: num(s, "power") }, lr: num(s, "initialLearningRate") };
  },
  cyclic: (s) => ({
    config: {
      _target_: target("CyclicLR"),
      base_lr: num(s, "baseLr"),
      max_lr: num(s, "maxLr"),
      step_size_up: num(s, "stepSizeUp"),
      step_size_down: s.stepSizeDown ?? null,
      mode: s.mode,
      gamma: num(s, "gamma"),
      scale_mode: s.scaleMode,
    },
    lr: num(s, "baseLr"),
  }),
  oneCycle: (s) => ({
    config: {
      _target_: target("OneCycleLR"),
      max_lr: num(s, "maxLr"),
      total_steps: num(s, "totalSteps"),
      pct_start: num(s, "pctStart"),
      anneal_strategy: s.annealStrategy,
      div_factor: num(s, "divFactor"),
      final_div_factor: num(s, "finalDivFactor"),
      three_phase: s.threePhase,
    },
    lr: num(s, "maxLr") / num(s, "divFactor"),
  }),
};

/** The PyTorch config of a (complete, as `toSpec()` gives it) spec; throws LrschedError when PyTorch has none. */
export function specToTorch(spec: Spec): TorchExport {
  const type = String(spec.type);
  const convert = CONVERTERS[type];
  const found = convert?.(spec);
  if (found === undefined || typeof found === "string") {
    const known = Object.keys(CONVERTERS).join(", ");
    throw new LrschedError(type, `has no PyTorch equivalent${found ? ` with these options: ${found}` : ` (PyTorch schedulers exist for ${known})`}`);
  }
  return found;
}
