// A sensible number of steps to show when the user gives no --steps: read from the schedule's own
// step options, so `lrsched plot cosine --decay-steps 5000` shows the whole decay and a little more.
import type { Schedule } from "@lrsched/ts-api";

const FALLBACK = 1000;

function specHorizon(spec: Record<string, unknown>): number {
  const num = (k: string) => (typeof spec[k] === "number" ? (spec[k] as number) : 0);
  let own = 0;
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === "number" && /(steps|stepsize\w*|T_max|period)$/i.test(key)) own += value;
  }
  if (spec.type === "cosineDecayRestarts") {
    const t = num("tMul") || 1;
    own = num("firstDecaySteps") * (1 + t + t * t); // three cycles
  } else if (/cyclic/i.test(String(spec.type))) {
    own *= 3; // three cycles
  }
  const boundaries = spec.boundaries;
  if (Array.isArray(boundaries) && boundaries.length > 0) {
    const last = Number(boundaries[boundaries.length - 1]);
    own = Math.max(own, last * 1.5);
  }
  for (const value of Object.values(spec)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === "object" && "type" in child) {
        own = Math.max(own, specHorizon(child as Record<string, unknown>) + (Array.isArray(boundaries) ? Number(boundaries.at(-1)) : 0));
      }
    }
  }
  return own;
}

/** Rounds up to 1, 2 or 5 times a power of ten. */
function nice(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= n) return Math.round(m * p);
  return Math.ceil(n);
}

/**
 * Steps to show for these schedules: the longest natural horizon, plus a tenth.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { defaultSteps } from "@lrsched/cli";
 * defaultSteps([cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })]) >= 1000; // → true
 * ```
 */
export function defaultSteps(schedules: readonly Schedule[]): number {
  let best = 0;
  for (const s of schedules) {
    const max = (s as { maxStep?: number }).maxStep;
    if (typeof max === "number" && Number.isFinite(max)) {
      best = Math.max(best, max + 1);
      continue;
    }
    try {
      best = Math.max(best, specHorizon(s.toSpec() as Record<string, unknown>) * 1.1);
    } catch {
      // no spec (a stateful scheduler): the fallback applies
    }
  }
  return best > 0 && Number.isFinite(best) ? Math.min(nice(best), Number.MAX_SAFE_INTEGER) : FALLBACK;
}
