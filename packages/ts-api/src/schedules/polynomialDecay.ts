import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName, learningRate } from "../fields";
import { power } from "../power";
import { scheduleType } from "../scheduleType";

/**
 * Options of `polynomialDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { polynomialDecay, type PolynomialDecayOptions } from "@lrsched/ts-api";
 * const options: PolynomialDecayOptions = { initialLearningRate: 0.1, decaySteps: 100, power: 2, cycle: true };
 * polynomialDecay(options).at(0); // → 0.1
 * ```
 */
export interface PolynomialDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Default 0.0001 (Keras's default). */
  readonly endLearningRate?: number;
  /** Default 1 (linear); 0 keeps the initial rate, as Keras's 0^0 = 1 does. */
  readonly power?: number;
  /** Restart the decay at every multiple of decaySteps. Default false. */
  readonly cycle?: boolean;
  readonly name?: string | null;
}

/**
 * Keras `PolynomialDecay`: `(lr - end) * (1 - s / D)^power + end` with `s = min(step, D)`. With
 * `cycle`, `D` becomes the first multiple of decaySteps not below the step (decaySteps itself at
 * step 0), so the rate reaches `end` at each multiple and jumps back up on the next step.
 */
export const polynomialDecayType = /* @__PURE__ */ scheduleType<PolynomialDecayOptions>({
  type: "polynomialDecay",
  summary: "(lr - end) * (1 - step / decaySteps)^power + end, optionally cycling.",
  fields: {
    initialLearningRate,
    decaySteps,
    endLearningRate: learningRate("Learning rate reached at decaySteps.", 0.0001),
    power: { kind: "number", doc: "Exponent of the polynomial (>= 0; 0 keeps the initial rate).", min: 0, default: 1 },
    cycle: { kind: "boolean", doc: "Restart the decay at every multiple of decaySteps.", default: false },
    name: kerasName,
  },
  keras: { className: "PolynomialDecay", defaultName: "PolynomialDecay" },
  build: (o) => {
    const { initialLearningRate: lr, decaySteps: d, endLearningRate: end, power: exponent, cycle } =
      o as Required<PolynomialDecayOptions>;
    if (exponent === 0) {
      // (1 - p)^0 is 1 for every p, 0 included (Keras's pow): (lr - end) * 1 + end throughout
      const flat = lr - end + end;
      return { at: () => flat, plan: planNode(Op.Constant, [flat]) };
    }
    return {
      at(step) {
        let s = step;
        let span = d;
        if (cycle) span = d * (step === 0 ? 1 : Math.ceil(step / d));
        else s = Math.min(step, d);
        // clamped at 0: rounding of a cycle's end must not make the base negative
        return (lr - end) * power(Math.max(0, 1 - s / span), exponent) + end;
      },
      plan: planNode(Op.Polynomial, [lr, d, end, exponent, cycle ? 1 : 0]),
    };
  },
});

/**
 * Keras `PolynomialDecay`: `(lr - end) * (1 - step / decaySteps)^power + end`, optionally cycling.
 *
 * @example
 * ```ts
 * import { polynomialDecay } from "@lrsched/ts-api";
 * const s = polynomialDecay({ initialLearningRate: 0.1, decaySteps: 100, endLearningRate: 0.01, power: 2 });
 * s.at(50); // → 0.0325
 * s.at(500); // → 0.01
 * ```
 */
export const polynomialDecay = (options: PolynomialDecayOptions) => polynomialDecayType.create(options);
