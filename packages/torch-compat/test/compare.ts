// Relative comparison with a running maximum per scheduler class (reported by the conformance test).

export const TOLERANCE = 1e-12;

/** Largest relative error seen per class. */
export const maxError = new Map<string, number>();

/**
 * Relative error of `got` against `want`; `scale` is the magnitude of the sequence, used where the
 * expected value is exactly 0 (a relative error is undefined there).
 */
export function relError(got: number, want: number, scale: number): number {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return 0;
  if (want === 0) return Math.abs(got) / (scale || 1);
  return Math.abs(got - want) / Math.abs(want);
}

/** [bit-identical values, values compared] per class. */
export const exactCount = new Map<string, [number, number]>();

export function note(cls: string, err: number): void {
  const [same, all] = exactCount.get(cls) ?? [0, 0];
  exactCount.set(cls, [same + (err === 0 ? 1 : 0), all + 1]);
  if (err > (maxError.get(cls) ?? 0) || !maxError.has(cls)) maxError.set(cls, Math.max(err, maxError.get(cls) ?? 0));
}

const decode = (v: unknown) => (v === "inf" ? Infinity : v === "-inf" ? -Infinity : v === "nan" ? NaN : v);

/** Deep comparison of state dicts: same keys, numbers within tolerance; returns the differences. */
export function diffState(got: unknown, want: unknown, path = "", tol = TOLERANCE): string[] {
  const g = decode(got);
  const w = decode(want);
  if (typeof w === "number" && typeof g === "number") {
    return relError(g, w, 1) <= tol ? [] : [`${path}: ${g} != ${w}`];
  }
  if (Array.isArray(w)) {
    if (!Array.isArray(g) || g.length !== w.length) return [`${path}: ${JSON.stringify(g)} != ${JSON.stringify(w)}`];
    return w.flatMap((x, i) => diffState(g[i], x, `${path}[${i}]`, tol));
  }
  if (w !== null && typeof w === "object") {
    if (g === null || typeof g !== "object") return [`${path}: not an object`];
    const gk = Object.keys(g).sort();
    const wk = Object.keys(w).sort();
    if (gk.join() !== wk.join()) return [`${path}: keys ${gk.join(",")} != ${wk.join(",")}`];
    return wk.flatMap((k) => diffState((g as Record<string, unknown>)[k], (w as Record<string, unknown>)[k], `${path}.${k}`, tol));
  }
  return Object.is(g, w) ? [] : [`${path}: ${JSON.stringify(g)} != ${JSON.stringify(w)}`];
}
