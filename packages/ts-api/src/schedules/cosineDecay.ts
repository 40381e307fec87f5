import { Op, RampShape, planNode } from "@lrsched/core";
import { decaySteps, fraction, initialLearningRate, kerasName } from "../fields";
import { LrschedError } from "../errors";
import { scheduleType } from "../scheduleType";

/**
 * Options of `cosineDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { cosineDecay, type CosineDecayOptions } from "@lrsched/ts-api";
 * const options: CosineDecayOptions = { initialLearningRate: 0.1, decaySteps: 1000, minLr: 0.001 };
 * cosineDecay(options).at(0); // → 0.1
 * ```
 */
export interface CosineDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Floor as a fraction of the decay's starting rate. Default 0. */
  readonly alpha?: number;
  /** Rate reached by a linear warm-up from initialLearningRate; null for no warm-up. */
  readonly warmupTarget?: number | null;
  /** Length of the warm-up. Default 0. */
  readonly warmupSteps?: number;
  /** Floor as an absolute rate, instead of alpha (exported to Keras as the equivalent alpha). */
  readonly minLr?: number | null;
  readonly name?: string | null;
}

/** The alpha a cosineDecay really uses: minLr as a fraction of the decay's peak, when given. */
function effectiveAlpha(o: Required<CosineDecayOptions>): number {
  if (o.minLr === null) return o.alpha;
  const peak = o.warmupTarget ?? o.initialLearningRate;
  return peak > 0 ? o.minLr / peak : 0;
}

/** (1 - alpha) * (1 + cos(pi * s / D)) / 2 + alpha, for s in [0, D]. */
export const cosineFactor = (s: number, d: number, alpha: number) =>
  (1 - alpha) * (0.5 * (1 + Math.cos(Math.PI * (s / d)))) + alpha;

/**
 * Keras `CosineDecay` (SGDR without restarts), with Keras 3's optional linear warm-up.
 *
 * Without `warmupTarget`: `lr * cosineFactor(min(step, D))`. With it: for `step < warmupSteps`,
 * `lr + (warmupTarget - lr) * step / warmupSteps`; after, `warmupTarget * cosineFactor(min(step -
 * warmupSteps, D))`. The decay starts after the warm-up (it is offset by warmupSteps).
 * `minLr` sets the floor as an absolute rate: alpha = minLr / peak.
 */
export const cosineDecayType = /* @__PURE__ */ scheduleType<CosineDecayOptions>({
  type: "cosineDecay",
  summary: "Half-cosine from lr to alpha * lr over decaySteps, with optional linear warm-up.",
  fields: {
    initialLearningRate,
    decaySteps,
    alpha: fraction("Floor, as a fraction of the peak rate.", 0),
    warmupTarget: { kind: "nullableNumber", doc: "Peak reached by linear warm-up (null: no warm-up).", min: 0, default: null },
    warmupSteps: { kind: "number", doc: "Steps of linear warm-up.", integer: true, min: 0, default: 0 },
    minLr: { kind: "nullableNumber", doc: "Floor as an absolute rate (instead of alpha).", min: 0, default: null },
    name: kerasName,
  },
  keras: {
    className: "CosineDecay",
    defaultName: "CosineDecay",
    localOnly: ["minLr"],
    adjust: (o) => ({ ...o, alpha: effectiveAlpha(o as Required<CosineDecayOptions>) }),
  },
  build: (o, path) => {
    const opts = o as Required<CosineDecayOptions>;
    const { initialLearningRate: lr, decaySteps: d, warmupTarget, warmupSteps: w, minLr } = opts;
    if (minLr !== null) {
      if (opts.alpha !== 0) throw new LrschedError(path("minLr"), "cannot be combined with a non-zero alpha (set one floor)", minLr);
      const peak = warmupTarget ?? lr;
      if (minLr > peak) throw new LrschedError(path("minLr"), `must be <= the peak rate (${peak})`, minLr);
    }
    const alpha = effectiveAlpha(opts);
    if (warmupTarget === null) {
      return {
        at: (step) => lr * cosineFactor(Math.min(step, d), d, alpha),
        plan: planNode(Op.Cosine, [lr, d, alpha]),
      };
    }
    const decay = planNode(Op.Cosine, [warmupTarget, d, alpha]);
    return {
      at(step) {
        if (step < w) return (warmupTarget - lr) * (step / w) + lr;
        return warmupTarget * cosineFactor(Math.min(step - w, d), d, alpha);
      },
      plan: w > 0
        ? planNode(Op.Join, [2, w], [planNode(Op.Ramp, [lr, warmupTarget, w, RampShape.Linear]), decay])
        : decay,
    };
  },
});

/**
 * Keras `CosineDecay`: a half cosine from lr down to `alpha * lr` over decaySteps, with an optional linear warm-up.
 *
 * @example
 * ```ts
 * import { cosineDecay } from "@lrsched/ts-api";
 * const s = cosineDecay({ initialLearningRate: 0, warmupTarget: 0.1, warmupSteps: 100, decaySteps: 900, alpha: 0.1 });
 * s.at(50); // → 0.05
 * s.at(100); // → 0.1
 * s.at(2000); // → 0.01
 * ```
 */
export const cosineDecay = (options: CosineDecayOptions) => cosineDecayType.create(options);
