// The plateau policy replayed against a metric series recorded on some training run: the rate every
// step of that run would have had. The same rate source a sweep trains with, fed the series instead
// of measurements.
import { LrschedError } from "@lrsched/ts-api";
import { plateauControl, type PlateauPolicy } from "../train/rates";
import { resolvePlateau, type PlateauOptions } from "./plateau";

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
 * (the series is what is watched) and is refused.
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
