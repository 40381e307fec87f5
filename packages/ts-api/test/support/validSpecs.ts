// One valid spec of every schedule type, with its options set: the seeds the fuzzers start from.

/** One valid spec per type: the seeds fuzzers start from. */
export const VALID: Record<string, unknown>[] = [
  { type: "constant", value: 0.1 },
  { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5, staircase: true },
  { type: "inverseTimeDecay", initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 },
  { type: "naturalExpDecay", initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 },
  { type: "piecewiseConstantDecay", boundaries: [10, 20], values: [1, 0.5, 0.1] },
  { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 100, power: 2, cycle: true },
  { type: "cosineDecay", initialLearningRate: 0, decaySteps: 100, warmupTarget: 0.1, warmupSteps: 10 },
  { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 2, mMul: 0.9 },
  { type: "linearCosineDecay", initialLearningRate: 0.1, decaySteps: 100, numPeriods: 3 },
  { type: "noisyLinearCosineDecay", initialLearningRate: 0.1, decaySteps: 100, seed: 3 },
  { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 10, etaMin: 0.001 },
  { type: "warmup", schedule: { type: "constant", value: 0.1 }, warmupSteps: 5, shape: "cosine" },
  { type: "warmupCosine", learningRate: 0.1, warmupSteps: 5, totalSteps: 100 },
  { type: "cyclic", baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5, mode: "exp_range", gamma: 0.99 },
  { type: "oneCycle", maxLr: 0.1, totalSteps: 100, threePhase: true },
  { type: "sgdr", initialLearningRate: 0.1, firstDecaySteps: 10, warmupSteps: 2 },
  { type: "warmupStableDecay", learningRate: 0.1, warmupSteps: 5, stableSteps: 50, decaySteps: 20 },
  { type: "inverseSqrt", learningRate: 0.1, warmupSteps: 10 },
  { type: "kDecay", initialLearningRate: 0.1, decaySteps: 100, k: 2 },
  { type: "transformers", name: "warmup_stable_decay", learningRate: 0.1, numWarmupSteps: 5, numTrainingSteps: 100, numDecaySteps: 20 },
  { type: "join", schedules: [{ type: "constant", value: 0.1 }, { type: "constant", value: 0.01 }], boundaries: [10] },
  { type: "multiply", schedules: [{ type: "constant", value: 0.5 }, { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 10 }] },
  { type: "clamp", schedule: { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 10 }, min: 0.01, max: 0.05 },
  { type: "scale", schedule: { type: "constant", value: 0.1 }, factor: 2 },
];
