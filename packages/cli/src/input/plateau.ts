// `--plateau JSON|FILE` with `--metrics FILE`: the plateau policy replayed against a recorded metric
// series, drawn and summarised like any schedule.
import { plateauRates, type PlateauOptions } from "@lrsched/explore";
import type { Schedule } from "@lrsched/ts-api";
import type { OptionSpec, Options } from "../args";
import { UsageError, scheduleError } from "../errors";
import { readMetrics } from "./metrics";
import { replayedSchedule } from "./torch";

export const PLATEAU_OPTIONS: readonly OptionSpec[] = [
  {
    name: "plateau",
    kind: "value",
    repeat: true,
    placeholder: "FILE|JSON",
    doc: "Plateau policy (PyTorch's ReduceLROnPlateau): {lr, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, mode, warmup: {steps, initialLr, shape}}; needs --metrics.",
  },
  {
    name: "metrics",
    kind: "value",
    placeholder: "FILE",
    doc: "The metric each --plateau watches, one value per epoch: one number a line, a JSON array, or a CSV column (- is stdin).",
  },
  { name: "metrics-column", kind: "value", placeholder: "NAME|N", doc: "CSV column of --metrics, by header name or 1-based number (default: the only one)." },
];

/** A plateau policy's input, where it came from. */
export interface PlateauInput {
  readonly where: string;
  readonly file?: string;
  readonly options: unknown;
}

/** Steps per epoch of the replayed run: --steps-per-epoch, default 1 (one step per epoch). */
const stepsPerEpoch = (opts: Options) => opts.integer("steps-per-epoch", 1, 1);

/** Each --plateau's rates over the --metrics run, as a schedule that ends with the run. */
export function plateauSchedules(opts: Options, inputs: readonly PlateauInput[]): Schedule[] {
  if (inputs.length === 0) {
    if (opts.has("metrics") || opts.has("metrics-column")) throw new UsageError("--metrics is the series a --plateau policy watches: give --plateau too");
    return [];
  }
  const file = opts.string("metrics");
  if (file === undefined) throw new UsageError("--plateau needs --metrics FILE (the metric it watches, one value per epoch)");
  const metrics = readMetrics(file, opts.string("metrics-column"));
  const perEpoch = stepsPerEpoch(opts);
  return inputs.map(({ where, options }) => {
    try {
      const { rates, after } = plateauRates(options as PlateauOptions, metrics, perEpoch, "plateau");
      return replayedSchedule(rates, "plateau", { after, ends: true });
    } catch (e) {
      throw scheduleError(where, e);
    }
  });
}

/** With --plateau and no steps per epoch given, a step is an epoch: the x axis says so. */
export function plateauAxis(opts: Options): { xTitle?: string } {
  const perStep = opts.has("steps-per-epoch") || opts.has("epochs-per-step") || opts.has("xlabel");
  return opts.has("plateau") && !perStep ? { xTitle: "epoch" } : {};
}
