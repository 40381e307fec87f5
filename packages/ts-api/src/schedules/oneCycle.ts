import { Op, planNode, type PlanNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import { ramp, rampPlan } from "../ramp";
import { scheduleType } from "../scheduleType";

/**
 * Options of `oneCycle()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { oneCycle, type OneCycleOptions } from "@lrsched/ts-api";
 * const options: OneCycleOptions = { maxLr: 0.1, totalSteps: 1000, annealStrategy: "linear" };
 * oneCycle(options).at(0); // → 0.004
 * ```
 */
export interface OneCycleOptions {
  readonly maxLr: number;
  /** Steps of the whole cycle; the schedule is defined for steps 0..totalSteps. */
  readonly totalSteps: number;
  /** Fraction of the cycle spent rising. Default 0.3. */
  readonly pctStart?: number;
  /** Default 'cos'. */
  readonly annealStrategy?: "cos" | "linear";
  /** initial rate = maxLr / divFactor. Default 25. */
  readonly divFactor?: number;
  /** final rate = initial rate / finalDivFactor. Default 1e4. */
  readonly finalDivFactor?: number;
  /** Rise, fall back to the initial rate, then anneal to the final rate. Default false. */
  readonly threePhase?: boolean;
}

interface Phase {
  readonly end: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The learning rates of PyTorch's OneCycleLR (Smith & Topin 2017). Phases end at the (fractional)
 * steps pctStart * totalSteps - 1 and totalSteps - 1 (three-phase: pctStart * totalSteps - 1,
 * 2 * pctStart * totalSteps - 2, totalSteps - 1); step s belongs to the first phase whose end it
 * does not pass (the last phase takes the rest) and anneals from the phase's start to its end with
 * progress (s - previous end) / (end - previous end), by half-cosine ('cos') or linearly.
 * Like PyTorch, step totalSteps itself extrapolates the last phase (slightly past the final
 * rate; with linear annealing it can fall below zero) and later steps are an error.
 */
export const oneCycleType = /* @__PURE__ */ scheduleType<OneCycleOptions>({
  type: "oneCycle",
  summary: "One cycle (PyTorch OneCycleLR): warm up to maxLr, then anneal far below the start.",
  fields: {
    maxLr: { kind: "number", doc: "Peak rate.", above: 0 },
    totalSteps: { kind: "number", doc: "Steps in the cycle.", integer: true, min: 1 },
    pctStart: { kind: "number", doc: "Fraction of the cycle spent rising, in (0, 1).", above: 0, below: 1, default: 0.3 },
    annealStrategy: { kind: "choice", doc: "Annealing shape.", choices: ["cos", "linear"], default: "cos" },
    divFactor: { kind: "number", doc: "initial rate = maxLr / divFactor.", above: 0, default: 25 },
    finalDivFactor: { kind: "number", doc: "final rate = initial rate / finalDivFactor.", above: 0, default: 1e4 },
    threePhase: { kind: "boolean", doc: "Use the three-phase variant.", default: false },
  },
  build: (o, path) => {
    const { maxLr, totalSteps: total, pctStart, annealStrategy, divFactor, finalDivFactor, threePhase } =
      o as Required<OneCycleOptions>;
    const initial = maxLr / divFactor;
    const min = initial / finalDivFactor;
    if (!Number.isFinite(initial)) throw new LrschedError(path("divFactor"), `is too small: maxLr / divFactor overflows`, divFactor);
    if (!Number.isFinite(min)) throw new LrschedError(path("finalDivFactor"), `is too small: the final rate overflows`, finalDivFactor);
    const rise = pctStart * total - 1;
    const phases: Phase[] = threePhase
      ? [
          { end: rise, from: initial, to: maxLr },
          { end: 2 * pctStart * total - 2, from: maxLr, to: initial },
          { end: total - 1, from: initial, to: min },
        ]
      : [
          { end: rise, from: initial, to: maxLr },
          { end: total - 1, from: maxLr, to: min },
        ];
    phases.forEach((p, i) => {
      const start = i === 0 ? 0 : phases[i - 1].end;
      if (!(p.end - start > 0)) {
        throw new LrschedError(path("pctStart"), `leaves phase ${i + 1} of ${phases.length} with no length (pctStart * totalSteps must exceed ${threePhase ? 2 : 1}, and the phases must not overlap)`, pctStart);
      }
    });
    const shape = annealStrategy === "cos" ? "cosine" : "linear";
    const ramps = phases.map((p, i) => ramp(shape, p.from, p.to, p.end - (i === 0 ? 0 : phases[i - 1].end)));
    const at = (step: number) => {
      let start = 0;
      for (let i = 0; i < phases.length; i++) {
        const end = phases[i].end;
        if (step <= end || i === phases.length - 1) return ramps[i](step - start);
        start = end;
      }
      return NaN; // unreachable: the last phase takes every remaining step
    };
    // Phase i holds the integer steps in (end of phase i-1, end of phase i]: a join whose piece i
    // starts at that first integer step, shifted so the ramp sees s - (previous end).
    const boundaries: number[] = [];
    const pieces: PlanNode[] = [];
    phases.forEach((p, i) => {
      const start = i === 0 ? 0 : phases[i - 1].end;
      const first = i === 0 ? 0 : Math.floor(start) + 1;
      if (i > 0) boundaries.push(first);
      pieces.push(planNode(Op.Shift, [first - start], [rampPlan(shape, p.from, p.to, p.end - start)]));
    });
    return {
      at,
      plan: planNode(Op.Join, [pieces.length, ...boundaries], pieces),
      maxStep: total,
    };
  },
});

/**
 * PyTorch `OneCycleLR`'s rates: warm up to maxLr, then anneal far below the start; defined for steps 0..totalSteps.
 *
 * @example
 * ```ts
 * import { oneCycle } from "@lrsched/ts-api";
 * const s = oneCycle({ maxLr: 0.1, totalSteps: 1000 });
 * s.at(0); // → 0.004
 * s.at(299); // → 0.1
 * ```
 */
export const oneCycle = (options: OneCycleOptions) => oneCycleType.create(options);
