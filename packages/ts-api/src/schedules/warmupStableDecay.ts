import { Op, planNode, type PlanNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import { learningRate } from "../fields";
import { rampAt, rampPlan, type RampShapeName } from "../ramp";
import { scheduleType } from "../scheduleType";
import { pieceIndex } from "./join";

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
export const warmupStableDecayType = scheduleType<WarmupStableDecayOptions>({
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
    // phases with no steps are left out so the join's boundaries strictly increase
    const all: { steps: number; plan: PlanNode; at: (s: number) => number }[] = [
      { steps: w, plan: rampPlan("linear", initialLr, lr, w), at: (s) => rampAt("linear", initialLr, lr, w, s) },
      { steps: stable, plan: planNode(Op.Constant, [lr]), at: () => lr },
      { steps: d, plan: rampPlan(shape, lr, minLr, d), at: (s) => rampAt(shape, lr, minLr, d, s) },
      { steps: Infinity, plan: planNode(Op.Constant, [minLr]), at: () => minLr },
    ];
    const phases = all.filter((p) => p.steps > 0);
    const boundaries: number[] = [];
    let edge = 0;
    for (const p of phases.slice(0, -1)) boundaries.push((edge += p.steps));
    return {
      at(step) {
        const i = pieceIndex(boundaries, step);
        return phases[i].at(i === 0 ? step : step - boundaries[i - 1]);
      },
      plan: planNode(Op.Join, [phases.length, ...boundaries], phases.map((p) => p.plan)),
    };
  },
});

export const warmupStableDecay = (options: WarmupStableDecayOptions) => warmupStableDecayType.create(options);
