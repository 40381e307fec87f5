import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName, staircase } from "../fields";
import { scheduleType } from "../scheduleType";

/**
 * Options of `inverseTimeDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { inverseTimeDecay, type InverseTimeDecayOptions } from "@lrsched/ts-api";
 * const options: InverseTimeDecayOptions = { initialLearningRate: 0.1, decaySteps: 100, decayRate: 1 };
 * inverseTimeDecay(options).at(0); // → 0.1
 * ```
 */
export interface InverseTimeDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase?: boolean;
  readonly name?: string | null;
}

/**
 * Keras `InverseTimeDecay`: `initialLearningRate / (1 + decayRate * step / decaySteps)`, the
 * quotient floored when `staircase`. With lr 0.1, decaySteps 1, decayRate 0.5: 0.1, 0.0667, 0.05, ...
 */
export const inverseTimeDecayType = /* @__PURE__ */ scheduleType<InverseTimeDecayOptions>({
  type: "inverseTimeDecay",
  summary: "lr / (1 + decayRate * step / decaySteps), optionally floored (staircase).",
  fields: {
    initialLearningRate,
    decaySteps,
    decayRate: { kind: "number", doc: "Rate of the 1/t decay (>= 0).", min: 0 },
    staircase,
    name: kerasName,
  },
  keras: { className: "InverseTimeDecay", defaultName: "InverseTimeDecay" },
  build: ({ initialLearningRate: lr, decaySteps: d, decayRate: rate, staircase: stair }) => ({
    at(step) {
      const p = stair ? Math.floor(step / d) : step / d;
      return lr / (1 + rate * p);
    },
    plan: planNode(Op.InverseTime, [lr, d, rate, stair ? 1 : 0]),
  }),
});

/**
 * Keras `InverseTimeDecay`: `lr / (1 + decayRate * step / decaySteps)`, floored when `staircase`.
 *
 * @example
 * ```ts
 * import { inverseTimeDecay } from "@lrsched/ts-api";
 * const s = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
 * [0, 1, 2].map((k) => s.at(k)); // → [0.1, 0.0667, 0.05]
 * ```
 */
export const inverseTimeDecay = (options: InverseTimeDecayOptions) => inverseTimeDecayType.create(options);
