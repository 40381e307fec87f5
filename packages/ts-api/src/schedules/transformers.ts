import { LrschedError } from "../errors";
import { learningRate } from "../fields";
import { prefixPath, readOptions, type Fields, type PathFn } from "../options";
import { scheduleType } from "../scheduleType";
import { hfLambda, type HfArgs, type Lambda, type Shape } from "../transformers/lambdas";
import {
  checkTransformersArgs,
  TRANSFORMERS_METRIC_NAMES,
  TRANSFORMERS_NAMES,
  type TransformersName,
} from "../transformers/names";
import { hfPlan } from "../transformers/plans";
import { warn } from "../warnings";

export { TRANSFORMERS_NAMES, TRANSFORMERS_METRIC_NAMES, checkTransformersArgs };
export type { TransformersMetricName, TransformersName } from "../transformers/names";

/**
 * get_scheduler's arguments in camelCase: the two step counts and the scheduler_specific_kwargs,
 * flat. Unset (or null) means "not passed": each name applies transformers' own default.
 *
 * @example
 * ```ts
 * import { transformers, type TransformersOptions } from "@lrsched/ts-api";
 * const options: TransformersOptions = { learningRate: 0.1, numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 2 };
 * transformers("cosine_with_restarts", options).at(100); // → 0.1
 * ```
 */
export interface TransformersOptions {
  /** The optimizer's base rate (PyTorch's `optimizer.defaults["lr"]`); the names are multipliers of it. */
  readonly learningRate: number;
  /** Required by every name but `constant`. */
  readonly numWarmupSteps?: number | null;
  /** Required by linear, cosine, cosine_with_restarts, polynomial and the two min_lr names. */
  readonly numTrainingSteps?: number | null;
  /** Cosine periods: default 0.5, or 1 for cosine_with_restarts. */
  readonly numCycles?: number | null;
  /** polynomial: exponent (default 1) and final rate (default 1e-7). */
  readonly power?: number | null;
  readonly lrEnd?: number | null;
  /** cosine_with_min_lr, cosine_warmup_with_min_lr: the floor, as a rate or as a fraction of learningRate (set one). */
  readonly minLr?: number | null;
  readonly minLrRate?: number | null;
  /** cosine_warmup_with_min_lr: the warm-up's first multiplier (default: (step + 1) / W). */
  readonly warmupLrRate?: number | null;
  /** inverse_sqrt: default numWarmupSteps, or 10000 without warm-up. */
  readonly timescale?: number | null;
  /** warmup_stable_decay: numDecaySteps is required; numStableSteps defaults to numTrainingSteps - W - D. */
  readonly numStableSteps?: number | null;
  readonly numDecaySteps?: number | null;
  /** warmup_stable_decay: shapes of the warm-up (default linear) and of the decay (default cosine). */
  readonly warmupType?: Shape | null;
  readonly decayType?: Shape | null;
  /** warmup_stable_decay: the rate at the start of warm-up and after the decay, as a fraction of learningRate. Default 0. */
  readonly minLrRatio?: number | null;
}

const SHAPES = ["linear", "cosine", "1-sqrt"] as const;
/* @__NO_SIDE_EFFECTS__ */
function steps(doc: string) {
  return { kind: "nullableNumber", doc, integer: true, min: 0, default: null } as const;
}

/* @__NO_SIDE_EFFECTS__ */
function option(doc: string, bounds: { min?: number; above?: number; max?: number }) {
  return { kind: "nullableNumber", doc, ...bounds, default: null } as const;
}

const FIELDS: Fields = {
  name: { kind: "choice", doc: "Hugging Face scheduler name.", choices: TRANSFORMERS_NAMES },
  learningRate: learningRate("The optimizer's base rate."),
  numWarmupSteps: steps("Warm-up steps (required by every name but constant)."),
  numTrainingSteps: steps("Steps of the run (required by names that decay to an end)."),
  numCycles: option("Cosine periods (default 0.5; 1 for cosine_with_restarts).", { min: 0 }),
  power: option("polynomial: exponent (default 1).", { min: 0 }),
  lrEnd: option("polynomial: final rate (default 1e-7).", { min: 0 }),
  minLr: option("cosine_with_min_lr, cosine_warmup_with_min_lr: floor rate.", { min: 0 }),
  minLrRate: option("cosine_with_min_lr, cosine_warmup_with_min_lr: floor as a fraction of learningRate.", { min: 0, max: 1 }),
  warmupLrRate: option("cosine_warmup_with_min_lr: first warm-up multiplier.", { min: 0, max: 1 }),
  timescale: option("inverse_sqrt: timescale (default numWarmupSteps, or 10000).", { above: 0 }),
  numStableSteps: steps("warmup_stable_decay: stable steps (default numTrainingSteps - W - D)."),
  numDecaySteps: steps("warmup_stable_decay: decay steps (required)."),
  warmupType: { kind: "choice", doc: "warmup_stable_decay: warm-up shape (default linear).", choices: SHAPES, default: null },
  decayType: { kind: "choice", doc: "warmup_stable_decay: decay shape (default cosine).", choices: SHAPES, default: null },
  minLrRatio: option("warmup_stable_decay: floor as a fraction of learningRate (default 0).", { min: 0, max: 1 }),
};

type Resolved = { readonly [K in keyof TransformersOptions]-?: Exclude<TransformersOptions[K], undefined> } & {
  readonly name: TransformersName;
};

/** Checks the arguments as get_scheduler does and applies each name's defaults. */
function resolve(o: Resolved, path: PathFn): HfArgs {
  const { name, learningRate: lr } = o;
  const given = Object.keys(FIELDS).filter((k) => k !== "name" && k !== "learningRate" && o[k as keyof Resolved] !== null);
  checkTransformersArgs(name, given, path);
  const w = name === "constant" ? 0 : o.numWarmupSteps!;
  let total = o.numTrainingSteps ?? NaN;
  let floorRate = 0;
  if (name === "cosine_with_min_lr" || name === "cosine_warmup_with_min_lr") {
    if ((o.minLr === null) === (o.minLrRate === null)) {
      throw new LrschedError(path("minLr"), `or minLrRate must be set for '${name}', and not both`);
    }
    if (o.minLr !== null && !(lr > 0)) {
      throw new LrschedError(path("learningRate"), "must be > 0 when minLr is set (transformers divides minLr by it)", lr);
    }
    floorRate = o.minLrRate ?? o.minLr! / lr;
  }
  const lrEnd = o.lrEnd ?? 1e-7;
  if (name === "polynomial") {
    if (!(lr > lrEnd)) throw new LrschedError(path("lrEnd"), `must be smaller than learningRate (${lr})`, lrEnd);
    if (total === w) {
      throw new LrschedError(path("numTrainingSteps"), `must differ from numWarmupSteps (${w}) for 'polynomial': transformers divides by zero at that step`, total);
    }
  }
  let stable = NaN;
  let decay = NaN;
  if (name === "warmup_stable_decay") {
    if (o.numDecaySteps === null) throw new LrschedError(path("numDecaySteps"), "is required by 'warmup_stable_decay'");
    decay = o.numDecaySteps;
    if (o.numStableSteps !== null) {
      if (o.numTrainingSteps !== null) {
        warn(`${path("numTrainingSteps")} is ignored by 'warmup_stable_decay': numStableSteps is set (transformers warns the same)`);
      }
      stable = o.numStableSteps;
    } else if (o.numTrainingSteps !== null) {
      stable = o.numTrainingSteps - w - decay;
    } else {
      throw new LrschedError(path("numTrainingSteps"), "or numStableSteps is required by 'warmup_stable_decay'");
    }
    floorRate = o.minLrRatio ?? 0;
    total = w + stable + decay;
  }
  return {
    name,
    lr,
    warmup: w,
    total,
    cycles: o.numCycles ?? (name === "cosine_with_restarts" ? 1 : 0.5),
    power: o.power ?? 1,
    lrEnd,
    floorRate,
    warmupLrRate: o.warmupLrRate,
    timescale: o.timescale ?? (w > 0 ? w : 10_000),
    stable,
    decay,
    warmupType: o.warmupType ?? "linear",
    decayType: o.decayType ?? "cosine",
  };
}

/**
 * The curves of Hugging Face `transformers.get_scheduler(name, ...)` for every closed-form name, as
 * rates: `learningRate * lr_lambda(step)` with transformers' own lambdas (see TRANSFORMERS_NAMES),
 * including what they do past numTrainingSteps (cosine keeps oscillating, polynomial drops to lrEnd,
 * cosine_with_restarts to 0). Argument rules are get_scheduler's: a missing step count a name
 * needs, or an option its function does not take, is an error; options transformers ignores for a
 * name are accepted with a warning.
 */
export const transformersType = /* @__PURE__ */ scheduleType<TransformersOptions & { name: TransformersName }>({
  type: "transformers",
  summary: "The curves of Hugging Face transformers' get_scheduler names (linear, cosine, wsd, ...).",
  fields: FIELDS,
  build: (o, path) => {
    const args = resolve(o as unknown as Resolved, path);
    const lambda = hfLambda(args);
    const lr = args.lr;
    return { at: (s) => lr * lambda(s), plan: hfPlan(args) };
  },
});

function checkName(name: unknown): void {
  if ((TRANSFORMERS_METRIC_NAMES as readonly unknown[]).includes(name)) {
    throw new LrschedError("name", `'${String(name)}' follows a metric and has no closed form: use transformersScheduler() of @lrsched/torch-compat`);
  }
}

/**
 * `transformers('cosine', {learningRate: 3e-4, numWarmupSteps: 500, numTrainingSteps: 10000})`.
 *
 * @example
 * ```ts
 * import { transformers } from "@lrsched/ts-api";
 * const s = transformers("cosine_warmup_with_min_lr", { learningRate: 0.1, numWarmupSteps: 2, numTrainingSteps: 10, minLrRate: 0 });
 * [0, 1, 2, 3].map((k) => s.at(k)); // → [0.05, 0.1, 0.0962, 0.0854]
 * ```
 */
export function transformers(name: TransformersName, options: TransformersOptions) {
  checkName(name);
  return transformersType.create({ ...options, name });
}

/**
 * transformers' `lr_lambda` for a name: the multiplier of each param group's initial rate at a
 * step (what PyTorch's LambdaLR applies). `learningRate` is the optimizer's default rate, which
 * polynomial's lrEnd and the min_lr names' minLr are relative to.
 *
 * @example
 * ```ts
 * import { transformersLambda } from "@lrsched/ts-api";
 * const lambda = transformersLambda("linear", { learningRate: 0.1, numWarmupSteps: 10, numTrainingSteps: 110 });
 * lambda(5); // → 0.5
 * lambda(60); // → 0.5
 * ```
 */
export function transformersLambda(name: TransformersName, options: TransformersOptions): Lambda {
  checkName(name);
  const path = prefixPath("");
  return hfLambda(resolve(readOptions<Resolved>("transformers", FIELDS, { ...options, name }, path), path));
}
