// The schedules the page trains with and the curves checked against Node, shared by the page
// (bundled) and the browser test (run in Node), so both evaluate the very same definitions.
import { cosineDecayRestarts, noisyLinearCosineDecay, warmupCosine } from "@lrsched/ts-api";

/** Iris: 150 rows, batches of 15, 30 epochs -> 300 steps, 30 of them warm-up. */
export const TRAINING = { epochs: 30, batchSize: 15 };
export const STEPS = 300;
export const trainingSchedule = () => warmupCosine({ learningRate: 0.05, warmupSteps: 30, totalSteps: STEPS });

/** Curves long enough to cross many chunks, recurrence anchors and restarts. */
export const CURVE_STEPS = 1_000_000;
export const curveSchedules = () => ({
  warmupCosine: warmupCosine({ learningRate: 0.1, warmupSteps: 10_000, totalSteps: CURVE_STEPS }),
  cosineDecayRestarts: cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 5_000, tMul: 2, mMul: 0.9, alpha: 0.01 }),
  noisyLinearCosineDecay: noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: CURVE_STEPS, seed: 7 }),
});
