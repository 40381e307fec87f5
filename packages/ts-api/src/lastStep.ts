// Where a growing schedule ends: rates that grow without bound (a decay rate above 1, peaks that
// grow by mMul) leave float64 at some step, and such a schedule stops at the step before.

/** Rates above this end a growing schedule (far from float64's limit, so no kernel overflows near it). */
export const LARGEST_RATE = 1e300;

/** A rate a growing schedule still has: at most LARGEST_RATE (NaN and Infinity are not). */
export const inRange = (rate: number) => rate <= LARGEST_RATE;

/**
 * The largest step in [0, limit] where `ok` holds, for an `ok` that holds up to some step and
 * never after; undefined when it holds at `limit` (the schedule does not end there). At most 54
 * halvings.
 */
export function lastStepWhere(ok: (step: number) => boolean, limit = Number.MAX_SAFE_INTEGER): number | undefined {
  if (ok(limit)) return undefined;
  let lo = 0; // ok(lo), or lo = 0 when not even step 0 is
  let hi = limit; // !ok(hi)
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
