// What timm's scheduler classes share: the linear warm-up from warmup_lr_init, warmup_prefix, and
// the cycles (t_initial, cycle_mul, cycle_decay, cycle_limit) of the cosine, tanh and poly classes.
// Every formula keeps timm's own order of operations, so rates agree with timm to a few ulps.
import { Op, planNode, type PlanNode } from "@lrsched/core";
import type { BooleanField, NumberField } from "../../options";
import { correctLog, floorPyLog, pyFloorDiv } from "../../pyMath";
import { rampPlan } from "../../ramp";
import { MAX_STEP } from "../../schedule";

export interface TimmWarmupOptions {
  /** The param group's base rate (timm's `base_values` entry). */
  readonly lr: number;
  /** Length of the linear warm-up. Default 0. */
  readonly warmupT?: number;
  /** Rate at t = 0 of the warm-up. Default 0. */
  readonly warmupLrInit?: number;
  /** The schedule's clock starts after the warm-up (its t is t - warmupT). */
  readonly warmupPrefix?: boolean;
}

export interface TimmCycleOptions extends TimmWarmupOptions {
  /** Length of the first cycle. */
  readonly tInitial: number;
  /** Rate at the end of each cycle and after the last one. Default 0. */
  readonly lrMin?: number;
  /** Each cycle is cycleMul times longer than the one before (>= 1). Default 1. */
  readonly cycleMul?: number;
  /** Peak of cycle i is lr * cycleDecay^i. Default 1. */
  readonly cycleDecay?: number;
  /** Cycles run before the rate stays at lrMin. Default 1. */
  readonly cycleLimit?: number;
}

export const timmFields = {
  lr: { kind: "number", doc: "The param group's base rate.", min: 0 } as NumberField,
  warmupT: { kind: "number", doc: "Length of the linear warm-up (timm's warmup_t).", min: 0, default: 0 } as NumberField,
  warmupLrInit: { kind: "number", doc: "Rate at the start of the warm-up (warmup_lr_init).", min: 0, default: 0 } as NumberField,
  warmupPrefix: (def: boolean): BooleanField => ({
    kind: "boolean",
    doc: "Start the schedule's clock after the warm-up (warmup_prefix).",
    default: def,
  }),
  tInitial: { kind: "number", doc: "Length of the first cycle (t_initial).", above: 0 } as NumberField,
  lrMin: { kind: "number", doc: "Rate at the end of a cycle and after the last (lr_min).", min: 0, default: 0 } as NumberField,
  cycleMul: { kind: "number", doc: "Cycle length growth (cycle_mul, >= 1).", min: 1, default: 1 } as NumberField,
  cycleDecay: { kind: "number", doc: "Peak factor per cycle (cycle_decay).", min: 0, default: 1 } as NumberField,
  cycleLimit: { kind: "number", doc: "Cycles before the rate stays at lrMin (cycle_limit).", integer: true, min: 0, default: 1 } as NumberField,
  kDecay: { kind: "number", doc: "Exponent of the phase, t^k / T^k (k_decay, > 0).", above: 0, default: 1 } as NumberField,
} as const;

/**
 * The fields after a cycle's shape that every cyclic timm scheduler shares, in timm's order: the
 * floor, the cycle options, then the warm-up (no warmupPrefix by default).
 */
export const timmCycleFields = /* @__PURE__ */ (() => ({
  lrMin: timmFields.lrMin,
  cycleMul: timmFields.cycleMul,
  cycleDecay: timmFields.cycleDecay,
  cycleLimit: timmFields.cycleLimit,
  warmupT: timmFields.warmupT,
  warmupLrInit: timmFields.warmupLrInit,
  warmupPrefix: timmFields.warmupPrefix(false),
}))();

/** Where t falls among timm's cycles: index i, cycle length tI, position tCurr in the cycle. */
export interface TimmCycle {
  i: number;
  tI: number;
  tCurr: number;
}

/**
 * timm's cycle arithmetic. With cycleMul != 1 the index is floor(log_mul(1 - t / T (1 - mul))),
 * computed as timm does (math.log(x, base)): near a cycle start the rounding can put a step in
 * the previous cycle, and timm's rates do so too. One object is reused per call.
 */
export function timmCycles(tInitial: number, cycleMul: number): (t: number) => TimmCycle {
  const out: TimmCycle = { i: 0, tI: tInitial, tCurr: 0 };
  if (cycleMul !== 1) {
    const lnMul = correctLog(cycleMul);
    return (t) => {
      const i = floorPyLog(1 - (t / tInitial) * (1 - cycleMul), lnMul);
      const p = cycleMul ** i;
      out.i = i;
      out.tI = p * tInitial;
      // rounding can put t a hair before its cycle's start; timm then takes a fractional power of
      // a negative number (and fails), here the position is 0
      out.tCurr = Math.max(0, t - ((1 - p) / (1 - cycleMul)) * tInitial);
      return out;
    };
  }
  return (t) => {
    const i = pyFloorDiv(t, tInitial);
    out.i = i;
    out.tI = tInitial;
    out.tCurr = t - tInitial * i;
    return out;
  };
}

/** Start of cycle i in timm's t, as timm computes the position (t - start) within it. */
const cycleStart = (i: number, tInitial: number, cycleMul: number) =>
  cycleMul === 1 ? tInitial * i : ((1 - cycleMul ** i) / (1 - cycleMul)) * tInitial;

/** Cycles unrolled into a core plan at most; beyond, curves are computed from at() in JS. */
const MAX_PLAN_CYCLES = 256;

/** Steps a cycle's first step may lie from its estimate before the plan gives up on it. */
const MAX_MOVES = 64;

/**
 * The core plan of timm's cycles on integer t: one piece per cycle (the integer steps timm's own
 * index puts in it), then lrMin. `kernel(lrMax, tI)` is the plan of one cycle in its position
 * tCurr, or null when the core has no kernel for it. Null when any part has no plan.
 */
export function cyclesPlan(
  o: Required<TimmCycleOptions>,
  kernel: (lrMax: number, tI: number) => PlanNode | null,
): PlanNode | null {
  if (o.cycleLimit > MAX_PLAN_CYCLES) return null;
  const locate = timmCycles(o.tInitial, o.cycleMul);
  const index = (t: number) => locate(t).i;
  const pieces: PlanNode[] = [];
  const firsts: number[] = [];
  for (let i = 0; i <= o.cycleLimit; i++) {
    // the first integer t timm puts in cycle i (or later)
    const start = cycleStart(i, o.tInitial, o.cycleMul);
    let first = i === 0 ? 0 : Math.max(1, Math.ceil(start));
    // a start past the last step is searched from just after it (timm's index may still put the
    // last steps in this cycle); the estimate is a step or two off timm's index, and more moves
    // mean the two disagree (extreme cycleMul): the curve is then left to at()
    if (!(first <= MAX_STEP + 1)) first = MAX_STEP + 1;
    let moves = 0;
    while (first > 1 && index(first - 1) >= i && moves++ < MAX_MOVES) first--;
    while (index(first) < i && moves++ < MAX_MOVES) first++;
    if (moves >= MAX_MOVES) return null;
    // a cycle starting past the last step holds no step: the pieces so far cover every one
    if (first > MAX_STEP) break;
    let piece: PlanNode | null;
    if (i === o.cycleLimit) piece = planNode(Op.Constant, [o.lrMin]);
    else {
      piece = kernel(o.lr * o.cycleDecay ** i, o.cycleMul ** i * o.tInitial);
      if (piece === null) return null;
      // the kernel sees tCurr = t - start; the join hands it t - first
      const shift = first - start;
      if (shift !== 0) piece = planNode(Op.Shift, [shift], [piece]);
    }
    // a cycle shorter than one step holds no integer t: the next one replaces it
    if (firsts.length > 0 && firsts[firsts.length - 1] === first) {
      firsts.pop();
      pieces.pop();
    }
    firsts.push(first);
    pieces.push(piece);
  }
  const bounds = firsts.slice(1);
  return pieces.length === 1 ? pieces[0]! : planNode(Op.Join, [pieces.length, ...bounds], pieces);
}

/**
 * A timm schedule of t: the warm-up `warmupLrInit + t * (target - warmupLrInit) / warmupT` for
 * t < warmupT, then `after(t)` with t reduced by warmupT when `warmupPrefix`. `target` is the
 * group's base rate (TanhLRScheduler without prefix uses its rate at warmupT instead).
 */
export function withTimmWarmup(
  o: Required<TimmWarmupOptions>,
  after: (t: number) => number,
  afterPlan: PlanNode | null,
  target: number = o.lr,
): { at: (t: number) => number; plan: PlanNode | null } {
  const { warmupT: w, warmupLrInit: init, warmupPrefix: prefix } = o;
  if (w === 0) return { at: after, plan: afterPlan };
  const slope = (target - init) / w;
  const at = (t: number) => (t < w ? init + t * slope : after(prefix ? t - w : t));
  if (afterPlan === null || !Number.isInteger(w)) return { at, plan: null };
  const rest = prefix ? afterPlan : planNode(Op.Shift, [w], [afterPlan]);
  return { at, plan: planNode(Op.Join, [2, w], [rampPlan("linear", init, target, w), rest]) };
}

/** The cycle rate of one group: `shape(lrMax, tCurr, tI)` inside cycle i < cycleLimit, lrMin after. */
export function timmCycleRate(
  o: Required<TimmCycleOptions>,
  shape: (lrMax: number, tCurr: number, tI: number) => number,
): (t: number) => number {
  const locate = timmCycles(o.tInitial, o.cycleMul);
  const { lr, cycleDecay, cycleLimit, lrMin } = o;
  return (t) => {
    const c = locate(t);
    return c.i < cycleLimit ? shape(lr * cycleDecay ** c.i, c.tCurr, c.tI) : lrMin;
  };
}
