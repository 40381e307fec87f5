// How much a range test smooths its loss, and where its raw loss diverged.

/**
 * Weight of the past in the loss's moving average for a test of `batches` batches: the average
 * spans about a twentieth of the test (at least 2 batches, at most 50), so its lag is about a
 * twentieth of the rate range however many batches there are. fastai's fixed 0.98 spans 50
 * batches: most of a 60-batch test, a decade or more of lag.
 */
export const smoothingBeta = (batches: number) => 1 - 1 / Math.min(50, Math.max(2, batches / 20));

/** Raw loss above this multiple of its best so far (and above where it started) counts as diverged. */
export const DIVERGENCE = 4;

/**
 * Index of the first batch whose raw loss diverged: not finite, or above DIVERGENCE x the lowest
 * loss before it while also above the first loss (a noisy batch near a low minimum is not a
 * divergence; a loss that climbs past where training started is). -1 when it never did.
 */
export function rawDivergence(losses: readonly number[]): number {
  let best = Infinity;
  for (let i = 0; i < losses.length; i++) {
    const l = losses[i];
    if (!Number.isFinite(l) || (l > DIVERGENCE * best && l > losses[0])) return i;
    best = Math.min(best, l);
  }
  return -1;
}

/**
 * Index of the lowest finite smoothed loss among the first `before` batches: where the descent ends.
 * Past it the loss climbs, and a "steepest fall" read there is noise on the way up.
 */
export function descentEnd(smoothed: readonly number[], before: number): number {
  let low = 0;
  for (let i = 1; i < Math.min(before, smoothed.length); i++) if (Number.isFinite(smoothed[i]) && !(smoothed[i] >= smoothed[low])) low = i;
  return low;
}
