// The names of Hugging Face transformers' `get_scheduler` and the arguments each one takes,
// as transformers' own functions declare them.
import { LrschedError } from "../errors";
import type { PathFn } from "../options";
import { warn } from "../warnings";

/**
 * The names whose rate is a closed form of the step (a LambdaLR in transformers).
 *
 * @example
 * ```ts
 * import { TRANSFORMERS_NAMES } from "@lrsched/ts-api";
 * TRANSFORMERS_NAMES.length; // → 10
 * TRANSFORMERS_NAMES.includes("cosine"); // → true
 * ```
 */
export const TRANSFORMERS_NAMES = [
  "linear",
  "cosine",
  "cosine_with_restarts",
  "polynomial",
  "constant",
  "constant_with_warmup",
  "inverse_sqrt",
  "cosine_with_min_lr",
  "cosine_warmup_with_min_lr",
  "warmup_stable_decay",
] as const;
/**
 * A closed-form `get_scheduler` name of Hugging Face transformers.
 *
 * @example
 * ```ts
 * import { transformers, type TransformersName } from "@lrsched/ts-api";
 * const name: TransformersName = "linear";
 * transformers(name, { learningRate: 0.1, numWarmupSteps: 10, numTrainingSteps: 110 }).at(60); // → 0.05
 * ```
 */
export type TransformersName = (typeof TRANSFORMERS_NAMES)[number];

/**
 * The names that follow a metric (ReduceLROnPlateau, GreedyLR): they need a stepping scheduler.
 *
 * @example
 * ```ts
 * import { TRANSFORMERS_METRIC_NAMES } from "@lrsched/ts-api";
 * TRANSFORMERS_METRIC_NAMES; // → ["reduce_lr_on_plateau", "greedy"]
 * ```
 */
export const TRANSFORMERS_METRIC_NAMES = ["reduce_lr_on_plateau", "greedy"] as const;
/**
 * A metric-driven `get_scheduler` name of Hugging Face transformers (a stepping scheduler in @lrsched/torch-compat).
 *
 * @example
 * ```ts
 * import type { TransformersMetricName } from "@lrsched/ts-api";
 * const name: TransformersMetricName = "reduce_lr_on_plateau";
 * name.length; // → 20
 * ```
 */
export type TransformersMetricName = (typeof TRANSFORMERS_METRIC_NAMES)[number];

type Need = "required" | "optional" | "ignored";

interface NameRule {
  readonly warmup: Need;
  readonly total: Need;
  /**
   * The scheduler-specific options the name takes; "ignored": transformers drops every one;
   * "passed": they go to the scheduler class, which checks them.
   */
  readonly options: readonly string[] | "ignored" | "passed";
}

const COSINE = { warmup: "required", total: "required", options: ["numCycles"] } as const;

const RULES: Readonly<Record<TransformersName | TransformersMetricName, NameRule>> = {
  linear: { warmup: "required", total: "required", options: [] },
  cosine: COSINE,
  cosine_with_restarts: COSINE,
  polynomial: { warmup: "required", total: "required", options: ["lrEnd", "power"] },
  constant: { warmup: "ignored", total: "ignored", options: "ignored" },
  constant_with_warmup: { warmup: "required", total: "ignored", options: "ignored" },
  inverse_sqrt: { warmup: "required", total: "ignored", options: ["timescale"] },
  cosine_with_min_lr: { warmup: "required", total: "required", options: ["numCycles", "minLr", "minLrRate"] },
  cosine_warmup_with_min_lr: {
    warmup: "required",
    total: "required",
    options: ["numCycles", "minLr", "minLrRate", "warmupLrRate"],
  },
  warmup_stable_decay: {
    warmup: "required",
    total: "optional",
    options: ["numDecaySteps", "numStableSteps", "warmupType", "decayType", "minLrRatio", "numCycles"],
  },
  reduce_lr_on_plateau: { warmup: "ignored", total: "ignored", options: "passed" },
  greedy: { warmup: "ignored", total: "ignored", options: "passed" },
};

const STEP_COUNTS = ["numWarmupSteps", "numTrainingSteps"] as const;

/**
 * Applies get_scheduler's argument rules to the options that were set (`given`, without
 * `learningRate`): a required step count that is missing throws, as does an option the name's
 * function does not take (a TypeError in transformers); an option transformers drops for the
 * name is accepted with a warning.
 *
 * @example
 * ```ts
 * import { checkTransformersArgs } from "@lrsched/ts-api";
 * checkTransformersArgs("cosine", ["numWarmupSteps", "numTrainingSteps", "numCycles"], (k) => k); // passes
 * let rule = "";
 * try {
 *   checkTransformersArgs("cosine", ["numWarmupSteps"], (k) => k);
 * } catch (e) {
 *   rule = (e as Error).message;
 * }
 * rule; // → "numTrainingSteps is required by 'cosine'"
 * ```
 */
export function checkTransformersArgs(
  name: TransformersName | TransformersMetricName,
  given: readonly string[],
  path: PathFn,
): void {
  const rule = RULES[name];
  const quoted = `'${name}'`;
  STEP_COUNTS.forEach((key, i) => {
    const need = i === 0 ? rule.warmup : rule.total;
    const set = given.includes(key);
    if (need === "required" && !set) throw new LrschedError(path(key), `is required by ${quoted}`);
    if (need === "ignored" && set) warn(`${path(key)} is ignored by ${quoted} (transformers ignores it too)`);
  });
  if (rule.options === "passed") return;
  for (const key of given) {
    if ((STEP_COUNTS as readonly string[]).includes(key)) continue;
    if (rule.options === "ignored") {
      warn(`${path(key)} is ignored by ${quoted} (transformers ignores its scheduler_specific_kwargs)`);
    } else if (!rule.options.includes(key)) {
      const takes = rule.options.length === 0 ? "no options besides the step counts" : rule.options.join(", ");
      throw new LrschedError(path(key), `is not an option of ${quoted} (it takes ${takes}; transformers raises TypeError)`);
    }
  }
}
