// transformers' lr_lambda functions: the multiplier of the optimizer's rate at a step, in the
// same arithmetic as optimization.py (same operations in the same order), so that
// `rate * lambda(step)` is what PyTorch's LambdaLR sets to within a few ulps.
import type { TransformersName } from "./names";

export type Shape = "linear" | "cosine" | "1-sqrt";

/** Every argument resolved: defaults applied, floors as fractions of the optimizer's rate. */
export interface HfArgs {
  readonly name: TransformersName;
  /** The optimizer's default rate (PyTorch's `optimizer.defaults["lr"]`). */
  readonly lr: number;
  readonly warmup: number;
  readonly total: number;
  readonly cycles: number;
  readonly power: number;
  readonly lrEnd: number;
  /** cosine_with_min_lr / cosine_warmup_with_min_lr: floor / lr; warmup_stable_decay: min_lr_ratio. */
  readonly floorRate: number;
  readonly warmupLrRate: number | null;
  readonly timescale: number;
  readonly stable: number;
  readonly decay: number;
  readonly warmupType: Shape;
  readonly decayType: Shape;
}

export type Lambda = (step: number) => number;

/** The linear warm-up most names share: `step / max(1, W)` below W, then `after(step)`. */
const warmedUp = (w: number, after: Lambda): Lambda => (s) => (s < w ? s / Math.max(1, w) : after(s));

/** 0.5 (1 + cos(pi * cycles * 2 * progress)). */
const halfCosine = (cycles: number, progress: number) => 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress));

function wsdWarmup(shape: Shape, progress: number): number {
  if (shape === "linear") return progress;
  if (shape === "cosine") return 0.5 * (1.0 - Math.cos(Math.PI * progress));
  return 1.0 - Math.sqrt(1.0 - progress);
}

function wsdDecay(shape: Shape, cycles: number, progress: number): number {
  if (shape === "linear") return 1.0 - progress;
  if (shape === "cosine") return halfCosine(cycles, progress);
  return 1.0 - Math.sqrt(progress);
}

export function hfLambda(a: HfArgs): Lambda {
  const { warmup: w, total: t, cycles } = a;
  const span = Math.max(1, t - w);
  switch (a.name) {
    case "constant":
      return () => 1;
    case "constant_with_warmup":
      return warmedUp(w, () => 1);
    case "linear":
      return warmedUp(w, (s) => Math.max(0.0, (t - s) / span));
    case "cosine":
      return warmedUp(w, (s) => Math.max(0.0, halfCosine(cycles, (s - w) / span)));
    case "cosine_with_restarts":
      return warmedUp(w, (s) => {
        const progress = (s - w) / span;
        if (progress >= 1.0) return 0.0;
        return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * ((cycles * progress) % 1.0))));
      });
    case "polynomial": {
      const { lr, lrEnd, power } = a;
      const range = lr - lrEnd;
      return warmedUp(w, (s) => {
        if (s > t) return lrEnd / lr;
        const remaining = 1 - (s - w) / (t - w);
        return (range * remaining ** power + lrEnd) / lr;
      });
    }
    case "inverse_sqrt": {
      const shift = a.timescale - w;
      return warmedUp(w, (s) => 1.0 / Math.sqrt((s + shift) / a.timescale));
    }
    case "cosine_with_min_lr": {
      const r = a.floorRate;
      return warmedUp(w, (s) => Math.max(0, halfCosine(cycles, (s - w) / span) * (1 - r) + r));
    }
    case "cosine_warmup_with_min_lr": {
      const { floorRate: r, warmupLrRate: start } = a;
      const spanF = Math.max(1.0, t - w);
      return (s) => {
        if (s < w) {
          return start === null ? (s + 1.0) / Math.max(1.0, w) : start + ((1.0 - start) * s) / Math.max(1, w - 1);
        }
        return Math.max(0, halfCosine(cycles, (s - w + 1.0) / spanF) * (1 - r) + r);
      };
    }
    case "warmup_stable_decay": {
      const { stable, decay, floorRate: r } = a;
      return (s) => {
        if (s < w) return Math.max(0.0, wsdWarmup(a.warmupType, s / Math.max(1, w)) * (1.0 - r) + r);
        if (s < w + stable) return 1.0;
        if (s < w + stable + decay) {
          const progress = (s - w - stable) / Math.max(1, decay);
          return Math.max(0.0, wsdDecay(a.decayType, cycles, progress) * (1.0 - r) + r);
        }
        return r;
      };
    }
  }
}
