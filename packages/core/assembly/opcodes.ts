// Plan opcodes, shared verbatim by the AssemblyScript kernels and the TypeScript plan builder.
// A plan node is laid out as f64 words: [op, size, ...params, ...children], where `size`
// counts every word of the node including its header and children.
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

/** Shapes of a Ramp node (warm-up and one-cycle phases). */
export enum RampShape {
  Linear = 0,
  Cosine = 1,
  Exponential = 2,
  /** from + (to - from) * sqrt(p): the "1-sqrt" decay when to < from. */
  Sqrt = 3,
}

/** Scale functions of a Cyclic node (PyTorch CyclicLR modes). */
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

/** Steps per chunk: every scratch buffer holds this many f64 values. */
export const CHUNK = 8192;
