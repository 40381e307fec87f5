// Fixed anchor grid of the recurrences: blocks of ANCHOR steps starting at multiples of ANCHOR
// in the kernel's local step (plus the local step's fractional part, when it has one).

export const ANCHOR = 512;

/** Steps from the start of the anchor block holding local step `s` to `s`. */
@inline export function blockSkip(s: f64): i32 {
  return <i32>Math.floor(s - <f64>ANCHOR * Math.floor(s / <f64>ANCHOR));
}
