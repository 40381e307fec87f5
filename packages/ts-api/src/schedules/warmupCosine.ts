import { learningRate } from "../fields";
import { LrschedError } from "../errors";
import { rawAt } from "../schedule";
import { scheduleType } from "../scheduleType";
import { cosineDecay } from "./cosineDecay";
import { warmup } from "./warmup";

/**
 * Options of `warmupCosine()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { warmupCosine, type WarmupCosineOptions } from "@lrsched/ts-api";
 * const options: WarmupCosineOptions = { learningRate: 0.1, warmupSteps: 500, totalSteps: 9000, minLr: 0.001 };
 * warmupCosine(options).at(0); // → 0
 * ```
 */
export interface WarmupCosineOptions {
  /** Peak rate, reached when the warm-up ends. */
  readonly learningRate: number;
  /** Steps of linear warm-up from 0 (the seed's recipe: 5 epochs' worth). */
  readonly warmupSteps: number;
  /** Steps of the whole run; the cosine spans totalSteps - warmupSteps. */
  readonly totalSteps: number;
  /** Rate at the end of the cosine. Default 0. */
  readonly minLr?: number;
}

/**
 * The common recipe: linear warm-up from 0 to `learningRate`, then a half cosine down to `minLr`
 * at `totalSteps`, flat after. With 100 steps per epoch, the seed's "5 epochs of warm-up" is
 * `warmupCosine({learningRate: 0.1, warmupSteps: 500, totalSteps: 9000})`.
 */
export const warmupCosineType = /* @__PURE__ */ scheduleType<WarmupCosineOptions>({
  type: "warmupCosine",
  summary: "Linear warm-up from 0, then cosine to minLr at totalSteps (the seed's recipe).",
  fields: {
    learningRate: learningRate("Peak rate, reached at the end of warm-up."),
    warmupSteps: { kind: "number", doc: "Steps of linear warm-up from 0.", integer: true, min: 0 },
    totalSteps: { kind: "number", doc: "Steps of the whole run.", integer: true, min: 1 },
    minLr: learningRate("Rate at the end of the cosine.", 0),
  },
  build: (o, path) => {
    const { learningRate: lr, warmupSteps, totalSteps, minLr } = o as Required<WarmupCosineOptions>;
    if (totalSteps <= warmupSteps) {
      throw new LrschedError(path("totalSteps"), `must be greater than warmupSteps (${warmupSteps})`, totalSteps);
    }
    if (minLr > lr) throw new LrschedError(path("minLr"), `must be <= learningRate (${lr})`, minLr);
    const decay = cosineDecay({
      initialLearningRate: lr,
      decaySteps: totalSteps - warmupSteps,
      alpha: lr > 0 ? minLr / lr : 0,
    });
    const s = warmup(decay, { warmupSteps });
    return { at: rawAt(s), plan: s.plan };
  },
});

/**
 * The common recipe: a linear warm-up from 0 to learningRate, then a half cosine down to minLr at totalSteps.
 *
 * @example
 * ```ts
 * import { warmupCosine } from "@lrsched/ts-api";
 * const s = warmupCosine({ learningRate: 0.1, warmupSteps: 500, totalSteps: 9000 });
 * s.at(250); // → 0.05
 * s.at(500); // → 0.1
 * s.at(9000); // → 0
 * ```
 */
export const warmupCosine = (options: WarmupCosineOptions) => warmupCosineType.create(options);
