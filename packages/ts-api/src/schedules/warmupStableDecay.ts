import { LrschedError } from "../errors";
import { learningRate } from "../fields";
import { constantPiece, rampPiece, sequence } from "../pieces";
import type { RampShapeName } from "../ramp";
import { scheduleType } from "../scheduleType";

/**
 * Options of `warmupStableDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { warmupStableDecay, type WarmupStableDecayOptions } from "@lrsched/ts-api";
 * const options: WarmupStableDecayOptions = { learningRate: 0.1, warmupSteps: 100, stableSteps: 600, decaySteps: 300, decayShape: "cosine" };
 * warmupStableDecay(options).at(0); // → 0
 * ```
 */
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

/**
 * Warmup-Stable-Decay (WSD): a warm-up, a long constant phase, then a short linear, cosine or 1-sqrt decay.
 *
 * @example
 * ```ts
 * import { warmupStableDecay } from "@lrsched/ts-api";
 * const s = warmupStableDecay({ learningRate: 0.1, warmupSteps: 100, stableSteps: 600, decaySteps: 300 });
 * s.at(500); // → 0.1
 * s.at(850); // → 0.05
 * ```
 */
export const warmupStableDecay = (options: WarmupStableDecayOptions) => warmupStableDecayType.create(options);
