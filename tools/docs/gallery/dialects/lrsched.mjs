// One picture per schedule type of `lrsched list`, from a spec as `lrsched plot --spec` reads it.
import { fromSpec } from "@lrsched/ts-api";
import { num, optionWords, periodEnds } from "../describe.mjs";
import { markAt as at, markLevel as level } from "../draw.mjs";


/** Each entry: the spec, how many steps to draw, and the marks its options imply. */
const ENTRIES = [
  { spec: { type: "constant", value: 0.05 }, steps: 1000, marks: () => [] },
  {
    spec: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 200, decayRate: 0.5, staircase: true },
    steps: 1000,
    marks: (s) => [at(s.decaySteps, `decaySteps: × ${s.decayRate}`)],
  },
  {
    spec: { type: "inverseTimeDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 1 },
    steps: 1000,
    marks: (s) => [at(s.decaySteps, "decaySteps: lr / 2")],
  },
  {
    spec: { type: "naturalExpDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 },
    steps: 1000,
    marks: (s) => [at(s.decaySteps, "decaySteps")],
  },
  {
    spec: { type: "piecewiseConstantDecay", boundaries: [300, 600], values: [0.1, 0.05, 0.01] },
    steps: 1000,
    marks: (s) => s.boundaries.map((b) => at(b, `boundary ${b}`)),
  },
  {
    spec: { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 800, endLearningRate: 0.01, power: 2 },
    steps: 1000,
    marks: (s) => [at(s.decaySteps, "decaySteps"), level(s.endLearningRate, `endLearningRate ${num(s.endLearningRate)}`)],
  },
  {
    spec: { type: "cosineDecay", initialLearningRate: 0, warmupTarget: 0.1, warmupSteps: 100, decaySteps: 800, alpha: 0.1 },
    steps: 1000,
    marks: (s) => [
      at(s.warmupSteps, "warm-up end"),
      at(s.warmupSteps + s.decaySteps, "decay end"),
      level(s.alpha * s.warmupTarget, `floor alpha × peak = ${num(s.alpha * s.warmupTarget)}`),
    ],
  },
  {
    spec: { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 2, mMul: 0.8, alpha: 0.05 },
    steps: 1500,
    marks: (s) => [
      ...periodEnds(s.firstDecaySteps, s.tMul, 1500).map((e) => at(e, "restart")),
      level(s.alpha * s.initialLearningRate, `floor alpha × lr = ${num(s.alpha * s.initialLearningRate)}`),
    ],
  },
  {
    spec: { type: "linearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000, numPeriods: 3, beta: 0.001 },
    steps: 1200,
    marks: (s) => [at(s.decaySteps, "decaySteps")],
  },
  {
    spec: { type: "noisyLinearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000, initialVariance: 0.01, seed: 7 },
    steps: 1200,
    marks: (s) => [at(s.decaySteps, "decaySteps")],
  },
  {
    spec: { type: "exponentialGrowth", initialLearningRate: 0.001, growthSteps: 200, growthRate: 2, maxLr: 0.02 },
    steps: 1000,
    marks: (s) => [at(s.growthSteps, `growthSteps: × ${s.growthRate}`), level(s.maxLr, `maxLr ${num(s.maxLr)}`)],
  },
  {
    spec: { type: "cosinePower", initialLearningRate: 0.1, decaySteps: 800, alpha: 0.1, exponent: 2 },
    steps: 1000,
    marks: (s) => [at(s.decaySteps, "decaySteps"), level(s.alpha * s.initialLearningRate, `floor alpha × lr = ${num(s.alpha * s.initialLearningRate)}`)],
  },
  {
    spec: { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 400, etaMin: 0.01 },
    steps: 1200,
    marks: (s) => [at(s.tMax, "tMax"), at(3 * s.tMax, "3 tMax"), level(s.etaMin, `etaMin ${num(s.etaMin)}`)],
  },
  {
    spec: {
      type: "warmup",
      schedule: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 200, decayRate: 0.6 },
      warmupSteps: 150,
      shape: "cosine",
    },
    steps: 1000,
    marks: (s) => [at(s.warmupSteps, "warm-up end")],
  },
  {
    spec: { type: "warmupCosine", learningRate: 0.1, warmupSteps: 100, totalSteps: 1000, minLr: 0.01 },
    steps: 1000,
    marks: (s) => [at(s.warmupSteps, "warm-up end"), level(s.minLr, `minLr ${num(s.minLr)}`)],
  },
  {
    spec: { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 200, mode: "triangular2" },
    steps: 1600,
    marks: (s) => [level(s.baseLr, `baseLr ${num(s.baseLr)}`), at(s.stepSizeUp, "stepSizeUp")],
  },
  {
    spec: { type: "oneCycle", maxLr: 0.1, totalSteps: 1000 },
    steps: 1001,
    marks: () => [at(299, "peak: pctStart × total - 1"), level(0.1 / 25, "maxLr / divFactor")],
  },
  {
    spec: { type: "sgdr", initialLearningRate: 0.1, firstDecaySteps: 300, tMul: 1, cycleDecay: 0.7, warmupSteps: 30, alpha: 0.05 },
    steps: 1200,
    marks: (s) => periodEnds(s.firstDecaySteps, s.tMul, 1200).map((e) => at(e, "restart")),
  },
  {
    spec: { type: "warmupStableDecay", learningRate: 0.1, warmupSteps: 100, stableSteps: 600, decaySteps: 300, decayShape: "1-sqrt", minLr: 0.005 },
    steps: 1000,
    marks: (s) => [at(s.warmupSteps, "warm-up end"), at(s.warmupSteps + s.stableSteps, "decay start"), level(s.minLr, `minLr ${num(s.minLr)}`)],
  },
  {
    spec: { type: "inverseSqrt", learningRate: 0.1, warmupSteps: 100 },
    steps: 1000,
    marks: (s) => [at(s.warmupSteps, "warm-up end")],
  },
  {
    spec: { type: "kDecay", initialLearningRate: 0.1, decaySteps: 1000, k: 2, minLr: 0.005 },
    steps: 1000,
    marks: (s) => [level(s.minLr, `minLr ${num(s.minLr)}`)],
  },
  {
    spec: { type: "transformers", name: "cosine_with_restarts", learningRate: 0.1, numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 3 },
    steps: 1000,
    marks: (s) => [at(s.numWarmupSteps, "warm-up end"), ...[1, 2].map((k) => at(s.numWarmupSteps + (k * (s.numTrainingSteps - s.numWarmupSteps)) / 3, "restart"))],
  },
  {
    spec: { type: "timmCosine", lr: 0.1, tInitial: 300, cycleMul: 1.5, cycleDecay: 0.7, cycleLimit: 3, lrMin: 0.005, warmupT: 50, warmupLrInit: 0.001 },
    steps: 1200,
    marks: (s) => [at(s.warmupT, "warm-up end"), ...periodEnds(s.tInitial, s.cycleMul, 1200).slice(0, s.cycleLimit - 1).map((e) => at(e, "restart")), level(s.lrMin, `lrMin ${num(s.lrMin)}`)],
  },
  {
    spec: { type: "timmTanh", lr: 0.1, tInitial: 900, lrMin: 0.005, warmupT: 50, warmupLrInit: 0.001 },
    steps: 1000,
    marks: (s) => [at(s.warmupT, "warm-up end"), at(s.tInitial, "tInitial"), level(s.lrMin, `lrMin ${num(s.lrMin)}`)],
  },
  {
    spec: { type: "timmStep", lr: 0.1, decayT: 300, decayRate: 0.5, warmupT: 50, warmupLrInit: 0.001 },
    steps: 1000,
    marks: (s) => [at(s.warmupT, "warm-up end"), ...periodEnds(s.decayT, 1, 1000).map((e) => at(e, `× ${s.decayRate}`))],
  },
  {
    spec: { type: "timmMultiStep", lr: 0.1, decayT: [300, 600, 800], decayRate: 0.5, warmupT: 50, warmupLrInit: 0.001 },
    steps: 1000,
    marks: (s) => [at(s.warmupT, "warm-up end"), ...s.decayT.map((m) => at(m - 1, "milestone"))],
  },
  {
    spec: { type: "timmPoly", lr: 0.1, tInitial: 900, power: 2, lrMin: 0.005, warmupT: 50, warmupLrInit: 0.001 },
    steps: 1000,
    marks: (s) => [at(s.warmupT, "warm-up end"), at(s.tInitial, "tInitial"), level(s.lrMin, `lrMin ${num(s.lrMin)}`)],
  },
  {
    spec: {
      type: "join",
      schedules: [
        { type: "constant", value: 0.02 },
        { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 700 },
      ],
      boundaries: [300],
    },
    steps: 1000,
    marks: (s) => s.boundaries.map((b) => at(b, `boundary ${b}`)),
  },
  {
    spec: {
      type: "multiply",
      schedules: [
        { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 },
        { type: "cyclic", baseLr: 0.5, maxLr: 1, stepSizeUp: 100 },
      ],
    },
    steps: 1000,
    marks: () => [],
  },
  {
    spec: { type: "clamp", schedule: { type: "inverseTimeDecay", initialLearningRate: 0.2, decaySteps: 50, decayRate: 1 }, min: 0.02, max: 0.1 },
    steps: 1000,
    marks: (s) => [level(s.max, `max ${num(s.max)}`), level(s.min, `min ${num(s.min)}`)],
  },
  {
    spec: { type: "scale", schedule: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }, factor: 0.5 },
    steps: 1000,
    marks: () => [],
  },
];

/** The lrsched dialect: pictures named after their type, at the top of docs/gallery/. */
export const lrsched = {
  name: "lrsched",
  heading: "Schedule types (`lrsched list`)",
  dir: "",
  pictures: () =>
    ENTRIES.map(({ spec, steps, marks }) => ({
      id: spec.type,
      source: spec,
      title: spec.type,
      subtitle: optionWords(spec, ["type"]),
      steps,
      series: [{ label: spec.type, schedule: fromSpec(spec) }],
      marks: marks(spec),
    })),
};
