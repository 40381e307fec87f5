/**
 * A compact label for an axis or table: 3 significant digits, exponent form when tiny or huge.
 *
 * @example
 * ```ts
 * import { formatNumber } from "@lrsched/explore";
 * [formatNumber(0.123456), formatNumber(1e-5), formatNumber(2.5e7)]; // → ["0.123", "1e-5", "2.5e7"]
 * ```
 */
export function formatNumber(v: number, digits = 3): string {
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(digits)));
  const [m, e] = v.toExponential(digits - 1).split("e");
  return `${String(Number(m))}e${Number(e)}`;
}

/**
 * Step counts with SI suffixes: 1500 -> 1.5k, 1e9 -> 1G.
 *
 * @example
 * ```ts
 * import { formatSteps } from "@lrsched/explore";
 * [formatSteps(1500), formatSteps(1e9), formatSteps(42)]; // → ["1.5k", "1G", "42"]
 * ```
 */
export function formatSteps(v: number): string {
  const a = Math.abs(v);
  for (const [scale, suffix] of [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"]] as const) {
    if (a >= scale) return `${Number((v / scale).toPrecision(3))}${suffix}`;
  }
  return String(Math.round(v));
}
