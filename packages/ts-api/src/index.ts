export { LrschedError } from "./errors";
export {
  MAX_STEP,
  type Schedule,
  type ScheduleSpec,
  type KerasConfig,
  type CurveOptions,
  type ChunkOptions,
} from "./schedule";
export type { CurveArray, Dtype } from "@lrsched/core";
export type { Field, Fields } from "./options";
export type { ScheduleType, KerasMapping } from "./scheduleType";
export { scheduleTypes, scheduleType, fromSpec, fromKeras } from "./registry";
export { specJsonSchema } from "./jsonSchema";

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
