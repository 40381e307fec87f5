// Python's integer semantics where they differ from JavaScript's, for PyTorch's arithmetic.

/**
 * Python's `a // b` for floats and ints alike (b != 0): CPython's float divmod, which takes the
 * exact remainder (fmod) and divides the exact multiple it leaves, rather than flooring a rounded
 * quotient. For integers below 2^53 every step is exact.
 */
export function floorDiv(a: number, b: number): number {
  const mod = a % b; // C's fmod: exact
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return 0 * Math.sign(a / b); // a zero with the sign of the true quotient
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}

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
