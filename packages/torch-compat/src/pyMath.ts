// Python's integer semantics where they differ from JavaScript's, for PyTorch's arithmetic.

/** Python `a // b` (floor division). */
export const floorDiv = (a: number, b: number) => Math.floor(a / b);

/** Python `bisect.bisect_right(sorted, x)`: index after the last element <= x. */
export function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Python's `max(a, b)`: `a` unless `b > a` (so a NaN first argument wins, unlike Math.max). */
export const pyMax = (a: number, b: number) => (b > a ? b : a);
