import { Op, planNode } from "@lrsched/core";
import { LrschedError } from "../../errors";
import { bisectRight } from "../../pyMath";
import { scheduleType } from "../../scheduleType";
import { timmFields, withTimmWarmup, type TimmWarmupOptions } from "./common";

/**
 * Options of `timmMultiStep()`: timm's keyword arguments in camelCase, with the base rate `lr`; the table below gives defaults and rules.
 *
 * @example
 * ```ts
 * import { timmMultiStep, type TimmMultiStepOptions } from "@lrsched/ts-api";
 * const options: TimmMultiStepOptions = { lr: 0.1, decayT: [30, 60], decayRate: 0.5 };
 * timmMultiStep(options).at(0); // → 0.1
 * ```
 */
export interface TimmMultiStepOptions extends TimmWarmupOptions {
  /** Sorted milestones: the rate is multiplied by decayRate at each (as t + 1 reaches it). */
  readonly decayT: readonly number[];
  /** Factor per milestone. Default 1. */
  readonly decayRate?: number;
}

/**
 * timm's `MultiStepLRScheduler` as a function of t: `lr * decayRate^n`, n the number of milestones
 * <= t + 1 (timm's bisect_right(decay_t, t + 1): each decay comes one t before its milestone, unlike
 * PyTorch's MultiStepLR), after timm's warm-up (a prefix by default). A repeated milestone counts
 * once per entry.
 */
export const timmMultiStepType = /* @__PURE__ */ scheduleType<TimmMultiStepOptions>({
  type: "timmMultiStep",
  summary: "timm MultiStepLRScheduler: lr * decayRate^(milestones <= t + 1), with warm-up.",
  fields: {
    lr: timmFields.lr,
    decayT: { kind: "numberList", doc: "Milestones, sorted (decay_t)." },
    decayRate: { kind: "number", doc: "Factor per milestone (decay_rate).", min: 0, default: 1 },
    warmupT: timmFields.warmupT,
    warmupLrInit: timmFields.warmupLrInit,
    warmupPrefix: /* @__PURE__ */ timmFields.warmupPrefix(true),
  },
  build: (raw, path) => {
    const o = raw as Required<TimmMultiStepOptions>;
    const { lr, decayRate } = o;
    o.decayT.forEach((m, i) => {
      if (i > 0 && m < o.decayT[i - 1]!) {
        throw new LrschedError(`${path("decayT")}[${i}]`, `must be >= ${path("decayT")}[${i - 1}] (${o.decayT[i - 1]}): timm bisects the milestones, so they must be sorted`, m);
      }
    });
    const milestones = Float64Array.from(o.decayT);
    const after = (t: number) => lr * decayRate ** bisectRight(milestones, t + 1);
    // the rate changes at t = milestone - 1; milestones <= 1 apply from t = 0
    const values: number[] = [after(0)];
    const bounds: number[] = [];
    for (const m of new Set(o.decayT)) {
      if (m - 1 > 0) {
        bounds.push(m - 1);
        values.push(after(m - 1));
      }
    }
    const plan = bounds.length === 0
      ? planNode(Op.Constant, [values[0]!])
      : planNode(Op.Join, [values.length, ...bounds], values.map((v) => planNode(Op.Constant, [v])));
    return withTimmWarmup(o, after, plan);
  },
});

/**
 * timm's `MultiStepLRScheduler`: `lr * decayRate^(milestones passed by t + 1)`, with a warm-up.
 *
 * @example
 * ```ts
 * import { timmMultiStep } from "@lrsched/ts-api";
 * const s = timmMultiStep({ lr: 0.1, decayT: [30, 60], decayRate: 0.5 });
 * [28, 29, 59].map((t) => s.at(t)); // → [0.1, 0.05, 0.025]
 * ```
 */
export const timmMultiStep = (options: TimmMultiStepOptions) => timmMultiStepType.create(options);
