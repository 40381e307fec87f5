import { Op, planNode } from "@lrsched/core";
import { scheduleType } from "../../scheduleType";
import { cyclesPlan, timmCycleRate, timmCycleFields, timmFields, withTimmWarmup, type TimmCycleOptions } from "./common";

/**
 * Options of `timmPoly()`: timm's keyword arguments in camelCase, with the base rate `lr`; the table below gives defaults and rules.
 *
 * @example
 * ```ts
 * import { timmPoly, type TimmPolyOptions } from "@lrsched/ts-api";
 * const options: TimmPolyOptions = { lr: 0.1, tInitial: 100, power: 1 };
 * timmPoly(options).at(0); // → 0.1
 * ```
 */
export interface TimmPolyOptions extends TimmCycleOptions {
  /** Exponent of the decay. Default 0.5. */
  readonly power?: number;
  /** Exponent of the phase, t^k / T^k. Default 1. */
  readonly kDecay?: number;
}

/**
 * timm's `PolyLRScheduler` as a function of t: in cycle i,
 * `lrMin + (lr cycleDecay^i - lrMin) (1 - tCurr^k / tI^k)^power`, lrMin after cycleLimit cycles,
 * with timm's warm-up (no warmupPrefix by default).
 */
export const timmPolyType = /* @__PURE__ */ scheduleType<TimmPolyOptions>({
  type: "timmPoly",
  summary: "timm PolyLRScheduler: polynomial decay cycles with k-decay, warm-up, cycle decay and limit.",
  fields: {
    lr: timmFields.lr,
    tInitial: timmFields.tInitial,
    power: { kind: "number", doc: "Exponent of the decay (> 0).", above: 0, default: 0.5 },
    ...timmCycleFields,
    kDecay: timmFields.kDecay,
  },
  build: (raw) => {
    const o = raw as Required<TimmPolyOptions>;
    const { lrMin, kDecay: k, power } = o;
    const shape = (lrMax: number, tCurr: number, tI: number) =>
      lrMin + (lrMax - lrMin) * Math.max(0, 1 - tCurr ** k / tI ** k) ** power;
    // the core's polynomial kernel has no phase exponent: k != 1 is evaluated in JS
    const plan = k === 1 ? cyclesPlan(o, (lrMax, tI) => planNode(Op.Polynomial, [lrMax, tI, lrMin, power, 0])) : null;
    return withTimmWarmup(o, timmCycleRate(o, shape), plan);
  },
});

/**
 * timm's `PolyLRScheduler`: polynomial decay cycles with k-decay, a warm-up, cycle decay and a cycle limit.
 *
 * @example
 * ```ts
 * import { timmPoly } from "@lrsched/ts-api";
 * const s = timmPoly({ lr: 0.1, tInitial: 100, power: 1 });
 * s.at(50); // → 0.05
 * ```
 */
export const timmPoly = (options: TimmPolyOptions) => timmPolyType.create(options);
