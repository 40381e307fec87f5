import { Op, planNode } from "@lrsched/core";
import { learningRate } from "../fields";
import { rampPlan } from "../ramp";
import { scheduleType } from "../scheduleType";

/**
 * Options of `inverseSqrt()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { inverseSqrt, type InverseSqrtOptions } from "@lrsched/ts-api";
 * const options: InverseSqrtOptions = { learningRate: 0.1, warmupSteps: 100 };
 * inverseSqrt(options).at(0); // → 0
 * ```
 */
export interface InverseSqrtOptions {
  /** Peak rate, reached at the end of warm-up. */
  readonly learningRate: number;
  /** Steps of linear warm-up from 0. Default 0. */
  readonly warmupSteps?: number;
  /** After warm-up the rate is lr / sqrt((s + timescale - W) / timescale). Default: warmupSteps, or 10000 without warm-up. */
  readonly timescale?: number | null;
}

/**
 * The Transformer's inverse square-root schedule (Hugging Face `inverse_sqrt`): a linear warm-up
 * `lr * s / max(1, W)` for s < W, then `lr / sqrt((s + timescale - W) / timescale)`, which is lr
 * at s = W and falls as 1/sqrt(s).
 */
export const inverseSqrtType = /* @__PURE__ */ scheduleType<InverseSqrtOptions>({
  type: "inverseSqrt",
  summary: "Linear warm-up, then lr / sqrt((step + timescale - W) / timescale) (Transformer).",
  fields: {
    learningRate: learningRate("Peak rate, at the end of warm-up."),
    warmupSteps: { kind: "number", doc: "Steps of linear warm-up from 0.", integer: true, min: 0, default: 0 },
    timescale: { kind: "nullableNumber", doc: "Decay timescale (>= 1; null: warmupSteps, or 10000 without warm-up).", min: 1, default: null },
  },
  build: (o) => {
    const { learningRate: lr, warmupSteps: w, timescale: ts } = o as Required<InverseSqrtOptions>;
    const timescale = ts ?? (w > 0 ? w : 10_000);
    const shift = timescale - w;
    const decay = planNode(Op.InverseSqrt, [lr, timescale, timescale]);
    return {
      at: (step) => (step < w ? lr * (step / Math.max(1, w)) : lr / Math.sqrt((step + shift) / timescale)),
      plan: w > 0 ? planNode(Op.Join, [2, w], [rampPlan("linear", 0, lr, w), decay]) : planNode(Op.InverseSqrt, [lr, timescale, shift]),
    };
  },
});

/**
 * The Transformer's inverse square-root schedule: a linear warm-up, then lr / sqrt(step / warmup).
 *
 * @example
 * ```ts
 * import { inverseSqrt } from "@lrsched/ts-api";
 * const s = inverseSqrt({ learningRate: 0.1, warmupSteps: 100 });
 * s.at(100); // → 0.1
 * s.at(400); // → 0.05
 * ```
 */
export const inverseSqrt = (options: InverseSqrtOptions) => inverseSqrtType.create(options);
