export { LrschedError } from "@lrsched/ts-api";
export type { Optimizer, ParamGroup } from "./optimizer";
export type { Scheduler, SequenceableScheduler, TorchConfig } from "./scheduler";
export type { StateDict } from "./stateDict";
export { LRScheduler } from "./LRScheduler";

export { LambdaLR, type LambdaLROptions, type LrLambda } from "./schedulers/LambdaLR";
export { MultiplicativeLR, type MultiplicativeLROptions } from "./schedulers/MultiplicativeLR";
export { StepLR, type StepLROptions } from "./schedulers/StepLR";
export { MultiStepLR, type MultiStepLROptions } from "./schedulers/MultiStepLR";
export { ConstantLR, type ConstantLROptions } from "./schedulers/ConstantLR";
export { LinearLR, type LinearLROptions } from "./schedulers/LinearLR";
export { ExponentialLR, type ExponentialLROptions } from "./schedulers/ExponentialLR";
export { PolynomialLR, type PolynomialLROptions } from "./schedulers/PolynomialLR";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./schedulers/CosineAnnealingLR";
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
} from "./schedulers/CosineAnnealingWarmRestarts";
export { CyclicLR, type CyclicLROptions, type CyclicMode, type ScaleFn } from "./schedulers/CyclicLR";
export { OneCycleLR, type OneCycleLROptions, type OneCyclePhase } from "./schedulers/OneCycleLR";
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./schedulers/ReduceLROnPlateau";
export { SequentialLR, type SequentialLROptions } from "./schedulers/SequentialLR";
export { ChainedScheduler, type ChainedSchedulerOptions } from "./schedulers/ChainedScheduler";

export { fromTorchConfig, TORCH_CLASSES } from "./fromTorchConfig";
export { getScheduler, type GetSchedulerOptions, type LrPolicy } from "./getScheduler";
export { loadParamGroups, saveParamGroups, type SavedParamGroup } from "./paramGroups";

export { GreedyLR, type GreedyLROptions } from "./transformers/GreedyLR";
export {
  transformersScheduler,
  type StepCounts,
  type TransformersSchedulerOptions,
} from "./transformers/transformersScheduler";

export { fromTimmConfig } from "./timm/fromTimmConfig";
export { TimmScheduler } from "./timm/TimmScheduler";
export { TimmPlateauScheduler } from "./timm/TimmPlateauScheduler";
