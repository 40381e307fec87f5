import { tensorflowRuntime } from "./runtime";

export { getLearningRate, setLearningRate } from "./learningRate";
export { torchOptimizer, type TorchOptimizerView, type TorchParamGroup } from "./torchOptimizer";
export {
  lrScheduler,
  LrSchedulerCallback,
  type LrSchedulerOptions,
  type LrSource,
  type StepSchedule,
  type TorchLikeScheduler,
} from "./lrScheduler";
export { reduceLROnPlateau, ReduceLROnPlateauCallback, type ReduceLROnPlateauOptions } from "./reduceLROnPlateau";
export { optimizerKind, OPTIMIZER_KINDS, type OptimizerKind } from "./optimizerKind";
export { tensorflowRuntime, type TensorFlowRuntime } from "./runtime";

// Probe for the native bindings on import, before the caller makes any tensor.
tensorflowRuntime();
