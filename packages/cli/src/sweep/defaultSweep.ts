// The embedded sweep: seven common schedules at the same peak rate on an MNIST MLP. Step counts are
// relative ({"fraction": f} of the run, {"epochs": n}), so --quick and --epochs keep the shapes.
import type { SweepConfig } from "./config";

/** Peak rate of every schedule: between the range test's valley and steepest suggestions for this model. */
export const DEFAULT_PEAK = 0.05;

const peak = DEFAULT_PEAK;
const all = { fraction: 1 };

export const DEFAULT_SWEEP: SweepConfig = {
  name: "Seven learning-rate schedules on MNIST, one peak rate",
  data: { dataset: "mnist", train: 8000, validation: 2000 },
  model: { hidden: [128], optimizer: "momentum", momentum: 0.9 },
  epochs: 10,
  batchSize: 64,
  seeds: [1],
  baseline: "constant",
  schedules: [
    { label: "constant", spec: { type: "constant", value: peak } },
    { label: "step", spec: { type: "piecewiseConstantDecay", boundaries: [{ fraction: 0.5 }, { fraction: 0.75 }], values: [peak, peak / 10, peak / 100] } },
    { label: "exponential", spec: { type: "exponentialDecay", initialLearningRate: peak, decaySteps: all, decayRate: 0.01 } },
    { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: peak, decaySteps: all } },
    { label: "warm-up + cosine", spec: { type: "warmupCosine", learningRate: peak, warmupSteps: { fraction: 0.1 }, totalSteps: all } },
    { label: "cyclic", spec: { type: "cyclic", baseLr: peak / 10, maxLr: peak, stepSizeUp: { fraction: 0.125 }, mode: "triangular2" } },
    { label: "one-cycle", spec: { type: "oneCycle", maxLr: peak, totalSteps: all } },
  ],
};

/** What --quick changes, whatever the config says: a run of well under a minute. */
export const QUICK = { data: { dataset: "mnist", train: 2000, validation: 500 }, hidden: [32], epochs: 3 } as const;
