// Plan opcodes, shared verbatim by the AssemblyScript kernels and the TypeScript plan builder.
// A plan node is laid out as f64 words: [op, size, ...params, ...children], where `size`
// counts every word of the node including its header and children.
/**
 * Plan opcodes: one per kernel family (Constant, Exponential, Cosine, ...) and per composite (Join, Multiply, ...).
 *
 * @example
 * ```ts
 * import { Op, planNode } from "@lrsched/core";
 * const node = planNode(Op.Constant, [0.1]);
 * node.op === Op.Constant; // → true
 * ```
 */
export enum Op {
  Constant = 1,
  Exponential = 2,
  InverseTime = 3,
  Piecewise = 4,
  Polynomial = 5,
  Cosine = 6,
  CosineRestarts = 7,
  LinearCosine = 8,
  NoisyLinearCosine = 9,
  Ramp = 10,
  Cyclic = 11,
  InverseSqrt = 12,
  KDecay = 13,
  Join = 20,
  Multiply = 21,
  Clamp = 22,
  Shift = 23,
  Repeat = 24,
}

/**
 * Shapes of a Ramp node (warm-up and one-cycle phases).
 *
 * @example
 * ```ts
 * import { compilePlan, evaluatePlan, Op, planNode, RampShape } from "@lrsched/core";
 * // a linear ramp from 0 to 0.1 over 10 steps
 * const plan = compilePlan(planNode(Op.Ramp, [0, 0.1, 10, RampShape.Linear]));
 * evaluatePlan(plan, 5, 1, "float64")[0]; // → 0.05
 * ```
 */
export enum RampShape {
  Linear = 0,
  Cosine = 1,
  Exponential = 2,
  /** from + (to - from) * sqrt(p): the "1-sqrt" decay when to < from. */
  Sqrt = 3,
}

/**
 * Scale functions of a Cyclic node (PyTorch CyclicLR modes).
 *
 * @example
 * ```ts
 * import { CyclicMode } from "@lrsched/core";
 * CyclicMode.Triangular2; // → 1
 * ```
 */
export enum CyclicMode {
  Triangular = 0,
  Triangular2 = 1,
  ExpRange = 2,
}

/** What the core's run() and write() left at their output (the host acts on it). */
export enum Run {
  /** The values, as f32 or f64. */
  Values = 0,
  /** One value repeated over the chunk. */
  Uniform = 1,
  /** Some value is not finite (or beyond f32's range in an f32 output): not to be handed out. */
  Refused = 2,
}

/**
 * Steps per chunk: every scratch buffer holds this many f64 values.
 *
 * @example
 * ```ts
 * import { CHUNK } from "@lrsched/core";
 * CHUNK; // → 8192
 * ```
 */
export const CHUNK = 8192;
