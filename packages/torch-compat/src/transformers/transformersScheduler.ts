import {
  checkTransformersArgs,
  LrschedError,
  TRANSFORMERS_METRIC_NAMES,
  TRANSFORMERS_NAMES,
  transformersLambda,
  type TransformersMetricName,
  type TransformersName,
  type TransformersOptions,
} from "@lrsched/ts-api";
import { isPlainObject } from "../checks";
import { checkOptimizer, type Optimizer } from "../optimizer";
import { LambdaLR } from "../schedulers/LambdaLR";
import { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "../schedulers/ReduceLROnPlateau";
import { GreedyLR, type GreedyLROptions } from "./GreedyLR";

/**
 * get_scheduler's step counts (the metric-driven names ignore them, with a warning).
 *
 * @example
 * ```ts
 * import { transformersScheduler, type StepCounts } from "@lrsched/torch-compat";
 * const counts: StepCounts = { numWarmupSteps: null };
 * transformersScheduler({ paramGroups: [{ lr: 0.1 }] }, "reduce_lr_on_plateau", { ...counts, factor: 0.5 }).className; // → "ReduceLROnPlateau"
 * ```
 */
export interface StepCounts {
  readonly numWarmupSteps?: number | null;
  readonly numTrainingSteps?: number | null;
}

/**
 * get_scheduler's arguments for a closed-form name: the rates come from the optimizer.
 *
 * @example
 * ```ts
 * import { transformersScheduler, type TransformersSchedulerOptions } from "@lrsched/torch-compat";
 * const options: TransformersSchedulerOptions = { numWarmupSteps: 10, numTrainingSteps: 110 };
 * const s = transformersScheduler({ paramGroups: [{ lr: 0.1 }] }, "linear", options);
 * for (let i = 0; i < 10; i++) s.step();
 * s.getLastLr(); // → [0.1]
 * ```
 */
export type TransformersSchedulerOptions = Omit<TransformersOptions, "learningRate">;

const NAMES: readonly string[] = [...TRANSFORMERS_NAMES, ...TRANSFORMERS_METRIC_NAMES];

/**
 * The optimizer's default rate: `optimizer.defaults.lr` when it has one (as PyTorch optimizers
 * do), else the first group's initial rate.
 */
function defaultLr(optimizer: Optimizer): number {
  const groups = checkOptimizer(optimizer);
  const lr = optimizer.defaults?.lr;
  if (lr !== undefined) {
    if (typeof lr !== "number" || !Number.isFinite(lr)) throw new LrschedError("optimizer.defaults.lr", "must be a finite number", lr);
    return lr;
  }
  return groups[0].initialLr ?? groups[0].lr;
}

/**
 * Hugging Face transformers' `get_scheduler(name, optimizer, num_warmup_steps, num_training_steps,
 * scheduler_specific_kwargs)` as a stepping scheduler, so a training loop written for transformers
 * ports line for line: a LambdaLR over transformers' own lambda for the closed-form names,
 * torch-compat's ReduceLROnPlateau for 'reduce_lr_on_plateau' and GreedyLR for 'greedy' (both take
 * `step(metric)`; their options pass straight through, as in transformers). Options are flat and
 * camelCase: `{numWarmupSteps, numTrainingSteps, numCycles, ...}`; argument rules as in
 * `transformers()` of @lrsched/ts-api.
 *
 * @example
 * ```ts
 * import { transformersScheduler } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const s = transformersScheduler(optimizer, "cosine", { numWarmupSteps: 10, numTrainingSteps: 110 });
 * for (let i = 0; i < 60; i++) s.step();
 * s.getLastLr(); // → [0.05]
 * ```
 */
export function transformersScheduler(optimizer: Optimizer, name: "reduce_lr_on_plateau", options?: StepCounts & ReduceLROnPlateauOptions): ReduceLROnPlateau;
export function transformersScheduler(optimizer: Optimizer, name: "greedy", options?: StepCounts & GreedyLROptions): GreedyLR;
export function transformersScheduler(optimizer: Optimizer, name: TransformersName, options: TransformersSchedulerOptions): LambdaLR;
export function transformersScheduler(
  optimizer: Optimizer,
  name: TransformersName | TransformersMetricName,
  options: unknown = {},
): LambdaLR | ReduceLROnPlateau | GreedyLR {
  if (!NAMES.includes(name)) {
    throw new LrschedError("name", `must be one of ${NAMES.map((n) => `'${n}'`).join(", ")}`, name);
  }
  if (!isPlainObject(options)) throw new LrschedError("transformersScheduler options", "must be an object", options);
  if (name === "reduce_lr_on_plateau" || name === "greedy") {
    checkTransformersArgs(name, Object.keys(options).filter((k) => options[k] !== undefined && options[k] !== null), (k) => k);
    const kwargs: Record<string, unknown> = { ...options };
    delete kwargs.numWarmupSteps;
    delete kwargs.numTrainingSteps;
    return name === "greedy" ? new GreedyLR(optimizer, kwargs) : new ReduceLROnPlateau(optimizer, kwargs);
  }
  if ("learningRate" in options) {
    throw new LrschedError("learningRate", "is not an option of transformersScheduler: the rates come from the optimizer (defaults.lr and each group's lr)");
  }
  const lrLambda = transformersLambda(name, { ...options, learningRate: defaultLr(optimizer) } as TransformersOptions);
  return new LambdaLR(optimizer, { lrLambda });
}
