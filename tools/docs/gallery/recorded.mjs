// Stateful schedulers (PyTorch-style classes) drawn from the rates they really produce, step by step.
import { piecewiseConstantDecay } from "@lrsched/ts-api";

/** Rates after construction and after each of `count - 1` calls of `step(metrics[i])`. */
export function recordRates(scheduler, count, metrics = []) {
  const rates = [scheduler.getLastLr()[0]];
  for (let i = 1; i < count; i++) {
    scheduler.step(metrics[i - 1]);
    rates.push(scheduler.getLastLr()[0]);
  }
  return rates;
}

/** A schedule holding `rates[k]` at step k: each rate holds from its step to the next. */
export function ratesSchedule(rates) {
  return piecewiseConstantDecay({ boundaries: rates.slice(1).map((_, k) => k), values: rates });
}

/** Steps where the recorded rate fell. */
export const drops = (rates) => rates.flatMap((r, k) => (k > 0 && r < rates[k - 1] ? [k] : []));

/**
 * A toy validation loss for metric-driven schedulers: it relaxes toward a floor that a smaller rate
 * lowers, so progress stalls until the rate is cut. `lrAt(k)` reads the rate the step trains with.
 */
export function simulatedLoss(lrAt, count) {
  const losses = [];
  let loss = 2;
  for (let k = 0; k < count; k++) {
    loss += (0.2 + 3 * lrAt(k) - loss) * 0.15;
    losses.push(loss);
  }
  return losses;
}
