import { Op, planNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import { learningRate } from "../fields";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { constantPiece, rampPiece, sequence, type Piece } from "../pieces";
import { rampPlan } from "../ramp";
import { polynomialDecay } from "./polynomialDecay";

export const TRANSFORMERS_NAMES = [
  "linear",
  "cosine",
  "cosine_with_restarts",
  "polynomial",
  "constant",
  "constant_with_warmup",
  "inverse_sqrt",
  "cosine_with_min_lr",
  "warmup_stable_decay",
] as const;
export type TransformersName = (typeof TRANSFORMERS_NAMES)[number];

export interface TransformersOptions {
  /** The optimizer's base rate (Hugging Face schedules are multipliers of it). */
  readonly learningRate: number;
  readonly numWarmupSteps?: number;
  readonly numTrainingSteps?: number | null;
  /** Cosine periods: default 0.5, or 1 for cosine_with_restarts. */
  readonly numCycles?: number | null;
  /** polynomial: exponent (default 1) and final rate (default 1e-7). */
  readonly power?: number;
  readonly lrEnd?: number;
  /** cosine_with_min_lr: the floor, as a rate or as a fraction of learningRate (set one). */
  readonly minLr?: number | null;
  readonly minLrRate?: number | null;
  /** inverse_sqrt: default numWarmupSteps, or 10000. */
  readonly timescale?: number | null;
  /** warmup_stable_decay phases (numStableSteps defaults to the rest of numTrainingSteps). */
  readonly numStableSteps?: number | null;
  readonly numDecaySteps?: number | null;
  readonly warmupType?: "linear" | "cosine";
  readonly decayType?: "linear" | "cosine" | "1-sqrt";
  readonly minLrRatio?: number;
}

const fromSchedule = (s: Schedule, steps = Infinity): Piece => ({ steps, plan: s.plan!, at: rawAt(s) });

/**
 * The curves of Hugging Face `transformers.get_scheduler(name, ...)`, as rates (the library's
 * multipliers times `learningRate`): linear, cosine, cosine_with_restarts, polynomial, constant,
 * constant_with_warmup, inverse_sqrt, cosine_with_min_lr and warmup_stable_decay. Warm-ups are
 * `lr * step / max(1, numWarmupSteps)`. Like Hugging Face, `cosine` and `cosine_with_min_lr` keep
 * following the cosine after numTrainingSteps.
 */
export const transformersType = scheduleType<TransformersOptions & { name: TransformersName }>({
  type: "transformers",
  summary: "The curves of Hugging Face transformers' get_scheduler names (linear, cosine, wsd, ...).",
  fields: {
    name: { kind: "choice", doc: "Hugging Face scheduler name.", choices: TRANSFORMERS_NAMES },
    learningRate: learningRate("The optimizer's base rate."),
    numWarmupSteps: { kind: "number", doc: "Steps of linear warm-up from 0.", integer: true, min: 0, default: 0 },
    numTrainingSteps: { kind: "nullableNumber", doc: "Steps of the run.", integer: true, min: 1, default: null },
    numCycles: { kind: "nullableNumber", doc: "Cosine periods (default 0.5; 1 for restarts).", above: 0, default: null },
    power: { kind: "number", doc: "polynomial: exponent.", min: 0, default: 1 },
    lrEnd: { kind: "number", doc: "polynomial: final rate.", min: 0, default: 1e-7 },
    minLr: { kind: "nullableNumber", doc: "cosine_with_min_lr: floor rate.", min: 0, default: null },
    minLrRate: { kind: "nullableNumber", doc: "cosine_with_min_lr: floor as a fraction of learningRate.", min: 0, max: 1, default: null },
    timescale: { kind: "nullableNumber", doc: "inverse_sqrt: timescale (>= 1).", min: 1, default: null },
    numStableSteps: { kind: "nullableNumber", doc: "warmup_stable_decay: stable steps.", integer: true, min: 0, default: null },
    numDecaySteps: { kind: "nullableNumber", doc: "warmup_stable_decay: decay steps.", integer: true, min: 1, default: null },
    warmupType: { kind: "choice", doc: "warmup_stable_decay: warm-up shape.", choices: ["linear", "cosine"], default: "linear" },
    decayType: { kind: "choice", doc: "warmup_stable_decay: decay shape.", choices: ["linear", "cosine", "1-sqrt"], default: "cosine" },
    minLrRatio: { kind: "number", doc: "warmup_stable_decay: final rate as a fraction of learningRate.", min: 0, max: 1, default: 0 },
  },
  build: (o, path) => {
    const opts = o as Required<TransformersOptions> & { name: TransformersName };
    const { name, learningRate: lr, numWarmupSteps: w } = opts;
    const needTotal = (): number => {
      if (opts.numTrainingSteps === null) throw new LrschedError(path("numTrainingSteps"), `is required by '${name}'`);
      if (opts.numTrainingSteps < w) throw new LrschedError(path("numTrainingSteps"), `must be >= numWarmupSteps (${w})`, opts.numTrainingSteps);
      return opts.numTrainingSteps;
    };
    const warm = rampPiece("linear", 0, lr, Math.max(1, w), w);
    let pieces: Piece[];
    switch (name) {
      case "constant":
        pieces = [constantPiece(lr)];
        break;
      case "constant_with_warmup":
        pieces = [warm, constantPiece(lr)];
        break;
      case "linear": {
        const span = Math.max(1, needTotal() - w);
        pieces = [warm, rampPiece("linear", lr, 0, span, needTotal() - w), constantPiece(0)];
        break;
      }
      case "cosine":
      case "cosine_with_min_lr": {
        const cycles = opts.numCycles ?? 0.5;
        let floor = 0;
        if (name === "cosine_with_min_lr") {
          if ((opts.minLr === null) === (opts.minLrRate === null)) {
            throw new LrschedError(path("minLr"), "or minLrRate must be set, and not both");
          }
          floor = opts.minLr ?? lr * opts.minLrRate!;
        }
        pieces = [warm, rampPiece("cosine", lr, floor, Math.max(1, needTotal() - w) / (2 * cycles), Infinity)];
        break;
      }
      case "cosine_with_restarts": {
        const cycles = opts.numCycles ?? 1;
        const span = Math.max(1, needTotal() - w);
        const period = span / cycles;
        const half = lr * 0.5;
        // one half cosine from lr to 0 per period, restarted (hard restarts); a period longer than
        // the run (numCycles < 1, or so small the period overflows) never restarts
        const wave = rampPlan("cosine", lr, 0, period);
        pieces = [
          warm,
          {
            steps: needTotal() - w,
            plan: period >= span ? wave : planNode(Op.Repeat, [period], [wave]),
            // Hugging Face's (numCycles * progress) % 1: the fraction of the current period
            at: (s) => half * (1 + Math.cos(Math.PI * ((cycles * (s / span)) % 1))),
          },
          constantPiece(0),
        ];
        break;
      }
      case "polynomial": {
        if (!(lr > opts.lrEnd)) throw new LrschedError(path("lrEnd"), `must be smaller than learningRate (${lr})`, opts.lrEnd);
        const decay = polynomialDecay({ initialLearningRate: lr, decaySteps: Math.max(1, needTotal() - w), endLearningRate: opts.lrEnd, power: opts.power });
        pieces = [warm, fromSchedule(decay)];
        break;
      }
      case "inverse_sqrt": {
        const timescale = opts.timescale ?? (w > 0 ? w : 10_000);
        pieces = [
          warm,
          {
            steps: Infinity,
            plan: planNode(Op.InverseSqrt, [lr, timescale, timescale]),
            at: (s) => lr / Math.sqrt((s + timescale) / timescale),
          },
        ];
        break;
      }
      case "warmup_stable_decay": {
        if (opts.numDecaySteps === null) throw new LrschedError(path("numDecaySteps"), "is required by 'warmup_stable_decay'");
        const d = opts.numDecaySteps;
        let stable = opts.numStableSteps;
        if (stable === null) {
          stable = needTotal() - w - d;
          if (stable < 0) throw new LrschedError(path("numTrainingSteps"), `must be >= numWarmupSteps + numDecaySteps (${w + d})`, opts.numTrainingSteps);
        }
        const floor = lr * opts.minLrRatio;
        const cycles = opts.numCycles ?? 0.5;
        const decay = opts.decayType === "cosine"
          ? rampPiece("cosine", lr, floor, d / (2 * cycles), d)
          : rampPiece(opts.decayType, lr, floor, d, d);
        pieces = [
          rampPiece(opts.warmupType, floor, lr, Math.max(1, w), w),
          constantPiece(lr, stable),
          decay,
          constantPiece(floor),
        ];
        break;
      }
    }
    return sequence(pieces);
  },
});

/** `transformers('cosine', {learningRate: 3e-4, numWarmupSteps: 500, numTrainingSteps: 10000})`. */
export const transformers = (name: TransformersName, options: TransformersOptions) =>
  transformersType.create({ name, ...options });
