import { Op, planNode } from "@lrsched/core";
import { countBelow } from "../boundaries";
import { LrschedError } from "../errors";
import { kerasName } from "../fields";
import { scheduleType } from "../scheduleType";

/**
 * Options of `piecewiseConstantDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { piecewiseConstantDecay, type PiecewiseConstantDecayOptions } from "@lrsched/ts-api";
 * const options: PiecewiseConstantDecayOptions = { boundaries: [100, 200], values: [1, 0.5, 0.1] };
 * piecewiseConstantDecay(options).at(0); // → 1
 * ```
 */
export interface PiecewiseConstantDecayOptions {
  /** Strictly increasing steps where the value changes (any numbers, negative and fractional too). */
  readonly boundaries: readonly number[];
  /** One more value than boundaries. */
  readonly values: readonly number[];
  readonly name?: string | null;
}

/**
 * Keras `PiecewiseConstantDecay`: `values[0]` while `step <= boundaries[0]`, `values[i]` while
 * `boundaries[i-1] < step <= boundaries[i]`, `values[n]` after the last boundary. A boundary step
 * still has the earlier value: with boundaries [100, 200] and values [1.0, 0.5, 0.1], steps 0..100
 * give 1.0, 101..200 give 0.5 and 201 on give 0.1.
 */
export const piecewiseConstantDecayType = /* @__PURE__ */ scheduleType<PiecewiseConstantDecayOptions>({
  type: "piecewiseConstantDecay",
  summary: "values[i] between boundaries (a boundary step keeps the earlier value).",
  fields: {
    boundaries: { kind: "numberList", doc: "Strictly increasing steps where the value changes (fractional or negative allowed).", minLength: 1, increasing: true },
    values: { kind: "numberList", doc: "Learning rates, one more than boundaries.", minLength: 2, min: 0 },
    name: kerasName,
  },
  keras: { className: "PiecewiseConstantDecay", defaultName: "PiecewiseConstant" },
  build: ({ boundaries, values }, path) => {
    if (values.length !== boundaries.length + 1) {
      throw new LrschedError(
        path("values"),
        `must have one more entry than boundaries (${boundaries.length + 1})`,
        values,
      );
    }
    const bounds = Float64Array.from(boundaries);
    const valueOf = Float64Array.from(values);
    return {
      at(step) {
        return valueOf[countBelow(bounds, step)]!;
      },
      plan: planNode(Op.Piecewise, [boundaries.length, ...boundaries, ...values]),
    };
  },
});

/**
 * Keras `PiecewiseConstantDecay`: `values[i]` between boundaries; a boundary step keeps the earlier value.
 *
 * @example
 * ```ts
 * import { piecewiseConstantDecay } from "@lrsched/ts-api";
 * const s = piecewiseConstantDecay({ boundaries: [100, 200], values: [1.0, 0.5, 0.1] });
 * [100, 101, 201].map((k) => s.at(k)); // → [1, 0.5, 0.1]
 * ```
 */
export const piecewiseConstantDecay = (options: PiecewiseConstantDecayOptions) =>
  piecewiseConstantDecayType.create(options);
