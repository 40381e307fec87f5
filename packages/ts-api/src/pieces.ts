import { Op, planNode, type PlanNode } from "@lrsched/core";
import { ramp, rampPlan, type RampShapeName } from "./ramp";
import { countAtOrBelow } from "./boundaries";

/** One phase of a fixed sequence: its length, its plan and its step function (local steps). */
export interface Piece {
  readonly steps: number;
  readonly plan: PlanNode;
  readonly at: (local: number) => number;
}

/** The phases that have steps, and the boundaries between them. */
function keptPhases<P extends { readonly steps: number }>(phases: readonly P[]): { kept: P[]; boundaries: number[] } {
  const kept = phases.filter((p) => p.steps > 0);
  const boundaries: number[] = [];
  let edge = 0;
  for (const p of kept.slice(0, -1)) boundaries.push((edge += p.steps));
  return { kept, boundaries };
}

/** Phases in sequence as one Join plan (phases of zero or fewer steps are dropped). */
export function sequencePlan(phases: readonly { readonly steps: number; readonly plan: PlanNode }[]): PlanNode {
  const { kept, boundaries } = keptPhases(phases);
  if (kept.length === 1) return kept[0].plan;
  return planNode(Op.Join, [kept.length, ...boundaries], kept.map((p) => p.plan));
}

/** A sequence of pieces as one at() and one Join plan (pieces of zero steps are dropped). */
export function sequence(pieces: Piece[]): { at: (s: number) => number; plan: PlanNode } {
  const { kept, boundaries } = keptPhases(pieces);
  if (kept.length === 1) return { at: kept[0].at, plan: kept[0].plan };
  const bounds = Float64Array.from(boundaries);
  const ats = kept.map((p) => p.at);
  return {
    at(step) {
      const i = countAtOrBelow(bounds, step);
      return ats[i]!(i === 0 ? step : step - bounds[i - 1]!);
    },
    plan: sequencePlan(kept),
  };
}

export const constantPiece = (value: number, steps = Infinity): Piece => ({ steps, plan: planNode(Op.Constant, [value]), at: () => value });
export const rampPiece = (shape: RampShapeName, from: number, to: number, span: number, steps: number): Piece => ({
  steps,
  plan: rampPlan(shape, from, to, span),
  at: ramp(shape, from, to, span),
});
