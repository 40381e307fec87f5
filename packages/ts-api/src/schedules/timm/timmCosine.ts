import { Op, planNode } from "@lrsched/core";
import { scheduleType } from "../../scheduleType";
import { cyclesPlan, timmCycleRate, timmCycleFields, timmFields, withTimmWarmup, type TimmCycleOptions } from "./common";

/**
 * Options of `timmCosine()`: timm's keyword arguments in camelCase, with the base rate `lr`; the table below gives defaults and rules.
 *
 * @example
 * ```ts
 * import { timmCosine, type TimmCosineOptions } from "@lrsched/ts-api";
 * const options: TimmCosineOptions = { lr: 0.1, tInitial: 100, lrMin: 0.001 };
 * timmCosine(options).at(0); // → 0.1
 * ```
 */
export interface TimmCosineOptions extends TimmCycleOptions {
  /** Exponent of the phase: cos(pi t^k / T^k). Default 1. */
  readonly kDecay?: number;
}

/**
 * timm's `CosineLRScheduler` as a function of t (epochs, or updates when t_in_epochs is false), for
 * one param group with base rate `lr`: in cycle i (length tInitial * cycleMul^i),
 * `lrMin + 0.5 (lr cycleDecay^i - lrMin) (1 + cos(pi tCurr^k / tI^k))`; lrMin once cycleLimit
 * cycles have run. The warm-up ramps from warmupLrInit to lr over warmupT; without warmupPrefix
 * (timm's default here) the cosine keeps its own clock, so it resumes at its value at warmupT.
 */
export const timmCosineType = /* @__PURE__ */ scheduleType<TimmCosineOptions>({
  type: "timmCosine",
  summary: "timm CosineLRScheduler: cosine cycles with k-decay, warm-up, cycle decay and limit.",
  fields: {
    lr: timmFields.lr,
    tInitial: timmFields.tInitial,
    ...timmCycleFields,
    kDecay: timmFields.kDecay,
  },
  build: (raw) => {
    const o = raw as Required<TimmCosineOptions>;
    const { lrMin, kDecay: k } = o;
    const shape = (lrMax: number, tCurr: number, tI: number) =>
      lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * tCurr ** k) / tI ** k));
    const plan = cyclesPlan(o, (lrMax, tI) => planNode(Op.KDecay, [lrMax, tI, k, lrMin]));
    return withTimmWarmup(o, timmCycleRate(o, shape), plan);
  },
});

/**
 * timm's `CosineLRScheduler`: cosine cycles with k-decay, a warm-up, cycle decay and a cycle limit.
 *
 * @example
 * ```ts
 * import { timmCosine } from "@lrsched/ts-api";
 * const s = timmCosine({ lr: 0.1, tInitial: 100, lrMin: 0.001 });
 * s.at(50); // → 0.0505
 * s.at(100); // → 0.001
 * ```
 */
export const timmCosine = (options: TimmCosineOptions) => timmCosineType.create(options);
