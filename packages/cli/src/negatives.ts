// Rates below zero come only from formulas that give them (Keras's NoisyLinearCosineDecay noise,
// PyTorch OneCycleLR's linear anneal at its final step, a scaleFn returning < 0): they are written
// as the formula gives them, and said once, on stderr.
import type { CurveArray } from "@lrsched/ts-api";

export interface NegativeRates {
  /** Counts the negative values of a chunk whose values[i] is the rate at firstStep + i * every. */
  count(values: CurveArray, firstStep: number, every: number): void;
  /** The warning line (without the command prefix), or undefined when no rate was negative. */
  warning(): string | undefined;
}

export function negativeRates(): NegativeRates {
  let total = 0;
  let first = -1;
  return {
    count(values, firstStep, every) {
      for (let i = 0; i < values.length; i++) {
        if (values[i]! < 0) {
          if (total === 0) first = firstStep + i * every;
          total++;
        }
      }
    },
    warning() {
      if (total === 0) return undefined;
      return `warning: ${total} negative rate${total === 1 ? "" : "s"}, the first at step ${first}: the schedule's own formula gives them (written as given)`;
    },
  };
}
