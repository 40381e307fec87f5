// The schedules of a sweep: checked entries, relative step fields resolved for the run's length, and
// every rate of the run checked before any training starts.
import { LrschedError, fromSpec, type Schedule } from "@lrsched/ts-api";
import { plateauControl, scheduleControl, type RateControl } from "../train/rates";
import { resolvePlateau, type PlateauOptions } from "./plateau";

/**
 * One schedule of a sweep: a spec (step fields may be `{epochs: n}` or `{fraction: f}`), a built
 * schedule, or the plateau policy (PyTorch's ReduceLROnPlateau, stepped per epoch).
 *
 * `label` names it in the report: non-empty, at most 60 characters, unique in the sweep. Exactly one
 * of `spec` (any lrsched spec, relative step fields resolved for the run's length), `schedule` (a
 * ts-api `Schedule`) or `plateau` (see {@link PlateauOptions}).
 *
 * @example
 * ```ts
 * import { cosineDecay } from "@lrsched/ts-api";
 * import { checkEntries, type ScheduleEntry } from "@lrsched/explore";
 * const entries: ScheduleEntry[] = [
 *   { label: "constant", spec: { type: "constant", value: 0.05 } },
 *   { label: "step", spec: { type: "piecewiseConstantDecay", boundaries: [{ epochs: 3 }], values: [0.05, 0.005] } },
 *   { label: "cosine", schedule: cosineDecay({ initialLearningRate: 0.05, decaySteps: 1000 }) },
 *   { label: "plateau", plateau: { lr: 0.05, patience: 2 } },
 * ];
 * checkEntries(entries).length; // → 4
 * ```
 */
export type ScheduleEntry =
  | {
      /** Its name in the report. */
      readonly label: string;
      /** An lrsched spec, such as `{ type: "constant", value: 0.05 }`. */
      readonly spec: unknown;
    }
  | {
      /** Its name in the report. */
      readonly label: string;
      /** A ts-api `Schedule` (anything with `at()` and `toSpec()`). */
      readonly schedule: Schedule;
    }
  | {
      /** Its name in the report. */
      readonly label: string;
      /** The plateau policy's options. */
      readonly plateau: PlateauOptions;
    };

/** A schedule ready to train with. */
export interface ResolvedSchedule {
  readonly label: string;
  /** What is trained, as JSON: the schedule's `toSpec()`, or `{plateau: {...}}` with every option resolved. Runs are cached under it. */
  readonly spec: unknown;
  /** A fresh rate source for a run. */
  control(): RateControl;
}

const fail = (path: string, rule: string, got?: unknown): never => {
  throw new LrschedError(path, rule, got);
};

/** At most this many schedules: a sweep is a comparison, not a search. */
export const MAX_SCHEDULES = 20;

/**
 * Checks a sweep's list of schedules: 1 to 20 objects, each with a unique non-empty label (at most 60
 * characters, trimmed) and one of spec, schedule or plateau (see {@link ScheduleEntry}). The first
 * fault throws one LrschedError naming the entry and field under `path` (default "schedules"). Specs
 * themselves are checked when a sweep resolves them for its run length.
 *
 * @example
 * ```ts
 * import { checkEntries } from "@lrsched/explore";
 * checkEntries([{ label: " cosine ", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: { fraction: 1 } } }])[0].label; // → "cosine"
 * let message = "";
 * try {
 *   checkEntries([{ label: "a", spec: { type: "constant", value: 0.1 } }, { label: "a", spec: { type: "constant", value: 0.2 } }]);
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "schedules[1].label must be unique, got \"a\""
 * ```
 */
export function checkEntries(entries: unknown, path = "schedules"): ScheduleEntry[] {
  if (!Array.isArray(entries) || entries.length === 0) fail(path, "must be a non-empty array of {label, spec}", entries);
  const list = entries as unknown[];
  if (list.length > MAX_SCHEDULES) fail(path, `must have at most ${MAX_SCHEDULES} entries`, list);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const at = `${path}[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(at, "must be an object {label, spec}", raw);
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e)) if (k !== "label" && k !== "spec" && k !== "schedule" && k !== "plateau") fail(`${at}.${k}`, "is not an option; expected label and one of spec, schedule, plateau");
    if (typeof e.label !== "string" || e.label.trim() === "" || e.label.length > 60) fail(`${at}.label`, "must be a non-empty string of at most 60 characters", e.label);
    const label = (e.label as string).trim();
    if (seen.has(label)) fail(`${at}.label`, "must be unique", label);
    seen.add(label);
    if (e.schedule !== undefined) {
      const s = e.schedule as Partial<Schedule>;
      if (typeof s?.at !== "function" || typeof s?.toSpec !== "function") fail(`${at}.schedule`, "must be an lrsched Schedule (with at() and toSpec())", e.schedule);
      return { label, schedule: e.schedule as Schedule };
    }
    if (e.plateau !== undefined) {
      if (e.spec !== undefined) fail(`${at}.plateau`, "cannot be given together with spec");
      return { label, plateau: e.plateau as PlateauOptions };
    }
    if (e.spec === undefined) fail(`${at}.spec`, 'is required: an lrsched schedule spec such as {"type": "constant", "value": 0.05}');
    return { label, spec: e.spec };
  });
}

/**
 * Replaces relative step counts in a spec: `{"epochs": 2}` becomes 2 epochs' worth of steps and
 * `{"fraction": 0.3}` 30 % of the run's steps (rounded, at least 1), so one config fits any
 * number of epochs and any batch size.
 */
export function resolveSteps(spec: unknown, perEpoch: number, total: number, path: string): unknown {
  if (Array.isArray(spec)) return spec.map((v, i) => resolveSteps(v, perEpoch, total, `${path}[${i}]`));
  if (typeof spec !== "object" || spec === null) return spec;
  const o = spec as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && (keys[0] === "epochs" || keys[0] === "fraction")) {
    const v = o[keys[0]];
    if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) fail(`${path}.${keys[0]}`, "must be a finite number >= 0", v);
    return Math.max(1, Math.round((v as number) * (keys[0] === "epochs" ? perEpoch : total)));
  }
  return Object.fromEntries(keys.map((k) => [k, resolveSteps(o[k], perEpoch, total, `${path}.${k}`)]));
}

/**
 * Builds every schedule for a run of `epochs x perEpoch` steps and checks that each gives a finite
 * rate >= 0 at every step it will be asked for (a plateau policy's options are checked instead: its
 * rates depend on the run). `higherIsBetter` tells a plateau policy watching the metric which way is up.
 */
export function resolveSchedules(entries: readonly ScheduleEntry[], perEpoch: number, epochs: number, higherIsBetter = false, path = "schedules"): ResolvedSchedule[] {
  const total = perEpoch * epochs;
  return entries.map((entry, i) => {
    const at = `${path}[${i}]`;
    if ("plateau" in entry) {
      const policy = resolvePlateau(entry.plateau, perEpoch, total, higherIsBetter, `${at}.plateau`);
      return { label: entry.label, spec: { plateau: policy }, control: () => plateauControl(policy, perEpoch) };
    }
    let schedule: Schedule;
    if ("schedule" in entry) schedule = entry.schedule;
    else {
      const resolved = resolveSteps(entry.spec, perEpoch, total, `${at}.spec`);
      try {
        schedule = fromSpec(resolved as never);
      } catch (e) {
        if (e instanceof LrschedError) throw new LrschedError(`${at}.spec.${e.path}`, e.rule, e.got);
        throw e;
      }
    }
    const where = "schedule" in entry ? `${at}.schedule` : `${at}.spec`;
    for (let step = 0; step < total; step++) {
      let lr: number;
      try {
        lr = schedule.at(step);
      } catch (e) {
        throw new LrschedError(where, `must give a rate at every step of the run (0..${total - 1}); at step ${step}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!(lr >= 0) || !Number.isFinite(lr)) fail(where, `must give a finite rate >= 0 at every step of the run; at step ${step} it gives`, lr);
    }
    return { label: entry.label, spec: schedule.toSpec(), control: () => scheduleControl(schedule) };
  });
}
