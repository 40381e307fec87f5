// A sensible number of steps to show when the user gives no --steps: read from the schedule's own
// step options, so `lrsched plot cosine --decay-steps 5000` shows exactly the decay, and an
// exponential decay a little more than its decay length.
import type { Schedule } from "@lrsched/ts-api";

const FALLBACK = 1000;

function specHorizon(spec: Record<string, unknown>): number {
  const num = (k: string) => (typeof spec[k] === "number" ? (spec[k] as number) : 0);
  let own = 0;
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === "number" && /(steps|stepsize\w*|T_max|period|decayT)$/i.test(key)) own += value;
  }
  if (spec.type === "cosineDecayRestarts") {
    const t = num("tMul") || 1;
    own = num("firstDecaySteps") * (1 + t + t * t); // three cycles
  } else if (/cyclic/i.test(String(spec.type))) {
    own *= 3; // three cycles
  }
  const boundaries = spec.boundaries ?? spec.decayT; // timm's multi-step milestones are boundaries too
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

type Spec = Record<string, unknown>;
const n = (spec: Spec, key: string) => (typeof spec[key] === "number" ? (spec[key] as number) : 0);
const child = (spec: Spec, key: string) => spec[key] as Spec;

/**
 * The step where a schedule that ends has done so: a one-shot decay's length, a run's total steps.
 * Undefined for schedules that go on (exponential decays, cycles, restarts, constants).
 */
const ENDS: Readonly<Record<string, (spec: Spec) => number | undefined>> = {
  cosineDecay: (s) => n(s, "warmupSteps") + n(s, "decaySteps"),
  polynomialDecay: (s) => (s.cycle ? undefined : n(s, "decaySteps")),
  linearCosineDecay: (s) => n(s, "decaySteps"),
  noisyLinearCosineDecay: (s) => n(s, "decaySteps"),
  cosineAnnealing: (s) => n(s, "tMax"),
  warmupCosine: (s) => n(s, "totalSteps"),
  oneCycle: (s) => n(s, "totalSteps"),
  warmupStableDecay: (s) => n(s, "warmupSteps") + n(s, "stableSteps") + n(s, "decaySteps"),
  kDecay: (s) => n(s, "decaySteps"),
  transformers: (s) =>
    s.name === "warmup_stable_decay" && typeof s.numStableSteps === "number"
      ? n(s, "numWarmupSteps") + n(s, "numStableSteps") + n(s, "numDecaySteps")
      : ["constant", "constant_with_warmup", "inverse_sqrt", "cosine_with_restarts"].includes(String(s.name)) || s.numTrainingSteps === null
        ? undefined
        : n(s, "numTrainingSteps"),
  timmCosine: (s) => timmEnd(s),
  timmTanh: (s) => timmEnd(s),
  timmPoly: (s) => timmEnd(s),
  cosinePower: (s) => n(s, "decaySteps"),
  // the step where the growth reaches its cap
  exponentialGrowth: (s) => (n(s, "growthSteps") * Math.log(n(s, "maxLr") / n(s, "initialLearningRate"))) / Math.log(n(s, "growthRate")),
  warmup: (s) => {
    const after = specEnd(child(s, "schedule"));
    return after === undefined ? undefined : s.offset === false ? Math.max(after, n(s, "warmupSteps")) : n(s, "warmupSteps") + after;
  },
  join: (s) => {
    const pieces = s.schedules as Spec[];
    const last = specEnd(pieces[pieces.length - 1]);
    return last === undefined ? undefined : ((s.boundaries as number[]).at(-1) ?? 0) + last;
  },
  multiply: (s) => {
    const ends = (s.schedules as Spec[]).map(specEnd);
    return ends.every((e) => e !== undefined) ? Math.max(...(ends as number[])) : undefined;
  },
  clamp: (s) => specEnd(child(s, "schedule")),
  scale: (s) => specEnd(child(s, "schedule")),
};

/** timm's cycling schedulers rest at lrMin after `cycleLimit` cycles (each `cycleMul` times the last). */
function timmEnd(s: Spec): number | undefined {
  const t = n(s, "tInitial");
  const m = n(s, "cycleMul");
  const c = n(s, "cycleLimit");
  const cycles = m === 1 ? t * c : (t * (m ** c - 1)) / (m - 1);
  return (s.warmupPrefix ? n(s, "warmupT") : 0) + cycles;
}

/** Where a schedule's spec says it ends, or undefined when it goes on. */
export function specEnd(spec: Spec): number | undefined {
  const end = ENDS[String(spec.type)]?.(spec);
  return end !== undefined && end > 0 && Number.isFinite(end) ? end : undefined;
}

/** Rounds up to 1, 2 or 5 times a power of ten. */
function nice(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= n) return Math.round(m * p);
  return Math.ceil(n);
}

/**
 * Steps to show for these schedules: a schedule that ends is drawn exactly to its end (its last
 * step, `maxStep`, included); one that goes on, over its natural horizon (the decay length, three
 * cycles, the last boundary) plus a tenth, rounded to a round number. The longest wins.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { defaultSteps } from "@lrsched/cli";
 * defaultSteps([cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })]) >= 1000; // → true
 * ```
 */
export function defaultSteps(schedules: readonly Schedule[]): number {
  let ended = 0;
  let open = 0;
  for (const s of schedules) {
    const max = (s as { maxStep?: number }).maxStep;
    if (typeof max === "number" && Number.isFinite(max)) {
      ended = Math.max(ended, max + 1);
      continue;
    }
    let spec: Spec;
    try {
      spec = s.toSpec() as Spec;
    } catch {
      continue; // no spec (a stateful scheduler): the fallback applies
    }
    const end = specEnd(spec);
    if (end !== undefined) ended = Math.max(ended, Math.ceil(end));
    else open = Math.max(open, specHorizon(spec) * 1.1);
  }
  const openSteps = open > 0 && Number.isFinite(open) ? Math.min(nice(open), Number.MAX_SAFE_INTEGER) : 0;
  const best = Math.max(ended, openSteps);
  return best > 0 ? best : FALLBACK;
}
