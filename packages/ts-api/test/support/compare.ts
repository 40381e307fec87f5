import { expect } from "vitest";

/** Relative error, with values near zero judged against `scale` (the contract's absolute floor). */
export function relErr(got: number, want: number, scale = Math.abs(want)): number {
  if (got === want) return 0;
  return Math.abs(got - want) / Math.max(Math.abs(want), 1e-6 * Math.abs(scale), Number.MIN_VALUE);
}

/**
 * Largest relative error of `got` against `want(i)`, judging values below 1e-6 x `peak` (the
 * schedule's largest rate) absolutely, as the accuracy contract does.
 */
export function maxRelErr(got: ArrayLike<number>, want: (i: number) => number, peak: number): number {
  const ref = Array.from({ length: got.length }, (_, i) => want(i));
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const err = Math.abs(got[i] - ref[i]) / Math.max(Math.abs(ref[i]), 1e-6 * peak, Number.MIN_VALUE);
    if (!(err <= worst)) worst = err;
  }
  return worst;
}

export function expectClose(got: number, want: number, tol: number) {
  expect(relErr(got, want), `got ${got}, want ${want}`).toBeLessThanOrEqual(tol);
}
