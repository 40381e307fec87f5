import { Op, planNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import { fraction, initialLearningRate } from "../fields";
import { scheduleType } from "../scheduleType";
import { restartPeriods } from "./cosineDecayRestarts";

/**
 * Options of `sgdr()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { sgdr, type SgdrOptions } from "@lrsched/ts-api";
 * const options: SgdrOptions = { initialLearningRate: 0.1, firstDecaySteps: 300, tMul: 2, warmupSteps: 20 };
 * sgdr(options).at(0); // → 0
 * ```
 */
export interface SgdrOptions {
  /** Peak rate of the first period. */
  readonly initialLearningRate: number;
  /** Length of the first period, warm-up included. */
  readonly firstDecaySteps: number;
  /** Period growth factor (>= 1). Default 1. */
  readonly tMul?: number;
  /** Peak factor per restart (timm's cycle_decay, Keras's m_mul). Default 1. */
  readonly cycleDecay?: number;
  /** Floor as a fraction of initialLearningRate. Default 0. */
  readonly alpha?: number;
  /** Linear warm-up steps at the start of every period (< firstDecaySteps). Default 0. */
  readonly warmupSteps?: number;
}

/**
 * SGDR with warm-up per cycle: period k lasts firstDecaySteps * tMul^k steps; it ramps linearly
 * from the floor lr * alpha to its peak lr * ((1 - alpha) * cycleDecay^k + alpha) over
 * warmupSteps, then follows a half cosine back to the floor. With warmupSteps 0 this is
 * cosineDecayRestarts with mMul = cycleDecay.
 */
export const sgdrType = /* @__PURE__ */ scheduleType<SgdrOptions>({
  type: "sgdr",
  summary: "Cosine restarts with a linear warm-up at the start of every period; peaks decay per cycle.",
  fields: {
    initialLearningRate,
    firstDecaySteps: { kind: "number", doc: "Length of the first period (>= 1).", min: 1 },
    tMul: { kind: "number", doc: "Period growth factor (>= 1).", min: 1, default: 1 },
    cycleDecay: { kind: "number", doc: "Peak factor per restart, in [0, 1].", min: 0, max: 1, default: 1 },
    alpha: fraction("Floor, as a fraction of initialLearningRate.", 0),
    warmupSteps: { kind: "number", doc: "Warm-up steps at the start of every period.", integer: true, min: 0, default: 0 },
  },
  build: (o, path) => {
    const { initialLearningRate: lr, firstDecaySteps: first, tMul, cycleDecay, alpha, warmupSteps: w } =
      o as Required<SgdrOptions>;
    if (w >= first) throw new LrschedError(path("warmupSteps"), `must be < firstDecaySteps (${first})`, w);
    const locate = restartPeriods(first, tMul, cycleDecay);
    return {
      at(step) {
        const { start, length, peak } = locate(step);
        const x = step - start;
        const b = 0.5 * lr * (1 - alpha) * peak;
        const floor = lr * alpha;
        if (x < w) return floor + ((2 * b) / w) * x;
        return b + floor + b * Math.cos((Math.PI / (length - w)) * (x - w));
      },
      plan: planNode(Op.CosineRestarts, [lr, first, tMul, cycleDecay, alpha, w]),
    };
  },
});

/**
 * Cosine restarts with a linear warm-up at the start of every period; peaks decay by cycleDecay per cycle.
 *
 * @example
 * ```ts
 * import { sgdr } from "@lrsched/ts-api";
 * const s = sgdr({ initialLearningRate: 0.1, firstDecaySteps: 300, cycleDecay: 0.5, warmupSteps: 30 });
 * s.at(30); // → 0.1
 * s.at(330); // → 0.05
 * ```
 */
export const sgdr = (options: SgdrOptions) => sgdrType.create(options);
