import { Op, RampShape, planNode, type PlanNode } from "@lrsched/core";

/** Ramp shapes by name, as accepted in options. */
export const RAMP_SHAPES = { linear: RampShape.Linear, cosine: RampShape.Cosine, exponential: RampShape.Exponential, "1-sqrt": RampShape.Sqrt } as const;
export type RampShapeName = keyof typeof RAMP_SHAPES;

/**
 * The ramp from `from` to `to` over `steps` steps as a step function, one closure per shape so a
 * hot at() neither switches on the shape nor recomputes its constants:
 * linear `from + (to - from) p`, cosine `to + (from - to) (1 + cos(pi p)) / 2`, exponential
 * `from (to / from)^p`, 1-sqrt `from + (to - from) sqrt(p)`, with p = s / steps.
 */
export function ramp(shape: RampShapeName, from: number, to: number, steps: number): (s: number) => number {
  const rise = to - from;
  switch (shape) {
    case "linear":
      return (s) => from + rise * (s / steps);
    case "cosine": {
      const half = (from - to) * 0.5;
      const cycle = 2 * steps;
      return (s) => {
        // reduce s by whole cycles (2 * steps) first: the phase stays exact at huge steps
        const q = s >= cycle && cycle < Infinity ? (s - Math.floor(s / cycle) * cycle) / steps : s / steps;
        return to + half * (1 + Math.cos(Math.PI * q));
      };
    }
    case "exponential": {
      // exp(p ln r) rather than r ** p: the same value to a few ulps, several times faster
      const lnRatio = logRatio(to, from);
      // a ratio beyond e^700 (from 5e-324 to 0.1) would overflow exp(p ln r) before the product
      // comes back into range: such a ramp is written from its far end, where the factor is <= 1
      if (lnRatio > 700) return (s) => to * Math.exp((s / steps - 1) * lnRatio);
      return (s) => from * Math.exp((s / steps) * lnRatio);
    }
    case "1-sqrt":
      return (s) => from + rise * Math.sqrt(s / steps);
  }
}

/** ln(to / from) for positive to and from, also when the quotient itself overflows or underflows. */
export function logRatio(to: number, from: number): number {
  const r = to / from;
  return r > 0 && r < Infinity ? Math.log(r) : Math.log(to) - Math.log(from);
}

export const rampPlan = (shape: RampShapeName, from: number, to: number, steps: number): PlanNode =>
  planNode(Op.Ramp, [from, to, steps, RAMP_SHAPES[shape]]);

/** A plan, or null when any part has none (JS-only schedules make the whole composite JS-only). */
export function planOf(op: Op, params: readonly number[], children: readonly (PlanNode | null)[]): PlanNode | null {
  if (children.some((c) => c === null)) return null;
  return planNode(op, params, children as PlanNode[]);
}
