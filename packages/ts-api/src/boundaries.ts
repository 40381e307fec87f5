// Locating a step among sorted boundaries. at() is asked for steps in any order, where a binary
// search mispredicts a branch or two per call; for the few boundaries schedules usually have, a
// full count of comparisons compiles without branches on the data and is faster. Callers pass
// their own copies (Float64Array): elements of a frozen options array are slower to read.

/** Up to this many boundaries are counted one by one. */
const LINEAR = 8;

/** How many of the sorted `bounds` are < x, or <= x when `inclusive`. */
function count(bounds: ArrayLike<number>, x: number, inclusive: boolean): number {
  const n = bounds.length;
  if (n <= LINEAR) {
    let k = 0;
    for (let i = 0; i < n; i++) k += +(inclusive ? bounds[i]! <= x : bounds[i]! < x);
    return k;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inclusive ? x >= bounds[mid]! : x > bounds[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted `bounds` are < x (Keras's piecewise rule: value j holds while x <= b_j). */
export const countBelow = (bounds: ArrayLike<number>, x: number) => count(bounds, x, false);

/** How many of the sorted `bounds` are <= x (a join's rule: piece j starts at b_(j-1)). */
export const countAtOrBelow = (bounds: ArrayLike<number>, x: number) => count(bounds, x, true);
