import { LrschedError } from "../../errors";
import { scheduleType } from "../../scheduleType";
import { timmCycleRate, timmCycleFields, timmFields, withTimmWarmup, type TimmCycleOptions } from "./common";

/**
 * Options of `timmTanh()`: timm's keyword arguments in camelCase, with the base rate `lr`; the table below gives defaults and rules.
 *
 * @example
 * ```ts
 * import { timmTanh, type TimmTanhOptions } from "@lrsched/ts-api";
 * const options: TimmTanhOptions = { lr: 0.1, tInitial: 100 };
 * timmTanh(options).at(0); // → 0.1
 * ```
 */
export interface TimmTanhOptions extends TimmCycleOptions {
  /** Lower end of the tanh's argument. Default -7. */
  readonly lb?: number;
  /** Upper end of the tanh's argument. Default 3. */
  readonly ub?: number;
}

/**
 * timm's `TanhLRScheduler` as a function of t: in cycle i, with tr = tCurr / tI,
 * `lrMin + 0.5 (lr cycleDecay^i - lrMin) (1 - tanh(lb (1 - tr) + ub tr))`, lrMin after
 * cycleLimit cycles. The curve starts just below lr (tanh(lb) is not quite -1). Without
 * warmupPrefix the warm-up ramps to the rate the schedule has at warmupT, as timm computes it.
 * The core has no tanh kernel: curves are computed from at() in JS.
 */
export const timmTanhType = /* @__PURE__ */ scheduleType<TimmTanhOptions>({
  type: "timmTanh",
  summary: "timm TanhLRScheduler: tanh-shaped decay cycles with warm-up, cycle decay and limit.",
  fields: {
    lr: timmFields.lr,
    tInitial: timmFields.tInitial,
    lb: { kind: "number", doc: "tanh argument at the start of a cycle (< ub).", default: -7 },
    ub: { kind: "number", doc: "tanh argument at the end of a cycle.", default: 3 },
    ...timmCycleFields,
  },
  build: (raw, path) => {
    const o = raw as Required<TimmTanhOptions>;
    const { lrMin, lb, ub } = o;
    if (!(lb < ub)) throw new LrschedError(path("lb"), `must be < ub (${ub})`, lb);
    const shape = (lrMax: number, tCurr: number, tI: number) => {
      const tr = tCurr / tI;
      return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1 - tr) + ub * tr));
    };
    const rate = timmCycleRate(o, shape);
    const target = o.warmupPrefix ? o.lr : rate(o.warmupT);
    return withTimmWarmup(o, rate, null, target);
  },
});

/**
 * timm's `TanhLRScheduler`: tanh-shaped decay cycles with a warm-up, cycle decay and a cycle limit.
 *
 * @example
 * ```ts
 * import { timmTanh } from "@lrsched/ts-api";
 * const s = timmTanh({ lr: 0.1, tInitial: 100 });
 * s.at(0) > 0.099; // → true
 * s.at(100); // → 0
 * ```
 */
export const timmTanh = (options: TimmTanhOptions) => timmTanhType.create(options);
