import { checkNumber } from "./checks";

/**
 * Exponential moving average of `losses` with bias correction (as Adam corrects its moments):
 * `avg_i = beta * avg_{i-1} + (1 - beta) * loss_i` from `avg_{-1} = 0`, reported as
 * `avg_i / (1 - beta^(i+1))`. Without the correction the first values would be pulled toward
 * zero; with it the first smoothed value is the first loss itself.
 *
 * A NaN or infinite loss makes that point and every later one non-finite, as the average would.
 *
 * @param beta weight of the past, in [0, 1). 0.98 averages over roughly the last 50 batches.
 * @example
 * smoothLosses([2, 2, 2], 0.9); // [2, 2, 2]: a constant is unchanged
 * smoothLosses([1, 3], 0.5);    // [1, 2.333...]: (0.5 * 0.5 + 0.5 * 3) / (1 - 0.5^2)
 */
export function smoothLosses(losses: readonly number[], beta = 0.98): number[] {
  checkNumber("beta", beta, { min: 0, below: 1 });
  const out: number[] = new Array(losses.length);
  let avg = 0;
  let weight = 1; // beta^(i+1), kept as a running product
  for (let i = 0; i < losses.length; i++) {
    avg = beta * avg + (1 - beta) * losses[i];
    weight *= beta;
    out[i] = avg / (1 - weight);
  }
  return out;
}
