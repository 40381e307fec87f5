// Cosine restarts whose periods shrink (0 < tMul < 1), as Keras's CosineDecayRestarts computes
// them: period i lasts first * tMul^i, so the periods add up to first / (1 - tMul) and the
// schedule ends there (Keras's logarithm turns NaN from that step on). Infinitely many periods
// crowd in before the end; the period of a step comes from the closed form, not from a walk.
import type { RestartPeriod } from "./cosineDecayRestarts";

/**
 * The last integer step before the periods run out: the largest s with s / first * (1 - tMul) < 1,
 * Keras's condition for a finite logarithm.
 */
export function lastShrinkingStep(first: number, tMul: number): number {
  const inside = (s: number) => (s / first) * (1 - tMul) < 1;
  let s = Math.ceil(first / (1 - tMul)) - 1;
  // the estimate is off by at most a step or two: settle it with the exact condition
  for (let k = 0; k < 4 && inside(s + 1); k++) s++;
  for (let k = 0; k < 4 && s > 0 && !inside(s); k++) s--;
  return s;
}

/**
 * The period holding `step` (step <= lastShrinkingStep): i = floor(log(1 - x (1 - t)) / log t)
 * with x = step / first, as Keras computes it, corrected by one period where rounding put the
 * step outside the period it names (a step on a period's first step starts that period).
 */
export function shrinkingPeriods(first: number, tMul: number, decay: number): (step: number) => RestartPeriod {
  const lt = Math.log(tMul);
  const make = (i: number): RestartPeriod => {
    const shrink = Math.pow(tMul, i);
    const start = first * ((1 - shrink) / (1 - tMul));
    return { index: i, start, end: start + first * shrink, length: first * shrink, peak: Math.pow(decay, i) };
  };
  return (step) => {
    const x = step / first;
    let i = Math.max(0, Math.floor(Math.log1p(-x * (1 - tMul)) / lt));
    let p = make(i);
    if (p.start > step && i > 0) p = make(--i);
    else if (p.end <= step) p = make(++i);
    return p;
  };
}
