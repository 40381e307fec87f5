// Mean, spread and a Student-t interval of a handful of numbers (one per seed).
import { studentTQuantile } from "./studentT";

export interface Described {
  readonly n: number;
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

/** `mean ± t_{0.975, n-1} * std / sqrt(n)`. NaN anywhere gives NaN everywhere (a diverged run). */
export function describeSample(xs: readonly number[]): Described {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { n, mean: m, std: null, ci95: null };
  const std = sampleStd(xs);
  const half = (studentTQuantile(0.975, n - 1) * std) / Math.sqrt(n);
  return { n, mean: m, std, ci95: [m - half, m + half] };
}
