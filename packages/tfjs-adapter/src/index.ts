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
export {
  reduceLROnPlateau,
  ReduceLROnPlateauCallback,
  type ReduceLROnPlateauOptions,
  type PlateauWarmup,
} from "./reduceLROnPlateau";
export { KerasPlateau, type PlateauOptions } from "./kerasPlateau";
export { optimizerKind, OPTIMIZER_KINDS, type OptimizerKind } from "./optimizerKind";
export { tensorflowRuntime, type TensorFlowRuntime } from "./runtime";
export {
  rangeTest,
  rangeTestRamp,
  type RangeTestOptions,
  type RangeTestResult,
  type RangeTestBatch,
} from "./rangeTest";
export { smoothLosses } from "./smoothLosses";
export {
  suggestLearningRates,
  valleyIndex,
  type LrSuggestion,
  type LrSuggestions,
  type SuggestOptions,
} from "./suggestLearningRates";
export { seededRandom, seededShuffle } from "./seededShuffle";

// Probe for the native bindings on import, before the caller makes any tensor.
tensorflowRuntime();
