import { LrschedError } from "@lrsched/ts-api";
import { checkNumber } from "./checks";

/**
 * One suggested rate and the point of the curve it comes from.
 *
 * @example
 * ```ts
 * import { suggestLearningRates, type LrSuggestion } from "@lrsched/tfjs-adapter";
 * const s: LrSuggestion = suggestLearningRates([1e-3, 1e-2, 1e-1, 1], [2, 1.5, 1, 5], { skipStart: 0, skipEnd: 0 }).minimum!;
 * s.index; // → 2
 * ```
 */
export interface LrSuggestion {
  /** The suggested learning rate. */
  readonly lr: number;
  /** Index into the range test's series of the point the suggestion is read from. */
  readonly index: number;
  /** Smoothed loss at that point. */
  readonly loss: number;
}

/**
 * The three usual readings of a range test's loss-vs-rate curve.
 *
 * @example
 * ```ts
 * import { suggestLearningRates, type LrSuggestions } from "@lrsched/tfjs-adapter";
 * const s: LrSuggestions = suggestLearningRates([1e-3, 1e-2, 1e-1, 1], [2, 1.5, 1, 5], { skipStart: 0, skipEnd: 0 });
 * s.minimum?.lr; // → 0.01
 * ```
 */
export interface LrSuggestions {
  /** Where the smoothed loss falls fastest per unit of log rate. */
  readonly steepest?: LrSuggestion;
  /** The rate at the lowest smoothed loss, divided by 10 (`index` and `loss` are the minimum's). */
  readonly minimum?: LrSuggestion;
  /** Half-way along the longest stretch over which the loss keeps going down. */
  readonly valley?: LrSuggestion;
}

/**
 * Which ends of a range test's curve the suggestions leave out.
 *
 * @example
 * ```ts
 * import { suggestLearningRates, type SuggestOptions } from "@lrsched/tfjs-adapter";
 * const options: SuggestOptions = { skipStart: 0, skipEnd: 0 };
 * suggestLearningRates([1e-3, 1e-2, 1e-1, 1], [2, 1.5, 1, 5], options).minimum?.loss; // → 1
 * ```
 */
export interface SuggestOptions {
  /** Points left out at the start (the loss is still noise there). Default: a tenth of the points. */
  readonly skipStart?: number;
  /** Points left out at the end (where it diverges). Default 5. */
  readonly skipEnd?: number;
}

/**
 * Reads suggested rates off a range test: `lrs[i]` is the rate of batch i and `smoothed[i]` the
 * smoothed loss after it (see {@link smoothLosses}). The first `skipStart` and last `skipEnd`
 * points are ignored (when that leaves fewer than 2 points, nothing is skipped).
 *
 * - steepest: the segment with the most negative slope `(s[i+1] - s[i]) / (ln lr[i+1] - ln lr[i])`,
 *   read at its left end;
 * - minimum: `lr / 10` at the lowest smoothed loss (a rate safely below where the loss turns up);
 * - valley: the longest run of decreasing losses (the longest decreasing subsequence, taken as
 *   the stretch of that many points ending at its last point), read half-way along. This is
 *   where fastai's `valley` lands; it describes the pick as partway down the slope, before the
 *   bottom, so that a rough curve still gives a rate that trains.
 *
 * Non-finite losses (a diverged batch) are skipped.
 *
 * @example
 * // a loss that falls like -tanh around lr = 1e-2 and blows up after 1
 * suggestLearningRates(lrs, smoothed).steepest?.lr; // close to 1e-2
 */
export function suggestLearningRates(lrs: readonly number[], smoothed: readonly number[], options: SuggestOptions = {}): LrSuggestions {
  if (lrs.length !== smoothed.length) {
    throw new LrschedError("smoothed", `must have one loss per rate (${lrs.length}), got ${smoothed.length}`);
  }
  const n = lrs.length;
  let start = checkNumber("skipStart", options.skipStart ?? Math.floor(n / 10), { integer: true, min: 0 });
  let end = n - checkNumber("skipEnd", options.skipEnd ?? 5, { integer: true, min: 0 });
  if (end - start < 2) {
    start = 0;
    end = n;
  }
  const idx: number[] = [];
  for (let i = start; i < end; i++) if (Number.isFinite(smoothed[i]) && lrs[i] > 0) idx.push(i);
  if (idx.length === 0) return {};
  const point = (i: number, lr = lrs[i]): LrSuggestion => ({ lr, index: i, loss: smoothed[i] });

  let lowest = idx[0];
  for (const i of idx) if (smoothed[i] < smoothed[lowest]) lowest = i;
  const minimum = point(lowest, lrs[lowest] / 10);
  if (idx.length < 2) return { minimum };

  let steepest = -1;
  let slope = Infinity;
  for (let k = 0; k + 1 < idx.length; k++) {
    const a = idx[k];
    const b = idx[k + 1];
    const run = Math.log(lrs[b]) - Math.log(lrs[a]);
    if (!(run > 0)) continue;
    const g = (smoothed[b] - smoothed[a]) / run;
    if (g < slope) {
      slope = g;
      steepest = a;
    }
  }

  return { steepest: steepest < 0 ? undefined : point(steepest), minimum, valley: point(idx[valleyIndex(idx.map((i) => smoothed[i]))]) };
}

/**
 * Index (into `losses`) half-way along the longest valley. `run[i]` is the length of the longest
 * strictly decreasing subsequence ending at i; the valley is the stretch of `run[i]` points
 * ending at the first i where that length peaks. O(n^2), fine for a few hundred points.
 *
 * @example
 * ```ts
 * import { valleyIndex } from "@lrsched/tfjs-adapter";
 * valleyIndex([3, 2.9, 2.5, 1.8, 1.2, 1.1, 1.15, 4]) >= 2; // → true
 * ```
 */
export function valleyIndex(losses: readonly number[]): number {
  const n = losses.length;
  if (n === 0) throw new LrschedError("losses", "must not be empty");
  const run = new Array<number>(n).fill(1);
  let end = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) if (losses[j] > losses[i] && run[j] + 1 > run[i]) run[i] = run[j] + 1;
    if (run[i] > run[end]) end = i;
  }
  return Math.max(0, end - Math.floor(run[end] / 2));
}
