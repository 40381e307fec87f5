import { Op, planNode } from "@lrsched/core";
import { MIN_DECAY_STEPS, fraction, initialLearningRate, kerasName } from "../fields";
import { scheduleType } from "../scheduleType";
import { inRange, lastStepWhere } from "../lastStep";
import { lastShrinkingStep, shrinkingPeriods } from "./shrinkingRestarts";

/**
 * Options of `cosineDecayRestarts()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { cosineDecayRestarts, type CosineDecayRestartsOptions } from "@lrsched/ts-api";
 * const options: CosineDecayRestartsOptions = { initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 2, mMul: 0.8 };
 * cosineDecayRestarts(options).at(0); // → 0.1
 * ```
 */
export interface CosineDecayRestartsOptions {
  readonly initialLearningRate: number;
  /** Length of the first period. */
  readonly firstDecaySteps: number;
  /**
   * Each period is tMul times longer than the one before (> 0). Default 2. Below 1 the periods
   * shrink and the schedule ends after first / (1 - tMul) steps (its maxStep), as in Keras.
   */
  readonly tMul?: number;
  /** Each period starts at mMul times the previous peak (>= 0; above 1 the peaks grow). Default 1. */
  readonly mMul?: number;
  /** Floor as a fraction of initialLearningRate. Default 0. */
  readonly alpha?: number;
  readonly name?: string | null;
}

/**
 * A start within 1e-9 (relative) of an integer step is that step, as in the core: expm1/log1p
 * round differently across math libraries, and a restart must not move by one step because of it.
 */
function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, r) ? r : x;
}

/** Where a step falls among the restart periods. */
export interface RestartPeriod {
  readonly index: number;
  readonly start: number;
  /** Start of the next period. */
  readonly end: number;
  /** first * tMul^index */
  readonly length: number;
  /** decay^index: the period's peak factor. */
  readonly peak: number;
}

/** Periods kept once computed; steps beyond them (tMul near 1, huge steps) compute theirs afresh. */
const KEPT_PERIODS = 4096;

/**
 * The restart periods of (first, tMul) with peak factor `decay`: period i starts at
 * first * (1 + t + ... + t^(i-1)) = first * (t^i - 1) / (t - 1), written with expm1/log1p so it
 * stays accurate when t is within a few ulps of 1. `locate(step)` estimates the period from a
 * logarithm (as Keras does) and then corrects it against the exact starts, so a restart step
 * always begins its new period. Periods are computed once and kept, and the last one found is
 * tried first: a training loop asks for steps in order.
 */
export function restartPeriods(first: number, tMul: number, decay: number): (step: number) => RestartPeriod {
  const g = tMul - 1;
  const lg = Math.log1p(g);
  const start = (i: number) => (tMul === 1 ? first * i : snap(first * (Math.expm1(i * lg) / g)));
  const make = (i: number): RestartPeriod => ({
    index: i, start: start(i), end: start(i + 1), length: first * Math.pow(tMul, i), peak: Math.pow(decay, i),
  });
  const kept: RestartPeriod[] = [];
  const period = (i: number): RestartPeriod => (i < KEPT_PERIODS ? (kept[i] ??= make(i)) : make(i));
  let last = period(0);
  return (step) => {
    if (step >= last.start && step < last.end) return last;
    return (last = period(periodIndex(step, first, tMul, g, lg, (i) => period(i).start)));
  };
}

/**
 * Index of the period holding `step`, given the period starts. Periods last at least `first`
 * steps, so the index lies in [0, step / first]: the logarithmic estimate (exact or one off) is
 * corrected a few times, then a bisection of that range finishes, also when the estimate
 * overflows (tMul near Number.MAX_VALUE). The range is below 2^1024, so the gap closes in at most
 * MAX_HALVINGS halvings; past 2^53 periods (a first period of 1e-292 steps) neighbouring indices
 * are not distinct numbers and the bisection stops where they meet.
 */
function periodIndex(step: number, first: number, tMul: number, g: number, lg: number, start: (i: number) => number): number {
  let lo = 0; // start(lo) <= step
  let hi = Math.floor(step / first) + 1; // start(hi) > step
  let i: number;
  if (tMul === 1) i = Math.floor(step / first);
  else {
    // log1p(y); beyond f64 range, log(step / first) + log(g) is the same number
    const y = (step / first) * g;
    i = Math.floor((y < Infinity ? Math.log1p(y) : Math.log(step / first) + Math.log(g)) / lg);
  }
  i = Math.min(Math.max(i, lo), hi - 1);
  if (!(i >= 0)) i = 0;
  for (let tries = 0; tries < 4; tries++) {
    if (start(i) > step) hi = i;
    else if (start(i + 1) <= step) lo = i + 1;
    else return i;
    i = Math.min(Math.max(i + (hi === i ? -1 : 1), lo), hi - 1);
  }
  for (let k = 0; k < MAX_HALVINGS && hi - lo > 1; k++) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid <= lo || mid >= hi) break;
    if (start(mid) <= step) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Halvings that close any gap below 2^1024 (an f64's range) down to one period. */
const MAX_HALVINGS = 1100;

/**
 * Keras `CosineDecayRestarts` (SGDR): in period i (length firstDecaySteps * tMul^i, starting at
 * the sum of the earlier lengths), `lr * ((1 - alpha) * mMul^i * (1 + cos(pi * x)) / 2 + alpha)`
 * with x the fraction of the period done. With tMul < 1 the periods shrink and end the schedule
 * after first / (1 - tMul) steps (Keras returns NaN from there): maxStep is the last step before,
 * and curves are computed step by step in JS. Peaks that grow (mMul > 1) end the schedule at the
 * last step whose period peaks at most at 1e300. Period starts are computed in
 * f64: when tMul is within ~1e-12 of 1 (but not 1) a start may not be representable, and a step
 * lying on it can fall in either period.
 */
export const cosineDecayRestartsType = /* @__PURE__ */ scheduleType<CosineDecayRestartsOptions>({
  type: "cosineDecayRestarts",
  summary: "Cosine decay restarted every period; periods grow by tMul, peaks scale by mMul.",
  fields: {
    initialLearningRate,
    firstDecaySteps: { kind: "number", doc: "Length of the first period (>= 1e-292).", min: MIN_DECAY_STEPS },
    tMul: { kind: "number", doc: "Period growth factor (> 0; below 1 the periods shrink and the schedule ends).", above: 0, default: 2 },
    mMul: { kind: "number", doc: "Peak factor per restart (>= 0; above 1 the peaks grow).", min: 0, default: 1 },
    alpha: fraction("Floor, as a fraction of initialLearningRate.", 0),
    name: kerasName,
  },
  keras: { className: "CosineDecayRestarts", defaultName: "SGDRDecay" },
  build: (o) => {
    const { initialLearningRate: lr, firstDecaySteps: first, tMul, mMul, alpha } =
      o as Required<CosineDecayRestartsOptions>;
    const shrinking = tMul < 1;
    const locate = shrinking ? shrinkingPeriods(first, tMul, mMul) : restartPeriods(first, tMul, mMul);
    const end = shrinking ? lastShrinkingStep(first, tMul) : Number.MAX_SAFE_INTEGER;
    // growing peaks (mMul > 1) end the schedule before a peak leaves float64
    const last = mMul > 1 ? lastStepWhere((s) => inRange(lr * locate(s).peak), end) : undefined;
    return {
      at(step) {
        const { start, length, peak } = locate(step);
        const x = (step - start) / length;
        const cosineDecayed = 0.5 * peak * (1 + Math.cos(Math.PI * x));
        return lr * ((1 - alpha) * cosineDecayed + alpha);
      },
      plan: shrinking ? null : planNode(Op.CosineRestarts, [lr, first, tMul, mMul, alpha, 0]),
      maxStep: last ?? (shrinking ? end : undefined),
    };
  },
});

/**
 * Keras `CosineDecayRestarts` (SGDR): cosine decay restarted every period; periods grow by tMul, peaks scale by mMul.
 *
 * @example
 * ```ts
 * import { cosineDecayRestarts } from "@lrsched/ts-api";
 * const s = cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 2, mMul: 0.5 });
 * s.at(99) > 0 && s.at(99) < 0.001; // → true
 * s.at(100); // → 0.05
 * ```
 */
export const cosineDecayRestarts = (options: CosineDecayRestartsOptions) => cosineDecayRestartsType.create(options);
