// The sweep's configuration: what to train, how long, and under which schedules. Validated field by
// field so a mistake is reported as one line naming the field.
import { LrschedError, fromSpec, type Schedule } from "@lrsched/ts-api";
import { UsageError } from "../errors";
import { MNIST_MIN_PER_DIGIT } from "../train/mnist";
import { OPTIMIZERS, type ModelSpec, type OptimizerName } from "../train/model";

/** One schedule of the sweep, as written in the config (step fields may be relative). */
export interface ScheduleEntry {
  readonly label: string;
  readonly spec: unknown;
}

/** A validated sweep configuration. */
export interface SweepConfig {
  readonly name: string;
  readonly data: { readonly dataset: "mnist"; readonly train: number; readonly validation: number };
  readonly model: ModelSpec;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seeds: readonly number[];
  /** Label of the fixed-rate schedule the others are compared with, if any. */
  readonly baseline?: string;
  readonly schedules: readonly ScheduleEntry[];
}

/** A schedule ready to train with: its relative step fields replaced by step counts. */
export interface ResolvedSchedule {
  readonly label: string;
  readonly schedule: Schedule;
  /** The spec actually trained (`schedule.toSpec()`), the key of its cached runs. */
  readonly spec: unknown;
}

const TOP_KEYS = ["name", "data", "model", "epochs", "batchSize", "seed", "seeds", "baseline", "schedules"] as const;

const fail = (path: string, rule: string, got?: unknown): never => {
  throw new LrschedError(path, rule, got);
};

function object(path: string, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "must be an object", v);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!keys.includes(k)) fail(path ? `${path}.${k}` : k, `is not an option; expected one of ${keys.join(", ")}`);
  return o;
}

function integer(path: string, v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) fail(path, `must be an integer in ${min}..${max}`, v);
  return v as number;
}

/**
 * Checks a parsed config and fills in defaults from `defaults` (the embedded sweep). Throws
 * LrschedError naming the field: `schedules[2].label must be a non-empty string, got 3`.
 */
export function validateConfig(raw: unknown, defaults: SweepConfig): SweepConfig {
  const o = object("", raw, TOP_KEYS);
  const data = o.data === undefined ? defaults.data : (() => {
    const d = object("data", o.data, ["dataset", "train", "validation"]);
    if (d.dataset !== undefined && d.dataset !== "mnist") fail("data.dataset", "must be 'mnist' (the only data set built in)", d.dataset);
    const train = d.train === undefined ? defaults.data.train : integer("data.train", d.train, 10, MNIST_MIN_PER_DIGIT * 10);
    const validation = d.validation === undefined ? defaults.data.validation : integer("data.validation", d.validation, 10, 10_000);
    return { dataset: "mnist" as const, train, validation };
  })();
  const model = o.model === undefined ? defaults.model : (() => {
    const m = object("model", o.model, ["hidden", "optimizer", "momentum"]);
    let hidden = defaults.model.hidden;
    if (m.hidden !== undefined) {
      if (!Array.isArray(m.hidden)) fail("model.hidden", "must be an array of layer sizes such as [128]", m.hidden);
      hidden = (m.hidden as unknown[]).map((h, i) => integer(`model.hidden[${i}]`, h, 1, 4096));
    }
    const optimizer = (m.optimizer ?? defaults.model.optimizer) as OptimizerName;
    if (!OPTIMIZERS.includes(optimizer)) fail("model.optimizer", `must be one of ${OPTIMIZERS.map((x) => `'${x}'`).join(", ")}`, m.optimizer);
    let momentum = optimizer === "momentum" ? (defaults.model.momentum ?? 0.9) : undefined;
    if (m.momentum !== undefined) {
      if (optimizer !== "momentum") fail("model.momentum", "applies only to optimizer 'momentum'");
      if (typeof m.momentum !== "number" || !(m.momentum >= 0 && m.momentum < 1)) fail("model.momentum", "must be a number in [0, 1)", m.momentum);
      momentum = m.momentum as number;
    }
    return { hidden, optimizer, ...(momentum === undefined ? {} : { momentum }) };
  })();
  const epochs = o.epochs === undefined ? defaults.epochs : integer("epochs", o.epochs, 1, 1000);
  const batchSize = o.batchSize === undefined ? defaults.batchSize : integer("batchSize", o.batchSize, 1, 8600);
  if (o.seed !== undefined && o.seeds !== undefined) fail("seeds", "cannot be given together with seed");
  let seeds = defaults.seeds;
  if (o.seed !== undefined) seeds = [integer("seed", o.seed, 0, 2 ** 31 - 1)];
  if (o.seeds !== undefined) {
    if (!Array.isArray(o.seeds) || o.seeds.length === 0) fail("seeds", "must be a non-empty array of integers", o.seeds);
    seeds = (o.seeds as unknown[]).map((s, i) => integer(`seeds[${i}]`, s, 0, 2 ** 31 - 1));
    if (new Set(seeds).size !== seeds.length) fail("seeds", "must not repeat a seed");
  }
  let schedules = defaults.schedules;
  if (o.schedules !== undefined) {
    if (!Array.isArray(o.schedules) || o.schedules.length === 0) fail("schedules", "must be a non-empty array of {label, spec}", o.schedules);
    if ((o.schedules as unknown[]).length > 20) fail("schedules", "must have at most 20 entries", o.schedules);
    schedules = (o.schedules as unknown[]).map((s, i) => {
      const e = object(`schedules[${i}]`, s, ["label", "spec"]);
      if (typeof e.label !== "string" || e.label.trim() === "" || e.label.length > 60) fail(`schedules[${i}].label`, "must be a non-empty string of at most 60 characters", e.label);
      if (e.spec === undefined) fail(`schedules[${i}].spec`, "is required: an lrsched schedule spec such as {\"type\": \"constant\", \"value\": 0.05}");
      return { label: (e.label as string).trim(), spec: e.spec };
    });
    const seen = new Set<string>();
    schedules.forEach((s, i) => {
      if (seen.has(s.label)) fail(`schedules[${i}].label`, "must be unique", s.label);
      seen.add(s.label);
    });
  }
  let baseline = o.schedules === undefined ? defaults.baseline : schedules.find((s) => (s.spec as { type?: unknown })?.type === "constant")?.label;
  if (o.baseline !== undefined) {
    if (typeof o.baseline !== "string" || !schedules.some((s) => s.label === o.baseline)) {
      fail("baseline", `must be the label of one of the schedules (${schedules.map((s) => s.label).join(", ")})`, o.baseline);
    }
    baseline = o.baseline as string;
  }
  const name = o.name === undefined ? defaults.name : typeof o.name === "string" ? o.name : fail("name", "must be a string", o.name);
  return { name, data, model, epochs, batchSize, seeds, ...(baseline === undefined ? {} : { baseline }), schedules };
}

/** Optimizer steps per epoch (the last batch may be partial, as in `model.fit`). */
export const stepsPerEpoch = (c: SweepConfig) => Math.ceil(Math.floor(c.data.train / 10) * 10 / c.batchSize);

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
 * Builds every schedule of the config for its run length and checks that each gives a finite
 * rate >= 0 at every step it will be asked for.
 */
export function resolveSchedules(c: SweepConfig): ResolvedSchedule[] {
  const perEpoch = stepsPerEpoch(c);
  const total = perEpoch * c.epochs;
  return c.schedules.map((entry, i) => {
    const path = `schedules[${i}].spec`;
    const resolved = resolveSteps(entry.spec, perEpoch, total, path);
    let schedule: Schedule;
    try {
      schedule = fromSpec(resolved as never);
    } catch (e) {
      if (e instanceof LrschedError) throw new LrschedError(`${path}.${e.path}`, e.rule, e.got);
      throw e;
    }
    for (let step = 0; step < total; step++) {
      let lr: number;
      try {
        lr = schedule.at(step);
      } catch (e) {
        throw new LrschedError(path, `must give a rate at every step of the run (0..${total - 1}); at step ${step}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!(lr >= 0) || !Number.isFinite(lr)) fail(path, `must give a finite rate >= 0 at every step of the run; at step ${step} it gives`, lr);
    }
    return { label: entry.label, schedule, spec: schedule.toSpec() };
  });
}

/** Re-labels a config error with where the config came from, as a one-line usage error. */
export function configError(where: string, e: unknown): unknown {
  if (e instanceof LrschedError) return new UsageError(`${where}: ${e.message}`, { cause: e });
  return e;
}
