export { Op, RampShape, CyclicMode, CHUNK } from "../assembly/opcodes";
export { planNode, encodePlan, scratchLevels, type PlanNode } from "./plan";
export {
  compilePlan,
  evaluatePlan,
  streamPlan,
  CurveValueError,
  type CompiledPlan,
  type CurveArray,
  type Dtype,
} from "./evaluate";
export { gaussianNoise, gaussianSource } from "./gaussian";
export { WASM_BYTES } from "./wasm-binary.generated";
export { ready, init, isReady, CoreNotReadyError, type WasmSource } from "./instance";
export { allocateCurve } from "./curveBuffer";
export { evaluatePlanParallel, threadsFor, startThreads, MIN_SHARE } from "./parallel";
