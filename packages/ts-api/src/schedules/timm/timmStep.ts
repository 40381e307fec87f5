import { Op, planNode } from "@lrsched/core";
import { pyFloorDiv } from "../../pyMath";
import { scheduleType } from "../../scheduleType";
import { timmFields, withTimmWarmup, type TimmWarmupOptions } from "./common";

/**
 * Options of `timmStep()`: timm's keyword arguments in camelCase, with the base rate `lr`; the table below gives defaults and rules.
 *
 * @example
 * ```ts
 * import { timmStep, type TimmStepOptions } from "@lrsched/ts-api";
 * const options: TimmStepOptions = { lr: 0.1, decayT: 30, decayRate: 0.5 };
 * timmStep(options).at(0); // → 0.1
 * ```
 */
export interface TimmStepOptions extends TimmWarmupOptions {
  /** Interval between decays. */
  readonly decayT: number;
  /** Factor per interval. Default 1. */
  readonly decayRate?: number;
}

/**
 * timm's `StepLRScheduler` as a function of t: `lr * decayRate^(t // decayT)` (Python's floor
 * division), after timm's warm-up, which here is a prefix by default (the decay's clock starts
 * when the warm-up ends).
 */
export const timmStepType = /* @__PURE__ */ scheduleType<TimmStepOptions>({
  type: "timmStep",
  summary: "timm StepLRScheduler: lr * decayRate^(t // decayT), with warm-up.",
  fields: {
    lr: timmFields.lr,
    decayT: { kind: "number", doc: "Interval between decays (decay_t, > 0).", above: 0 },
    decayRate: { kind: "number", doc: "Factor per interval (decay_rate).", min: 0, default: 1 },
    warmupT: timmFields.warmupT,
    warmupLrInit: timmFields.warmupLrInit,
    warmupPrefix: /* @__PURE__ */ timmFields.warmupPrefix(true),
  },
  build: (raw) => {
    const o = raw as Required<TimmStepOptions>;
    const { lr, decayT, decayRate } = o;
    const after = (t: number) => lr * decayRate ** pyFloorDiv(t, decayT);
    const plan = decayRate > 0 ? planNode(Op.Exponential, [lr, decayT, Math.log(decayRate), 1]) : null;
    return withTimmWarmup(o, after, plan);
  },
});

/**
 * timm's `StepLRScheduler`: `lr * decayRate^floor(t / decayT)`, with a warm-up.
 *
 * @example
 * ```ts
 * import { timmStep } from "@lrsched/ts-api";
 * const s = timmStep({ lr: 0.1, decayT: 30, decayRate: 0.5, warmupT: 3, warmupLrInit: 0.01 });
 * // warmupPrefix (default true): the decay counts from the end of the warm-up
 * [0, 3, 33, 63].map((t) => s.at(t)); // → [0.01, 0.1, 0.05, 0.025]
 * ```
 */
export const timmStep = (options: TimmStepOptions) => timmStepType.create(options);
