// Min/max-per-pixel reduction: a long curve becomes, per horizontal pixel, its first, last, lowest
// and highest value, so a one-step spike (a restart, a cycle's peak) survives any zoom level.
import type { Schedule } from "@lrsched/ts-api";
import { sampled, type Sampling } from "../sample";

/**
 * Per-bucket extremes of one curve. Bucket `b` covers sample indices [b*n/B, (b+1)*n/B).
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize, type Buckets } from "@lrsched/cli";
 * const b: Buckets = bucketize(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 100, every: 1 }, 10);
 * [b.count, b.max[0], b.minStep[9]]; // → [10, 0.1, 99]
 * ```
 */
export interface Buckets {
  readonly count: number;
  readonly first: Float64Array;
  readonly last: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Step of each bucket's first, last, min and max value. */
  readonly firstStep: Float64Array;
  readonly lastStep: Float64Array;
  readonly minStep: Float64Array;
  readonly maxStep: Float64Array;
}

/**
 * Reduces the sampled curve to at most `width` buckets in one streaming pass.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize } from "@lrsched/cli";
 * const b = bucketize(constant({ value: 0.1 }), { start: 0, steps: 1_000_000, every: 1 }, 720);
 * b.count; // → 720
 * ```
 */
export function bucketize(schedule: Schedule, s: Sampling, width: number, onProgress?: (done: number) => void): Buckets {
  const n = Math.ceil(s.steps / s.every);
  const count = Math.max(1, Math.min(width, n));
  const arr = () => new Float64Array(count);
  const b: Buckets = {
    count,
    first: arr(), last: arr(), min: arr().fill(Infinity), max: arr().fill(-Infinity),
    firstStep: arr().fill(NaN), lastStep: arr(), minStep: arr(), maxStep: arr(),
  };
  // first sample index of bucket k: ceil(k * n / count), the inverse of floor(index * count / n)
  const bucketStart = (k: number) => Math.ceil((k * n) / count);
  let index = 0;
  let k = 0;
  for (const { firstStep, values } of sampled(schedule, s, "float64")) {
    let i = 0;
    while (i < values.length) {
      while (bucketStart(k + 1) <= index + i) k++;
      const end = Math.min(values.length, bucketStart(k + 1) - index);
      let mn = b.min[k];
      let mx = b.max[k];
      let mnAt = -1;
      let mxAt = -1;
      for (let j = i; j < end; j++) {
        const v = values[j];
        if (v < mn) {
          mn = v;
          mnAt = j;
        }
        if (v > mx) {
          mx = v;
          mxAt = j;
        }
      }
      const stepOf = (j: number) => firstStep + j * s.every;
      if (Number.isNaN(b.firstStep[k])) {
        b.firstStep[k] = stepOf(i);
        b.first[k] = values[i];
      }
      b.last[k] = values[end - 1];
      b.lastStep[k] = stepOf(end - 1);
      if (mnAt >= 0) {
        b.min[k] = mn;
        b.minStep[k] = stepOf(mnAt);
      }
      if (mxAt >= 0) {
        b.max[k] = mx;
        b.maxStep[k] = stepOf(mxAt);
      }
      i = end;
    }
    index += values.length;
    onProgress?.(index);
  }
  return b;
}

/**
 * A point of a chart line.
 *
 * @example
 * ```ts
 * import type { Point } from "@lrsched/cli";
 * const p: Point = { step: 100, lr: 0.05 };
 * p.lr; // → 0.05
 * ```
 */
export interface Point {
  readonly step: number;
  readonly lr: number;
}

/**
 * The points a line chart needs: per bucket its first, min, max and last, in step order.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize, linePoints } from "@lrsched/cli";
 * const points = linePoints(bucketize(constant({ value: 0.1 }), { start: 0, steps: 10, every: 1 }, 2));
 * points.map((p) => p.step); // → [0, 4, 5, 9]
 * ```
 */
export function linePoints(b: Buckets): Point[] {
  const out: Point[] = [];
  for (let k = 0; k < b.count; k++) {
    const pts: Point[] = [
      { step: b.firstStep[k], lr: b.first[k] },
      { step: b.minStep[k], lr: b.min[k] },
      { step: b.maxStep[k], lr: b.max[k] },
      { step: b.lastStep[k], lr: b.last[k] },
    ].sort((p, q) => p.step - q.step);
    for (const p of pts) if (out.length === 0 || out[out.length - 1].step !== p.step) out.push(p);
  }
  return out;
}
