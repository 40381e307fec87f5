// Mean, spread and a Student-t interval of a handful of numbers (one per seed).
import { studentTQuantile } from "./studentT";

/**
 * A handful of numbers (one per seed) summarised: how many, their mean, spread and a 95 % interval
 * of the mean.
 *
 * @example
 * ```ts
 * import { describeSample, type Described } from "@lrsched/explore";
 * const one: Described = describeSample([0.5]);
 * one; // → { n: 1, mean: 0.5, std: null, ci95: null }
 * ```
 */
export interface Described {
  /** How many numbers. */
  readonly n: number;
  /** Their mean. */
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator); null for a single value. */
  readonly std: number | null;
  /** Two-sided 95 % Student-t interval of the mean; null for a single value. */
  readonly ci95: readonly [number, number] | null;
}

export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n - 1 in the denominator). */
export function sampleStd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
}

/**
 * Mean, sample standard deviation and the two-sided 95 % Student-t interval of the mean,
 * `mean ± t_{0.975, n-1} * std / sqrt(n)`. NaN anywhere gives NaN everywhere (a diverged run).
 *
 * @example
 * ```ts
 * import { describeSample } from "@lrsched/explore";
 * describeSample([0.9, 0.92, 0.94]); // → { n: 3, mean: 0.92, std: 0.02, ci95: [0.8703, 0.9697] }
 * ```
 */
export function describeSample(xs: readonly number[]): Described {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { n, mean: m, std: null, ci95: null };
  const std = sampleStd(xs);
  const half = (studentTQuantile(0.975, n - 1) * std) / Math.sqrt(n);
  return { n, mean: m, std, ci95: [m - half, m + half] };
}
