// Student's t distribution for integer degrees of freedom, in closed form: no tables, no special
// functions beyond atan and powers of cos/sin.
import { LrschedError } from "@lrsched/ts-api";

/**
 * P(|T| <= t) for T ~ Student t with `df` degrees of freedom (an integer >= 1).
 *
 * With theta = atan(t / sqrt(df)) it is a finite series in cos^2(theta) (Abramowitz & Stegun
 * 26.7.3-26.7.4), where c = cos(theta):
 *
 * - even df: sin(theta) * (1 + 1/2 c^2 + (1*3)/(2*4) c^4 + ... up to c^(df-2))
 * - odd df: (2/pi) * (theta + sin(theta) * (c + 2/3 c^3 + (2*4)/(3*5) c^5 + ... up to c^(df-2)))
 *
 * @example
 * ```ts
 * import { studentTCentral } from "@lrsched/explore";
 * studentTCentral(1, 1); // → 0.5
 * studentTCentral(2.7764, 4); // → 0.95000
 * ```
 */
export function studentTCentral(t: number, df: number): number {
  checkDf(df);
  return centralAt(Math.atan(Math.abs(t) / Math.sqrt(df)), df);
}

function centralAt(theta: number, df: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (df === 1) return (2 / Math.PI) * theta;
  let term = c;
  let sum = c;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

/**
 * The quantile t_{p, df}: the t with P(T <= t) = p, for p in (0, 1) and an integer `df` >= 1.
 * Found by bisection on theta in (0, pi/2), where the central probability rises monotonically, to
 * the last bit.
 *
 * @example
 * ```ts
 * import { studentTQuantile } from "@lrsched/explore";
 * studentTQuantile(0.975, 1); // → 12.7062
 * studentTQuantile(0.975, 4); // → 2.7764
 * studentTQuantile(0.025, 4); // → -2.7764
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new LrschedError("p", "must be a probability strictly between 0 and 1", p);
  if (p === 0.5) return 0;
  const target = Math.abs(2 * p - 1);
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (centralAt(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(df) * Math.tan((lo + hi) / 2);
  return p < 0.5 ? -t : t;
}

function checkDf(df: number): void {
  if (!Number.isInteger(df) || df < 1) throw new LrschedError("df", "must be an integer >= 1", df);
}
