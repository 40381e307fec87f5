// The bridge to @lrsched/torch-compat. Its API is looked up at run time, so the CLI builds and runs
// whatever that package offers, and says plainly what it does not.
import { LrschedError, type CurveArray, type Schedule } from "@lrsched/ts-api";
import { UsageError } from "../errors";

/** What the CLI uses of a PyTorch-style scheduler. */
export interface TorchScheduler {
  step(metric?: number): void;
  getLastLr(): number[];
  /** Closed-form schedulers hand back a ts-api schedule, so the core computes their curves. */
  toSchedule?(): Schedule;
  /** The constructor call as a `_target_` config. */
  toTorchConfig?(): unknown;
}

/** A PyTorch-style optimizer: the schedulers only touch its param groups. */
export interface TorchOptimizer {
  paramGroups: { lr: number; initialLr?: number; momentum?: number }[];
}

type FromConfig = (config: unknown, optimizer: TorchOptimizer) => TorchScheduler;
type GetScheduler = (optimizer: TorchOptimizer, options: Record<string, unknown>) => TorchScheduler;
type ToConfig = (schedule: Schedule) => unknown;

export interface TorchBridge {
  readonly fromTorchConfig?: FromConfig;
  readonly getScheduler?: GetScheduler;
  /** A `_target_` config for a ts-api schedule, when torch-compat offers the conversion. */
  readonly toTorchConfig?: ToConfig;
}

let bridge: Promise<TorchBridge> | undefined;

/** Loads @lrsched/torch-compat once and picks out the functions it exports. */
export function torchBridge(): Promise<TorchBridge> {
  bridge ??= import("@lrsched/torch-compat").then(
    (m: Record<string, unknown>) => {
      const fn = <T>(name: string) => (typeof m[name] === "function" ? (m[name] as T) : undefined);
      return {
        fromTorchConfig: fn<FromConfig>("fromTorchConfig"),
        getScheduler: fn<GetScheduler>("getScheduler"),
        toTorchConfig: fn<ToConfig>("toTorchConfig") ?? fn<ToConfig>("scheduleToTorchConfig"),
      };
    },
    () => ({}),
  );
  return bridge;
}

/**
 * An optimizer holding one param group at `lr`, with momentum (SGD with momentum 0.9), so that
 * schedulers which cycle momentum (OneCycleLR, CyclicLR) run with their defaults. The rate does not
 * depend on it.
 */
export const optimizerAt = (lr: number): TorchOptimizer => ({ paramGroups: [{ lr, momentum: 0.9 }] });

/** Longest curve a stateful (step-by-step) scheduler is run for. */
export const MAX_RECORDED = 10_000_000;

/**
 * A schedule-shaped view of a stateful scheduler: `step()` is called as far as a curve needs (epoch
 * 0 is the rate after construction, as in PyTorch). It has no spec, Keras or core plan.
 */
export function recordedSchedule(scheduler: TorchScheduler, label: string): Schedule {
  const values: number[] = [scheduler.getLastLr()[0]];
  const upTo = (last: number) => {
    if (last >= MAX_RECORDED) {
      throw new LrschedError("--steps", `must keep the curve within ${MAX_RECORDED} steps for a stateful PyTorch scheduler (${label})`, last + 1);
    }
    while (values.length <= last) {
      try {
        scheduler.step();
      } catch (e) {
        if (!(e instanceof LrschedError)) throw e;
        throw new LrschedError(label, `has no curve without training data (${e.message})`);
      }
      values.push(scheduler.getLastLr()[0]);
    }
  };
  const fill = (start: number, count: number, out: CurveArray) => {
    if (count > 0) upTo(start + count - 1);
    for (let i = 0; i < count; i++) out[i] = values[start + i];
    return out;
  };
  const noForm = (form: string) => (): never => {
    throw new LrschedError(label, `is a stateful PyTorch scheduler with no closed form: it has no ${form} equivalent`);
  };
  const schedule = {
    type: label,
    options: {},
    plan: null,
    maxStep: Infinity,
    at(step: number) {
      const s = Math.floor(step);
      upTo(s);
      return values[s];
    },
    curve(count: number, o: { start?: number; dtype?: string; out?: CurveArray } = {}) {
      const out = o.out ?? (o.dtype === "float64" ? new Float64Array(count) : new Float32Array(count));
      return fill(o.start ?? 0, count, out);
    },
    *chunks(count: number, o: { start?: number; dtype?: string; chunkSize?: number } = {}) {
      const size = o.chunkSize ?? 1 << 16;
      const start = o.start ?? 0;
      for (let done = 0; done < count; done += size) {
        const n = Math.min(size, count - done);
        yield fill(start + done, n, o.dtype === "float64" ? new Float64Array(n) : new Float32Array(n));
      }
    },
    toSpec: noForm("spec"),
    toKeras: noForm("Keras"),
  };
  return schedule as unknown as Schedule;
}

/**
 * A schedule over rates already computed, one per step; past them it holds `after` (default: the
 * last rate). With `ends`, its last step is the last rate's, so charts stop there.
 */
export function replayedSchedule(rates: ArrayLike<number>, label: string, o: { after?: number; ends?: boolean } = {}): Schedule {
  let i = 0;
  const replay: TorchScheduler = {
    step: () => void i++,
    getLastLr: () => [i < rates.length ? rates[i] : (o.after ?? rates[rates.length - 1])],
  };
  const schedule = recordedSchedule(replay, label);
  return o.ends ? ({ ...schedule, maxStep: rates.length - 1 } as Schedule) : schedule;
}

/** The scheduler's closed form when it has one, else its recorded steps. */
export function scheduleOf(scheduler: TorchScheduler, label: string): Schedule {
  if (scheduler.toSchedule) {
    try {
      return scheduler.toSchedule();
    } catch (e) {
      if (!(e instanceof LrschedError)) throw e;
      // no closed form for these options: step it instead
    }
  }
  return recordedSchedule(scheduler, (scheduler as { className?: string }).className ?? label);
}

// schedules read from PyTorch configs remember the scheduler's own config, for `export --to torch`
const torchConfigs = new WeakMap<Schedule, () => unknown>();

/** The `_target_` config of a schedule read with --torch, if it was. */
export function torchConfigOf(schedule: Schedule): unknown {
  return torchConfigs.get(schedule)?.();
}

/** Builds a schedule from a PyTorch `_target_` config. */
export async function scheduleFromTorch(config: unknown, lr: number, label: string): Promise<Schedule> {
  const { fromTorchConfig } = await torchBridge();
  if (!fromTorchConfig) {
    throw new UsageError(`${label}: reading PyTorch configs needs @lrsched/torch-compat's fromTorchConfig, which this install does not provide`);
  }
  const scheduler = fromTorchConfig(config, optimizerAt(lr));
  const schedule = scheduleOf(scheduler, label);
  if (scheduler.toTorchConfig) torchConfigs.set(schedule, () => scheduler.toTorchConfig!());
  return schedule;
}
