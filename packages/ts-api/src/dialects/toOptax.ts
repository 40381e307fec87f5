// lrsched schedules written as optax schedule calls, where optax has functions that give the
// same values at every integer step (optax counts steps in integers).
import { LrschedError } from "../errors";
import type { Schedule } from "../schedule";
import type { OptaxConfig } from "./optax";

const call = (fn: string, kwargs: Record<string, unknown>): OptaxConfig => ({ fn, kwargs });
const constantCall = (value: number) => call("constant_schedule", { value });
const linearCall = (from: number, to: number, steps: number) =>
  call("linear_schedule", { init_value: from, end_value: to, transition_steps: steps });

/** join_schedules of the non-empty pieces (pieces of no steps are left out). */
function joinCall(pieces: { steps: number; call: OptaxConfig }[]): OptaxConfig {
  const kept = pieces.filter((p) => p.steps > 0);
  if (kept.length === 1) return kept[0]!.call;
  const boundaries: number[] = [];
  let edge = 0;
  for (const p of kept.slice(0, -1)) boundaries.push((edge += p.steps));
  return call("join_schedules", { schedules: kept.map((p) => p.call), boundaries });
}

/** optax's functions toOptax writes for a type, and when (otherwise there is none). */
export const OPTAX_NATIVES: Readonly<Record<string, string>> = Object.freeze({
  constant: "constant_schedule",
  exponentialDecay: "exponential_decay",
  naturalExpDecay: "exponential_decay",
  exponentialGrowth: "exponential_decay",
  polynomialDecay: "polynomial_schedule, without cycle",
  piecewiseConstantDecay: "join_schedules of constant_schedule",
  cosineDecay: "cosine_decay_schedule, or warmup_cosine_decay_schedule with a warm-up",
  cosinePower: "cosine_decay_schedule",
  warmupCosine: "warmup_cosine_decay_schedule",
  warmupStableDecay: "join_schedules (linear or cosine decay)",
  warmup: "join_schedules after linear_schedule (linear shape, offset, an optax schedule after)",
  join: "join_schedules when every piece has an optax form",
});

/** The optax call of `s`, or undefined when optax has none. */
function convert(s: Schedule): OptaxConfig | undefined {
  const o = s.options as Record<string, never>;
  switch (s.type) {
    case "constant":
      return constantCall(o.value);
    case "exponentialDecay":
      return call("exponential_decay", { init_value: o.initialLearningRate, transition_steps: o.decaySteps, decay_rate: o.decayRate, staircase: o.staircase });
    case "naturalExpDecay":
      return call("exponential_decay", { init_value: o.initialLearningRate, transition_steps: o.decaySteps, decay_rate: Math.exp(-o.decayRate), staircase: o.staircase });
    case "exponentialGrowth":
      return call("exponential_decay", {
        init_value: o.initialLearningRate, transition_steps: o.growthSteps, decay_rate: o.growthRate, staircase: o.staircase,
        ...(o.maxLr === null ? {} : { end_value: o.maxLr }),
      });
    case "polynomialDecay":
      if (o.cycle) return undefined;
      return call("polynomial_schedule", { init_value: o.initialLearningRate, end_value: o.endLearningRate, power: o.power, transition_steps: o.decaySteps });
    case "piecewiseConstantDecay": {
      // Keras's boundary step keeps the earlier value: at integer steps the value changes at floor(b) + 1
      const values = o.values as unknown as number[];
      const starts = (o.boundaries as unknown as number[]).map((b) => Math.floor(b) + 1);
      const pieces = values.map((v, i) => ({ steps: (i < starts.length ? starts[i]! : Infinity) - (i === 0 ? 0 : starts[i - 1]!), call: constantCall(v) }));
      return joinCall(pieces);
    }
    case "cosineDecay":
    case "cosinePower": {
      const alpha = s.type === "cosineDecay" && o.minLr !== null ? (o.minLr as number) / ((o.warmupTarget ?? o.initialLearningRate) as number || 1) : o.alpha;
      const exponent = s.type === "cosinePower" ? o.exponent : 1;
      const peak = s.type === "cosineDecay" && o.warmupTarget !== null ? o.warmupTarget : o.initialLearningRate;
      const w = s.type === "cosineDecay" && o.warmupTarget !== null ? (o.warmupSteps as number) : 0;
      if (w === 0) return call("cosine_decay_schedule", { init_value: peak, decay_steps: o.decaySteps, alpha, exponent });
      return call("warmup_cosine_decay_schedule", {
        init_value: o.initialLearningRate, peak_value: peak, warmup_steps: w, decay_steps: w + (o.decaySteps as number),
        end_value: (alpha as number) * peak, exponent,
      });
    }
    case "warmupCosine":
      return call("warmup_cosine_decay_schedule", {
        init_value: 0, peak_value: o.learningRate, warmup_steps: o.warmupSteps, decay_steps: o.totalSteps, end_value: o.minLr,
      });
    case "warmupStableDecay": {
      const { learningRate: lr, warmupSteps: w, stableSteps: stable, decaySteps: d, minLr, initialLr, decayShape } = o as Record<string, number | string>;
      let decay: OptaxConfig;
      if (decayShape === "linear") decay = linearCall(lr as number, minLr as number, d as number);
      else if (decayShape === "cosine") decay = call("cosine_decay_schedule", { init_value: lr, decay_steps: d, alpha: lr === 0 ? 0 : (minLr as number) / (lr as number) });
      else return undefined;
      return joinCall([
        { steps: w as number, call: linearCall(initialLr as number, lr as number, w as number) },
        { steps: stable as number, call: constantCall(lr as number) },
        { steps: d as number, call: decay },
        { steps: Infinity, call: constantCall(minLr as number) },
      ]);
    }
    case "warmup": {
      // a linear ramp, then the schedule on its own clock: optax's join passes step - boundary
      if (o.shape !== "linear" || !o.offset) return undefined;
      const inner = convert(o.schedule as unknown as Schedule);
      if (!inner) return undefined;
      const w = o.warmupSteps as number;
      if (w === 0) return inner;
      return joinCall([
        { steps: w, call: linearCall(o.initialLr, (o.schedule as unknown as Schedule).at(0), w) },
        { steps: Infinity, call: inner },
      ]);
    }
    case "join": {
      const children = (o.schedules as unknown as Schedule[]).map(convert);
      if (children.some((c) => c === undefined)) return undefined;
      return call("join_schedules", { schedules: children, boundaries: [...(o.boundaries as unknown as number[])] });
    }
    default:
      return undefined;
  }
}

/**
 * The optax call `{fn, kwargs}` that gives `schedule`'s rate at every integer step:
 * constant_schedule, exponential_decay, polynomial_schedule, cosine_decay_schedule,
 * warmup_cosine_decay_schedule and join_schedules of them. Throws an LrschedError when optax
 * has no such schedule (a cyclic, one-cycle or restarting schedule, say).
 *
 * @example
 * ```ts
 * import { toOptax, cosineDecay } from "@lrsched/ts-api";
 * const call = toOptax(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }));
 * call.fn; // → "cosine_decay_schedule"
 * call.kwargs.decay_steps; // → 1000
 * ```
 */
export function toOptax(schedule: Schedule): OptaxConfig {
  const c = convert(schedule);
  if (!c) throw new LrschedError(schedule.type, "has no optax equivalent (optax's schedule functions cannot express it); export it as Python code instead");
  return c;
}

/**
 * Whether `schedule` has an optax equivalent.
 *
 * @example
 * ```ts
 * import { hasOptax, cosineDecay, cyclic } from "@lrsched/ts-api";
 * hasOptax(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })); // → true
 * hasOptax(cyclic({ baseLr: 0.001, maxLr: 0.006 })); // → false
 * ```
 */
export const hasOptax = (schedule: Schedule) => convert(schedule) !== undefined;
