// The schedules whose Python code tools/conformance/generate_python_code_fixtures.py runs: every
// schedule type of `lrsched list`, several option sets each, and for each case the snippet
// toPythonCode writes for PyTorch, Keras and optax (or the error when a framework has none).
// Prints JSON on stdout. Needs the built packages (npx nx run-many -t build).
import { fromSpec, pythonCode, scheduleTypes } from "../../packages/ts-api/dist/index.js";

const c = (type, options, steps = 80) => ({ spec: { type, ...options }, steps });

const CASES = [
  c("constant", { value: 0.1 }, 10),
  c("constant", { value: 0 }, 5),
  c("exponentialDecay", { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }),
  c("exponentialDecay", { initialLearningRate: 0.1, decaySteps: 7, decayRate: 0.3, staircase: true }),
  c("exponentialDecay", { initialLearningRate: 0.05, decaySteps: 1, decayRate: 0.95 }),
  c("exponentialDecay", { initialLearningRate: 0.1, decaySteps: 2.5, decayRate: 0.8, staircase: true }),
  c("inverseTimeDecay", { initialLearningRate: 0.1, decaySteps: 5, decayRate: 0.5 }),
  c("inverseTimeDecay", { initialLearningRate: 0.1, decaySteps: 6, decayRate: 1.5, staircase: true }),
  c("naturalExpDecay", { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.3 }),
  c("naturalExpDecay", { initialLearningRate: 0.1, decaySteps: 4, decayRate: 0.2, staircase: true }),
  c("piecewiseConstantDecay", { boundaries: [10, 25], values: [0.1, 0.01, 0.001] }),
  c("piecewiseConstantDecay", { boundaries: [5, 12.5, 30], values: [0.3, 0.2, 0.25, 0.05] }),
  c("polynomialDecay", { initialLearningRate: 0.1, decaySteps: 30, endLearningRate: 0, power: 2 }),
  c("polynomialDecay", { initialLearningRate: 0.1, decaySteps: 20, endLearningRate: 0.01, power: 0.5 }),
  c("polynomialDecay", { initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.001, cycle: true }),
  c("cosineDecay", { initialLearningRate: 0.1, decaySteps: 40, alpha: 0.1 }),
  c("cosineDecay", { initialLearningRate: 0, decaySteps: 30, warmupTarget: 0.2, warmupSteps: 10 }),
  c("cosineDecay", { initialLearningRate: 0.1, decaySteps: 50, minLr: 0.005 }),
  c("cosineDecayRestarts", { initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 2, alpha: 0.05 }),
  c("cosineDecayRestarts", { initialLearningRate: 0.1, firstDecaySteps: 7, tMul: 1.5, mMul: 0.7 }),
  c("linearCosineDecay", { initialLearningRate: 0.1, decaySteps: 50, numPeriods: 2, alpha: 0.1, beta: 0.01 }),
  c("noisyLinearCosineDecay", { initialLearningRate: 0.1, decaySteps: 50, initialVariance: 0.1, seed: 7 }),
  c("cosineAnnealing", { initialLearningRate: 0.1, tMax: 25, etaMin: 0.001 }),
  c("warmup", { schedule: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }, warmupSteps: 10, initialLr: 0.001 }),
  c("warmup", { schedule: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 60 }, warmupSteps: 8, shape: "cosine", offset: false }),
  c("warmup", { schedule: { type: "constant", value: 0.1 }, warmupSteps: 12, initialLr: 1e-4, shape: "exponential" }),
  c("warmupCosine", { learningRate: 0.1, warmupSteps: 10, totalSteps: 60, minLr: 0.001 }),
  c("cyclic", { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 10 }),
  c("cyclic", { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5, stepSizeDown: 15, mode: "triangular2" }),
  c("cyclic", { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 8, mode: "exp_range", gamma: 0.99 }),
  c("oneCycle", { maxLr: 0.1, totalSteps: 80 }),
  c("oneCycle", { maxLr: 0.2, totalSteps: 60, threePhase: true, annealStrategy: "linear", pctStart: 0.25 }),
  c("sgdr", { initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 2, cycleDecay: 0.5, alpha: 0.01, warmupSteps: 3 }),
  c("warmupStableDecay", { learningRate: 0.1, warmupSteps: 10, stableSteps: 30, decaySteps: 20, minLr: 0.001 }),
  c("warmupStableDecay", { learningRate: 0.1, warmupSteps: 5, stableSteps: 20, decaySteps: 30, decayShape: "cosine" }),
  c("warmupStableDecay", { learningRate: 0.1, warmupSteps: 0, stableSteps: 10, decaySteps: 40, decayShape: "1-sqrt", initialLr: 0.01 }),
  c("inverseSqrt", { learningRate: 0.1, warmupSteps: 10 }),
  c("inverseSqrt", { learningRate: 0.1, timescale: 20 }),
  c("kDecay", { initialLearningRate: 0.1, decaySteps: 50, k: 2, minLr: 0.001 }),
  c("transformers", { name: "linear", learningRate: 0.1, numWarmupSteps: 10, numTrainingSteps: 60 }),
  c("transformers", { name: "cosine", learningRate: 0.1, numWarmupSteps: 10, numTrainingSteps: 60 }),
  c("transformers", { name: "cosine_with_restarts", learningRate: 0.1, numWarmupSteps: 5, numTrainingSteps: 65, numCycles: 3 }),
  c("transformers", { name: "polynomial", learningRate: 0.1, numWarmupSteps: 5, numTrainingSteps: 60, power: 2, lrEnd: 0.001 }),
  c("transformers", { name: "constant_with_warmup", learningRate: 0.1, numWarmupSteps: 10 }),
  c("transformers", { name: "inverse_sqrt", learningRate: 0.1, numWarmupSteps: 10 }),
  c("transformers", { name: "cosine_with_min_lr", learningRate: 0.1, numWarmupSteps: 5, numTrainingSteps: 60, minLrRate: 0.1 }),
  c("transformers", { name: "warmup_stable_decay", learningRate: 0.1, numWarmupSteps: 10, numDecaySteps: 20, numTrainingSteps: 70, minLrRatio: 0.01 }),
  c("timmCosine", { lr: 0.1, tInitial: 20, warmupT: 3, warmupLrInit: 0.001, lrMin: 0.001, cycleLimit: 3, cycleMul: 1.5, cycleDecay: 0.5, kDecay: 1.5 }),
  c("timmCosine", { lr: 0.1, tInitial: 50, warmupT: 5, warmupPrefix: true }),
  c("timmTanh", { lr: 0.1, tInitial: 30, warmupT: 5, warmupLrInit: 0.001 }),
  c("timmTanh", { lr: 0.1, tInitial: 12, cycleLimit: 4, cycleDecay: 0.7, lrMin: 0.002 }),
  c("timmStep", { lr: 0.1, decayT: 7, decayRate: 0.5, warmupT: 3, warmupLrInit: 0.01 }),
  c("timmStep", { lr: 0.1, decayT: 2.5, decayRate: 0.8, warmupT: 4, warmupPrefix: false }),
  c("timmMultiStep", { lr: 0.1, decayT: [5, 15, 25], decayRate: 0.3, warmupT: 2, warmupPrefix: false }),
  c("timmPoly", { lr: 0.1, tInitial: 40, power: 2, kDecay: 1.5, lrMin: 0.001 }),
  c("timmPoly", { lr: 0.1, tInitial: 15, cycleLimit: 3, cycleMul: 2, warmupT: 5, warmupLrInit: 0.01 }),
  c("cosinePower", { initialLearningRate: 0.1, decaySteps: 30, alpha: 0.05, exponent: 2 }),
  c("cosinePower", { initialLearningRate: 0.1, decaySteps: 40, exponent: 0.5 }),
  c("exponentialGrowth", { initialLearningRate: 0.001, growthSteps: 5, growthRate: 1.5, maxLr: 0.05 }),
  c("exponentialGrowth", { initialLearningRate: 0.001, growthSteps: 10, growthRate: 2, staircase: true, maxLr: 0.05 }),
  c("exponentialDecay", { initialLearningRate: 0.001, decaySteps: 8, decayRate: 1.5 }),
  c("join", {
    schedules: [
      { type: "polynomialDecay", initialLearningRate: 0, decaySteps: 10, endLearningRate: 0.1, power: 1 },
      { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 50, alpha: 0.01 },
    ],
    boundaries: [10],
  }),
  c("join", {
    schedules: [
      { type: "cyclic", baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5 },
      { type: "constant", value: 0.02 },
      { type: "timmTanh", lr: 0.05, tInitial: 20 },
    ],
    boundaries: [20, 35],
  }),
  c("multiply", { schedules: [{ type: "cosineDecay", initialLearningRate: 1, decaySteps: 60 }, { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 20, decayRate: 0.5 }] }),
  c("clamp", { schedule: { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 20 }, min: 0.01, max: 0.08 }),
  c("scale", { schedule: { type: "cyclic", baseLr: 0.01, maxLr: 0.1, stepSizeUp: 6 }, factor: 0.5 }),
];

const FRAMEWORKS = ["pytorch", "keras", "optax"];

const cases = CASES.map(({ spec, steps }) => {
  const s = fromSpec(spec);
  const n = Math.min(steps, Number.isFinite(s.maxStep) ? s.maxStep : Infinity);
  const code = {};
  for (const f of FRAMEWORKS) {
    try {
      code[f] = pythonCode(s, f);
    } catch (e) {
      code[f] = { form: "none", error: e.message };
    }
  }
  return { spec: s.toSpec(), steps: n, code };
});

const missing = scheduleTypes.map((t) => t.type).filter((t) => !cases.some((x) => x.spec.type === t));
if (missing.length) throw new Error(`no case for ${missing.join(", ")}`);
process.stdout.write(JSON.stringify({ types: scheduleTypes.map((t) => t.type), cases }));
