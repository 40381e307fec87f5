// The demo's panels: the seed's catalogue, in its order, with its example parameters. Step ranges
// are chosen per panel so each curve's shape is readable.
import * as api from "@lrsched/ts-api";
import { policySeries } from "./policies";
import { collect, type PanelSeries } from "./series";

export interface Panel {
  /** File stem: `01-fixed-vs-exponential` -> .svg / .png. */
  readonly id: string;
  readonly title: string;
  /** What the panel shows and where its numbers come from. */
  readonly caption: string;
  readonly steps: number;
  readonly xTitle?: string;
  readonly series: () => Promise<PanelSeries>;
}

const EPOCH = 100; // steps per epoch in the warm-up panel
/** The ResNet rule 0.1 x batch / 256, from ts-api when this build has it. */
const linearScaling = (batch: number): number => {
  const rule = (api as Record<string, unknown>).linearScaling;
  return typeof rule === "function" ? (rule as (o: object) => number)({ baseLr: 0.1, baseBatch: 256, batch }) : (0.1 * batch) / 256;
};

export const PANELS: readonly Panel[] = [
  {
    id: "01-fixed-vs-exponential",
    title: "Fixed rate vs ExponentialDecay(0.15, 100000, 0.8, staircase)",
    caption: "The seed's starting point (one rate, 0.15, for the whole run) against its first improvement: Keras ExponentialDecay with decay_steps=100000, decay_rate=0.8, staircase=True (and the smooth variant).",
    steps: 1_000_000,
    series: async () =>
      collect([
        ["constant 0.15", { type: "constant", value: 0.15 }],
        ["exponential, staircase", { type: "exponentialDecay", initialLearningRate: 0.15, decaySteps: 100000, decayRate: 0.8, staircase: true }],
        ["exponential, smooth", { type: "exponentialDecay", initialLearningRate: 0.15, decaySteps: 100000, decayRate: 0.8 }],
      ]),
  },
  {
    id: "02-decay-survey",
    title: "Decay functions at lr 0.1",
    caption: "The survey of decay functions: exponential lr*rate^(step/decay_steps), inverse time lr/(1+rate*step/decay_steps), natural exponential lr*exp(-rate*step/decay_steps) and polynomial decay to end_learning_rate=0.0001.",
    steps: 1000,
    series: async () =>
      collect([
        ["exponential (100, 0.8)", { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.8 }],
        ["inverse time (100, 0.5)", { type: "inverseTimeDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 }],
        ["natural exp (100, 0.3)", { type: "naturalExpDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.3 }],
        ["polynomial, power 1", { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 1000, endLearningRate: 0.0001, power: 1 }],
        ["polynomial, power 2", { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 1000, endLearningRate: 0.0001, power: 2 }],
      ]),
  },
  {
    id: "03-natural-exp",
    title: "natural_exp_decay(0.5, decay_steps=10, decay_rate=0.9)",
    caption: "The seed's two natural exponential examples: staircase=True changes the rate once every 10 steps, staircase=False decays every step.",
    steps: 60,
    series: async () =>
      collect([
        ["staircase", { type: "naturalExpDecay", initialLearningRate: 0.5, decaySteps: 10, decayRate: 0.9, staircase: true }],
        ["smooth", { type: "naturalExpDecay", initialLearningRate: 0.5, decaySteps: 10, decayRate: 0.9 }],
      ]),
  },
  {
    id: "04-piecewise",
    title: "PiecewiseConstantDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])",
    caption: "1.0 up to step 100, 0.5 up to step 200, 0.1 after (a boundary step keeps the earlier value, as in Keras).",
    steps: 300,
    series: async () => collect([["piecewise", { type: "piecewiseConstantDecay", boundaries: [100, 200], values: [1.0, 0.5, 0.1] }]]),
  },
  {
    id: "05-polynomial-cycle",
    title: "PolynomialDecay(0.1, 100, end 0.0001, power 2), cycle on and off",
    caption: "With cycle=True the rate climbs back up each time it reaches end_learning_rate (each cycle longer than the last), to help training leave a local optimum late in the run.",
    steps: 800,
    series: async () =>
      collect([
        ["cycle=True", { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 100, endLearningRate: 0.0001, power: 2, cycle: true }],
        ["cycle=False", { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 100, endLearningRate: 0.0001, power: 2 }],
      ]),
  },
  {
    id: "06-cosine-family",
    title: "Cosine decays at lr 0.1 over 1000 steps",
    caption: "Cosine decay (alpha 0); cosine decay with restarts (first_decay_steps 100, t_mul 2, m_mul 1: restarts at 100, 300 and 700); linear cosine decay (num_periods 0.5, alpha 0, beta 0.001).",
    steps: 1000,
    series: async () =>
      collect([
        ["cosine", { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }],
        ["cosine with restarts", { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 100 }],
        ["linear cosine", { type: "linearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }],
      ]),
  },
  {
    id: "07-noisy-linear-cosine",
    title: "Noisy linear cosine decay (initial_variance 1, variance_decay 0.55)",
    caption: "Linear cosine decay plus Gaussian noise whose variance shrinks as initial_variance / (1 + step)^variance_decay; with TensorFlow's defaults the noise is large early on and can push the rate below zero, as it does in TensorFlow.",
    steps: 1000,
    series: async () =>
      collect([
        ["noisy linear cosine", { type: "noisyLinearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }],
        ["linear cosine", { type: "linearCosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }],
      ]),
  },
  {
    id: "08-warmup-cosine",
    title: "Warm-up 5 epochs from 0, then cosine; linear scaling 0.1 x b/256",
    caption: `The seed's warm-up: a linear ramp from 0 over 5 epochs (${EPOCH} steps each), then cosine decay to 0 over the remaining 85 epochs. The ResNet linear scaling rule sets the peak: 0.1 at batch 256, ${linearScaling(1024)} at batch 1024.`,
    steps: 90 * EPOCH,
    series: async () =>
      collect(
        [256, 1024].map((batch): [string, ...Record<string, unknown>[]] => {
          const lr = linearScaling(batch);
          return [
            `batch ${batch}: peak ${lr}`,
            { type: "warmupCosine", learningRate: lr, warmupSteps: 5 * EPOCH, totalSteps: 90 * EPOCH },
            { type: "cosineDecay", initialLearningRate: 0, warmupTarget: lr, warmupSteps: 5 * EPOCH, decaySteps: 85 * EPOCH },
          ];
        }),
      ),
  },
  {
    id: "09-get-scheduler",
    title: "get_scheduler policies: linear, step, plateau, cosine (lr 0.1)",
    caption: "The seed's PyTorch get_scheduler with niter=100, niter_decay=100, epoch_count=1, lr_decay_iters=50: LambdaLR linear (flat, then linear to 0), StepLR (gamma 0.1), ReduceLROnPlateau (factor 0.2, threshold 0.01, patience 5, on a simulated validation loss) and CosineAnnealingLR (T_max=niter, eta_min 0; PyTorch's recursive form rises again after T_max).",
    steps: 200,
    xTitle: "epoch",
    series: policySeries,
  },
  {
    id: "10-cyclic",
    title: "Cyclical learning rates (Smith 2015): base 0.001, max 0.006, step size 2000",
    caption: "The rate moves between a lower and an upper bound: triangular, triangular2 (amplitude halves each cycle) and exp_range (gamma 0.99994).",
    steps: 12000,
    series: async () =>
      collect([
        ["triangular", { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, mode: "triangular" }],
        ["triangular2", { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, mode: "triangular2" }],
        ["exp_range", { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, mode: "exp_range", gamma: 0.99994 }],
      ]),
  },
];
