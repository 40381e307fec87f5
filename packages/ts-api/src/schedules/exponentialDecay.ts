import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName, staircase } from "../fields";
import { inRange, lastStepWhere } from "../lastStep";
import { scheduleType } from "../scheduleType";

/**
 * Options of `exponentialDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { exponentialDecay, type ExponentialDecayOptions } from "@lrsched/ts-api";
 * const options: ExponentialDecayOptions = { initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 };
 * exponentialDecay(options).at(0); // → 0.1
 * ```
 */
export interface ExponentialDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Factor applied per `decaySteps` steps (> 0): below 1 a decay, above 1 growth, as in Keras. */
  readonly decayRate: number;
  readonly staircase?: boolean;
  readonly name?: string | null;
}

/**
 * Keras `ExponentialDecay`: `initialLearningRate * decayRate ^ (step / decaySteps)`, the exponent
 * floored when `staircase`. The seed's example, `exponentialDecay({initialLearningRate: 0.15,
 * decaySteps: 100000, decayRate: 0.8, staircase: true})`, gives 0.15 up to step 99999 and 0.12
 * from step 100000. A decayRate above 1 grows the rate, as Keras computes it; such a schedule ends
 * (maxStep) at the last step whose rate is at most 1e300.
 */
export const exponentialDecayType = /* @__PURE__ */ scheduleType<ExponentialDecayOptions>({
  type: "exponentialDecay",
  summary: "lr * decayRate^(step / decaySteps), optionally floored (staircase).",
  fields: {
    initialLearningRate,
    decaySteps,
    decayRate: { kind: "number", doc: "Factor applied per decaySteps steps (> 0): below 1 a decay, above 1 growth.", above: 0 },
    staircase,
    name: kerasName,
  },
  keras: { className: "ExponentialDecay", defaultName: "ExponentialDecay" },
  build: ({ initialLearningRate: lr, decaySteps: d, decayRate: rate, staircase: stair }) => {
    // rate^p as exp(p ln rate): the same value to ~|p ln rate| ulps, and several times faster
    const k = Math.log(rate);
    const at = (step: number) => lr * Math.exp(k * (stair ? Math.floor(step / d) : step / d));
    return {
      at,
      plan: planNode(Op.Exponential, [lr, d, k, stair ? 1 : 0]),
      // growth (decayRate > 1) ends before its rate leaves float64
      maxStep: k > 0 ? lastStepWhere((s) => inRange(at(s))) : undefined,
    };
  },
});

/**
 * Keras `ExponentialDecay`: `lr * decayRate^(step / decaySteps)`, the exponent floored when `staircase`.
 *
 * @example
 * ```ts
 * import { exponentialDecay } from "@lrsched/ts-api";
 * const s = exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100_000, decayRate: 0.8, staircase: true });
 * s.at(99_999); // → 0.15
 * s.at(250_000); // → 0.096
 * ```
 */
export const exponentialDecay = (options: ExponentialDecayOptions) => exponentialDecayType.create(options);
