import { Op, RampShape, planNode, type PlanNode } from "@lrsched/core";

/** Ramp shapes by name, as accepted in options. */
export const RAMP_SHAPES = { linear: RampShape.Linear, cosine: RampShape.Cosine, exponential: RampShape.Exponential, "1-sqrt": RampShape.Sqrt } as const;
export type RampShapeName = keyof typeof RAMP_SHAPES;

/**
 * Value of a ramp from `from` to `to` over `steps` at local step `s` (the same formulas as the
 * core's Ramp kernel): linear, half-cosine, geometric, or square-root progress.
 */
export function rampAt(shape: RampShapeName, from: number, to: number, steps: number, s: number): number {
  const p = s / steps;
  switch (shape) {
    case "linear":
      return from + (to - from) * p;
    case "cosine": {
      // reduce s by whole cycles (2 * steps) first: the phase stays exact at huge steps
      const q = s >= 2 * steps && 2 * steps < Infinity ? (s - Math.floor(s / (2 * steps)) * 2 * steps) / steps : p;
      return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * q));
    }
    case "exponential":
      return from * Math.pow(to / from, p);
    case "1-sqrt":
      return from + (to - from) * Math.sqrt(p);
  }
}

export const rampPlan = (shape: RampShapeName, from: number, to: number, steps: number): PlanNode =>
  planNode(Op.Ramp, [from, to, steps, RAMP_SHAPES[shape]]);

/** A plan, or null when any part has none (JS-only schedules make the whole composite JS-only). */
export function planOf(op: Op, params: readonly number[], children: readonly (PlanNode | null)[]): PlanNode | null {
  if (children.some((c) => c === null)) return null;
  return planNode(op, params, children as PlanNode[]);
}
