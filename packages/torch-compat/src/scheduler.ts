import type { Optimizer } from "./optimizer";
import type { StateDict } from "./stateDict";

/**
 * `{_target_: 'torch.optim.lr_scheduler.X', ...snake_case kwargs}` (Hydra's instantiate format).
 *
 * @example
 * ```ts
 * import { StepLR, type TorchConfig } from "@lrsched/torch-compat";
 * const config: TorchConfig = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 30 }).toTorchConfig();
 * config._target_; // → "torch.optim.lr_scheduler.StepLR"
 * config.step_size; // → 30
 * ```
 */
export interface TorchConfig {
  readonly _target_: string;
  readonly [kwarg: string]: unknown;
}

/**
 * What every lrsched PyTorch-style scheduler offers, ReduceLROnPlateau and the composites included.
 *
 * @example
 * ```ts
 * import { fromTorchConfig, type Scheduler } from "@lrsched/torch-compat";
 * const s: Scheduler = fromTorchConfig({ _target_: "torch.optim.lr_scheduler.ExponentialLR", gamma: 0.5 }, { paramGroups: [{ lr: 0.1 }] });
 * s.step();
 * s.className; // → "ExponentialLR"
 * s.getLastLr(); // → [0.05]
 * ```
 */
export interface Scheduler {
  /** PyTorch's class name, e.g. 'StepLR'. */
  readonly className: string;
  readonly optimizer: Optimizer;
  /** Advances one epoch (or batch). ReduceLROnPlateau takes the metric. */
  step(arg?: number): void;
  /** The rates the last step set, one per param group. */
  getLastLr(): number[];
  /** State with PyTorch's field names, JSON-safe. */
  stateDict(): StateDict;
  /** Restores a state dict; a corrupted or mismatched dict throws and changes nothing. */
  loadStateDict(stateDict: unknown): void;
  /** The constructor call as a Hydra-style config; `fromTorchConfig` rebuilds it. */
  toTorchConfig(): TorchConfig;
  /** Validates `stateDict` and returns the function that applies it (for all-or-nothing nested loads). */
  prepareLoad(stateDict: unknown, where: string): () => void;
}

/**
 * A scheduler SequentialLR can drive: it rewinds `lastEpoch` and repeats the initial step.
 *
 * @example
 * ```ts
 * import { StepLR, type SequenceableScheduler } from "@lrsched/torch-compat";
 * const s: SequenceableScheduler = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 2 });
 * s.step();
 * s.lastEpoch; // → 1
 * ```
 */
export interface SequenceableScheduler extends Scheduler {
  lastEpoch: number;
  step(epoch?: number): void;
  /** PyTorch's `_initial_step()`: resets the step count and takes one step. */
  initialStep(): void;
}

export const isSequenceable = (s: Scheduler): s is SequenceableScheduler =>
  typeof (s as SequenceableScheduler).initialStep === "function" && typeof (s as SequenceableScheduler).lastEpoch === "number";

export const TORCH_PREFIX = "torch.optim.lr_scheduler.";
