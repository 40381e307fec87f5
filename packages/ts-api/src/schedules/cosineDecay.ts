import { Op, RampShape, planNode } from "@lrsched/core";
import { decaySteps, fraction, initialLearningRate, kerasName } from "../fields";
import { scheduleType } from "../scheduleType";

export interface CosineDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Floor as a fraction of the decay's starting rate. Default 0. */
  readonly alpha?: number;
  /** Rate reached by a linear warm-up from initialLearningRate; null for no warm-up. */
  readonly warmupTarget?: number | null;
  /** Length of the warm-up. Default 0. */
  readonly warmupSteps?: number;
  readonly name?: string | null;
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
 */
export const cosineDecayType = scheduleType<CosineDecayOptions>({
  type: "cosineDecay",
  summary: "Half-cosine from lr to alpha * lr over decaySteps, with optional linear warm-up.",
  fields: {
    initialLearningRate,
    decaySteps,
    alpha: fraction("Floor, as a fraction of the peak rate.", 0),
    warmupTarget: { kind: "nullableNumber", doc: "Peak reached by linear warm-up (null: no warm-up).", min: 0, default: null },
    warmupSteps: { kind: "number", doc: "Steps of linear warm-up.", min: 0, default: 0 },
    name: kerasName,
  },
  keras: { className: "CosineDecay", defaultName: "CosineDecay" },
  build: (o) => {
    const { initialLearningRate: lr, decaySteps: d, alpha, warmupTarget, warmupSteps: w } =
      o as Required<CosineDecayOptions>;
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

export const cosineDecay = (options: CosineDecayOptions) => cosineDecayType.create(options);
