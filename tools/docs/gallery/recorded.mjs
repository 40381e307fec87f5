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
 * Rates of a metric-driven scheduler on a toy validation loss that relaxes toward a floor a smaller
 * rate lowers, so progress stalls until the rate is cut: each epoch trains at the rate the optimizer
 * holds, then `step(loss, epoch)` sees the loss that rate produced.
 */
export function metricRates(optimizer, count, step) {
  const rateNow = () => optimizer.paramGroups[0].lr;
  const rates = [rateNow()];
  let loss = 2;
  for (let epoch = 1; epoch < count; epoch++) {
    loss += (0.2 + 3 * rateNow() - loss) * 0.15;
    step(loss, epoch);
    rates.push(rateNow());
  }
  return rates;
}
