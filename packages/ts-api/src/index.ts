export { LrschedError } from "./errors";
// Browsers must initialise the WASM core asynchronously before the first curve().
export { ready, init, isReady, CoreNotReadyError } from "@lrsched/core";
export { startThreads } from "./threads";
export {
  MAX_STEP,
  isSchedule,
  type Schedule,
  type ScheduleSpec,
  type KerasConfig,
  type CurveOptions,
  type ChunkOptions,
} from "./schedule";
export type { CurveArray, Dtype } from "@lrsched/core";
export { allocateCurve } from "./curveBuffer";
export type { Field, Fields } from "./options";
export { MAX_NESTING } from "./options";
export type { ScheduleType, KerasMapping } from "./scheduleType";
export { scheduleTypes, scheduleType, fromSpec } from "./registry";
export { fromKeras, type FromKerasOptions } from "./kerasImport";
export { specJsonSchema } from "./jsonSchema";
export { fieldRules, fieldDefault } from "./fieldText";

export { constant, type ConstantOptions } from "./schedules/constant";
export { exponentialDecay, type ExponentialDecayOptions } from "./schedules/exponentialDecay";
export { inverseTimeDecay, type InverseTimeDecayOptions } from "./schedules/inverseTimeDecay";
export { naturalExpDecay, type NaturalExpDecayOptions } from "./schedules/naturalExpDecay";
export { piecewiseConstantDecay, type PiecewiseConstantDecayOptions } from "./schedules/piecewiseConstantDecay";
export { polynomialDecay, type PolynomialDecayOptions } from "./schedules/polynomialDecay";
export { cosineDecay, type CosineDecayOptions } from "./schedules/cosineDecay";
export { cosineDecayRestarts, type CosineDecayRestartsOptions } from "./schedules/cosineDecayRestarts";
export { linearCosineDecay, type LinearCosineDecayOptions } from "./schedules/linearCosineDecay";
export { noisyLinearCosineDecay, type NoisyLinearCosineDecayOptions } from "./schedules/noisyLinearCosineDecay";
export { cosineAnnealing, type CosineAnnealingOptions } from "./schedules/cosineAnnealing";
export { warmup, type WarmupOptions } from "./schedules/warmup";
export { warmupCosine, type WarmupCosineOptions } from "./schedules/warmupCosine";
export { cyclic, type CyclicOptions, type CyclicModeName } from "./schedules/cyclic";
export { oneCycle, type OneCycleOptions } from "./schedules/oneCycle";
export { sgdr, type SgdrOptions } from "./schedules/sgdr";
export { warmupStableDecay, type WarmupStableDecayOptions } from "./schedules/warmupStableDecay";
export { inverseSqrt, type InverseSqrtOptions } from "./schedules/inverseSqrt";
export { kDecay, type KDecayOptions } from "./schedules/kDecay";
export {
  transformers,
  transformersLambda,
  checkTransformersArgs,
  TRANSFORMERS_NAMES,
  TRANSFORMERS_METRIC_NAMES,
  type TransformersName,
  type TransformersMetricName,
  type TransformersOptions,
} from "./schedules/transformers";
export { timmCosine, type TimmCosineOptions } from "./schedules/timm/timmCosine";
export { timmTanh, type TimmTanhOptions } from "./schedules/timm/timmTanh";
export { timmStep, type TimmStepOptions } from "./schedules/timm/timmStep";
export { timmMultiStep, type TimmMultiStepOptions } from "./schedules/timm/timmMultiStep";
export { timmPoly, type TimmPolyOptions } from "./schedules/timm/timmPoly";
export {
  fromTimm,
  resolveTimmConfig,
  timmOptions,
  TIMM_TYPES,
  TIMM_CLASSES,
  TIMM_PLATEAU_DEFAULTS,
  type TimmConfig,
  type ResolvedTimmConfig,
  type TimmClassName,
} from "./dialects/timm";
export { cosinePower, type CosinePowerOptions } from "./schedules/cosinePower";
export { exponentialGrowth, type ExponentialGrowthOptions } from "./schedules/exponentialGrowth";
export { fromOptax, OPTAX_FUNCTIONS, type OptaxConfig } from "./dialects/optax";
export { toOptax, hasOptax } from "./dialects/toOptax";
export { toPythonCode, pythonCode, pythonSupport, PYTHON_FRAMEWORKS, type PythonFramework, type PythonCode } from "./python/toPythonCode";
export { join, type JoinOptions } from "./schedules/join";
export { multiply, type MultiplyOptions } from "./schedules/multiply";
export { clamp, type ClampOptions } from "./schedules/clamp";
export { scale, type ScaleOptions } from "./schedules/scale";
export { linearScaling, type LinearScalingOptions } from "./linearScaling";
