// The plateau policy replayed against a metric series recorded on some training run: the rate every
// step of that run would have had. The same rate source a sweep trains with, fed the series instead
// of measurements.
import { LrschedError } from "@lrsched/ts-api";
import { plateauControl, type PlateauPolicy } from "../train/rates";
import { resolvePlateau, type PlateauOptions } from "./plateau";

/**
 * What {@link plateauRates} found: the rate of every step, the next rate, and the policy as run.
 *
 * @example
 * ```ts
 * import { plateauRates, type PlateauReplay } from "@lrsched/explore";
 * const replay: PlateauReplay = plateauRates({ lr: 0.1, warmup: { steps: 2 } }, [1, 0.9], 2);
 * replay.rates; // → [0, 0.05, 0.1, 0.1]
 * replay.policy.warmup; // → { steps: 2, initialLr: 0, shape: "linear" }
 * ```
 */
export interface PlateauReplay {
  /** Rate of every step of the run, `metrics.length x stepsPerEpoch` of them. */
  readonly rates: Float64Array;
  /** The rate the step after the run would get (the last epoch's value counted). */
  readonly after: number;
  /** The options with every default filled in. */
  readonly policy: PlateauPolicy;
}

/**
 * Steps the plateau policy (PyTorch's ReduceLROnPlateau after an optional per-step warm-up) through
 * `metrics`, one value per epoch of `stepsPerEpoch` steps: every epoch trains at the current rate,
 * then its value is handed to the scheduler. `mode` defaults to 'min'; `monitor` has no meaning here
 * (the series is what is watched) and is refused. `stepsPerEpoch` is an integer >= 1 (default 1);
 * `metrics` holds at least one finite number. Bad options throw one LrschedError naming the field
 * under `path` (default "plateau").
 *
 * @example
 * ```ts
 * import { plateauRates } from "@lrsched/explore";
 * // a validation loss that stops improving after epoch 2; 2 steps per epoch
 * const replay = plateauRates({ lr: 0.1, factor: 0.5, patience: 1 }, [1, 0.9, 0.9, 0.9, 0.9], 2);
 * replay.rates; // → [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05]
 * replay.after; // → 0.05
 * replay.policy; // → { lr: 0.1, factor: 0.5, patience: 1, threshold: 1e-4, thresholdMode: "rel", cooldown: 0, minLr: 0, mode: "min", warmup: null }
 * ```
 */
export function plateauRates(options: PlateauOptions, metrics: readonly number[], stepsPerEpoch = 1, path = "plateau"): PlateauReplay {
  if (!Number.isInteger(stepsPerEpoch) || stepsPerEpoch < 1) throw new LrschedError("stepsPerEpoch", "must be an integer >= 1", stepsPerEpoch);
  if (metrics.length === 0) throw new LrschedError("metrics", "must hold at least one value (one per epoch)", metrics);
  metrics.forEach((m, i) => {
    if (typeof m !== "number" || !Number.isFinite(m)) throw new LrschedError(`metrics[${i}]`, "must be a finite number", m);
  });
  if (options !== null && typeof options === "object" && "monitor" in options) {
    throw new LrschedError(`${path}.monitor`, "is not an option here: the metric series is what the policy watches");
  }
  const total = metrics.length * stepsPerEpoch;
  const policy = resolvePlateau(options, stepsPerEpoch, total, false, path);
  const control = plateauControl(policy, stepsPerEpoch);
  const rates = new Float64Array(total);
  metrics.forEach((m, e) => {
    for (let s = e * stepsPerEpoch; s < (e + 1) * stepsPerEpoch; s++) rates[s] = control.at(s);
    control.endEpoch(e + 1, { epoch: e + 1, lr: rates[(e + 1) * stepsPerEpoch - 1], loss: m, metric: m, valLoss: m, valMetric: m, seconds: 0 });
  });
  return { rates, after: control.at(total), policy };
}
