// Fixed anchor grid of the recurrences: blocks of ANCHOR steps starting at multiples of ANCHOR
// in the kernel's local step (plus the local step's fractional part, when it has one).

export const ANCHOR = 512;

/** Steps from the start of the block (of `size` steps, ANCHOR by default) holding `s` to `s`. */
@inline export function blockSkip(s: f64, size: i32 = ANCHOR): i32 {
  return <i32>Math.floor(s - <f64>size * Math.floor(s / <f64>size));
}
