import { LrschedError } from "../errors";
import { learningRate } from "../fields";
import { constantPiece, rampPiece, sequence } from "../pieces";
import type { RampShapeName } from "../ramp";
import { scheduleType } from "../scheduleType";

export interface WarmupStableDecayOptions {
  /** Rate of the stable phase. */
  readonly learningRate: number;
  /** Steps of linear warm-up from initialLr. */
  readonly warmupSteps: number;
  /** Steps held at learningRate. */
  readonly stableSteps: number;
  /** Steps of the final decay to minLr. */
  readonly decaySteps: number;
  /** Shape of the decay. Default 'linear'. */
  readonly decayShape?: "linear" | "cosine" | "1-sqrt";
  /** Rate after the decay. Default 0. */
  readonly minLr?: number;
  /** Rate at step 0. Default 0. */
  readonly initialLr?: number;
}

/**
 * Warmup-Stable-Decay (WSD, the "trapezoid"): a linear ramp from initialLr to learningRate over
 * warmupSteps, learningRate for stableSteps, then a short decay to minLr over decaySteps
 * (linear, half-cosine, or 1-sqrt: `minLr + (lr - minLr) * (1 - sqrt(p))`), minLr after.
 */
export const warmupStableDecayType = /* @__PURE__ */ scheduleType<WarmupStableDecayOptions>({
  type: "warmupStableDecay",
  summary: "Warm-up, a long constant phase, then a short decay (WSD; linear, cosine or 1-sqrt).",
  fields: {
    learningRate: learningRate("Rate of the stable phase."),
    warmupSteps: { kind: "number", doc: "Steps of linear warm-up.", integer: true, min: 0 },
    stableSteps: { kind: "number", doc: "Steps held at learningRate.", integer: true, min: 0 },
    decaySteps: { kind: "number", doc: "Steps of the final decay.", integer: true, min: 1 },
    decayShape: { kind: "choice", doc: "Shape of the decay.", choices: ["linear", "cosine", "1-sqrt"], default: "linear" },
    minLr: learningRate("Rate after the decay.", 0),
    initialLr: learningRate("Rate at step 0.", 0),
  },
  build: (o, path) => {
    const { learningRate: lr, warmupSteps: w, stableSteps: stable, decaySteps: d, decayShape, minLr, initialLr } =
      o as Required<WarmupStableDecayOptions>;
    if (minLr > lr) throw new LrschedError(path("minLr"), `must be <= learningRate (${lr})`, minLr);
    const shape: RampShapeName = decayShape;
    // phases with no steps are left out by sequence(), so the join's boundaries strictly increase
    return sequence([
      rampPiece("linear", initialLr, lr, w, w),
      constantPiece(lr, stable),
      rampPiece(shape, lr, minLr, d, d),
      constantPiece(minLr),
    ]);
  },
});

export const warmupStableDecay = (options: WarmupStableDecayOptions) => warmupStableDecayType.create(options);
