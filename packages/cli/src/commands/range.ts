// --steps / --start / --every, shared by every command that evaluates a curve.
import type { Schedule } from "@lrsched/ts-api";
import type { OptionSpec, Options } from "../args";
import { UsageError } from "../errors";
import { defaultSteps } from "../horizon";
import type { Sampling } from "../sample";

export const RANGE_OPTIONS: readonly OptionSpec[] = [
  { name: "steps", short: "n", kind: "value", placeholder: "N", doc: "Number of steps (default: read from the schedule's step options)." },
  { name: "start", kind: "value", placeholder: "S", doc: "First step (default 0)." },
  { name: "every", kind: "value", placeholder: "K", doc: "Keep every K-th step (default 1)." },
];

const MAX = Number.MAX_SAFE_INTEGER;

/** Reads the step range, defaulting --steps from the schedules. */
export function readSampling(opts: Options, schedules: readonly Schedule[]): Sampling {
  const start = opts.integer("start", 0, 0);
  const steps = opts.has("steps") ? opts.integer("steps", 1, 0) : defaultSteps(schedules);
  const every = opts.integer("every", 1, 1);
  if (start + steps > MAX + 1) throw new UsageError(`--start + --steps must not exceed 2^53, got ${start + steps}`);
  return { start, steps, every };
}
