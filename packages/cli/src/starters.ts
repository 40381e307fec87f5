// The spec a schedule type starts from (the playground's form, `lrsched describe`'s example): readable over about 1000 steps.
// Every type of `lrsched list` has one (checked by the tests).
export type Spec = Record<string, unknown>;

const cosine = (initialLearningRate: number, decaySteps: number): Spec => ({ type: "cosineDecay", initialLearningRate, decaySteps });

const STARTERS: Readonly<Record<string, Spec>> = {
  constant: { type: "constant", value: 0.1 },
  exponentialDecay: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.8 },
  inverseTimeDecay: { type: "inverseTimeDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 },
  naturalExpDecay: { type: "naturalExpDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.3 },
  piecewiseConstantDecay: { type: "piecewiseConstantDecay", boundaries: [300, 600], values: [0.1, 0.05, 0.01] },
  polynomialDecay: { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 1000, endLearningRate: 0.0001, power: 2 },
  cosineDecay: cosine(0.1, 1000),
  cosineDecayRestarts: { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 100 },
  linearCosineDecay: { type: "linearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000 },
  noisyLinearCosineDecay: { type: "noisyLinearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000 },
  cosineAnnealing: { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 1000 },
  warmup: { type: "warmup", schedule: cosine(0.1, 900), warmupSteps: 100 },
  warmupCosine: { type: "warmupCosine", learningRate: 0.1, warmupSteps: 100, totalSteps: 1000 },
  cyclic: { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 200 },
  oneCycle: { type: "oneCycle", maxLr: 0.1, totalSteps: 1000 },
  sgdr: { type: "sgdr", initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 2 },
  warmupStableDecay: { type: "warmupStableDecay", learningRate: 0.1, warmupSteps: 100, stableSteps: 600, decaySteps: 300 },
  inverseSqrt: { type: "inverseSqrt", learningRate: 0.1, warmupSteps: 100 },
  kDecay: { type: "kDecay", initialLearningRate: 0.1, decaySteps: 1000, k: 2 },
  transformers: { type: "transformers", name: "cosine", learningRate: 0.1, numWarmupSteps: 100, numTrainingSteps: 1000 },
  timmCosine: { type: "timmCosine", lr: 0.1, tInitial: 1000, warmupT: 50, warmupLrInit: 0.001 },
  timmTanh: { type: "timmTanh", lr: 0.1, tInitial: 1000 },
  timmStep: { type: "timmStep", lr: 0.1, decayT: 300, decayRate: 0.5 },
  timmMultiStep: { type: "timmMultiStep", lr: 0.1, decayT: [300, 600], decayRate: 0.5 },
  timmPoly: { type: "timmPoly", lr: 0.1, tInitial: 1000, power: 2 },
  cosinePower: { type: "cosinePower", initialLearningRate: 0.1, decaySteps: 1000, exponent: 2 },
  exponentialGrowth: { type: "exponentialGrowth", initialLearningRate: 0.001, growthSteps: 100, growthRate: 1.7, maxLr: 0.1 },
  join: {
    type: "join",
    schedules: [{ type: "constant", value: 0.1 }, { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.7 }],
    boundaries: [300],
  },
  multiply: { type: "multiply", schedules: [cosine(0.1, 1000), { type: "cyclic", baseLr: 0.5, maxLr: 1, stepSizeUp: 50 }] },
  clamp: { type: "clamp", schedule: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 }, min: 0.01 },
  scale: { type: "scale", schedule: cosine(0.1, 1000), factor: 0.5 },
};

/** A fresh copy of the starting spec for `type` (a bare `{type}` for a type with no entry). */
export function starterSpec(type: string): Spec {
  return structuredClone(STARTERS[type] ?? { type });
}

/** The types that have a starting spec. */
export const starterTypes = (): string[] => Object.keys(STARTERS);
