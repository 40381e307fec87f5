import { resolveTimmConfig, type TimmConfig } from "@lrsched/ts-api";
import { checkOptimizer, type Optimizer } from "../optimizer";
import { TimmPlateauScheduler } from "./TimmPlateauScheduler";
import { TimmScheduler } from "./TimmScheduler";

/**
 * Builds a timm scheduler on `optimizer` from timm's constructor call: `{class, kwargs}` with
 * timm's snake_case keyword arguments (optimizer aside), for CosineLRScheduler, TanhLRScheduler,
 * StepLRScheduler, MultiStepLRScheduler, PolyLRScheduler and PlateauLRScheduler, or
 * `{class: 'create_scheduler_v2', kwargs}` with the factory's arguments, whose scheduler also
 * carries the factory's `numEpochs`. Errors name the kwarg (`kwargs.t_initial`).
 *
 * @example
 * ```ts
 * import { fromTimmConfig } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = fromTimmConfig(optimizer, { class: "StepLRScheduler", kwargs: { decay_t: 10, decay_rate: 0.5 } });
 * scheduler.step(10);
 * optimizer.paramGroups[0].lr; // → 0.05
 * ```
 */
export function fromTimmConfig(optimizer: Optimizer, config: TimmConfig): TimmScheduler | TimmPlateauScheduler {
  checkOptimizer(optimizer);
  const r = resolveTimmConfig(config);
  if (r.class === "PlateauLRScheduler") return new TimmPlateauScheduler(optimizer, r.kwargs, r.numEpochs);
  return new TimmScheduler(optimizer, r.class, r.kwargs, r.numEpochs);
}
