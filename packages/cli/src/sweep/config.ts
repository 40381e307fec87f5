// The sweep's configuration file: what to train (the built-in MNIST MLP or your model and data), how
// long, and under which schedules. Validated field by field so a mistake is one line naming the field.
import { dirname, resolve } from "node:path";
import { LrschedError } from "@lrsched/ts-api";
import {
  DEFAULT_PEAK,
  METRICS,
  MNIST_MIN_PER_DIGIT,
  OPTIMIZERS,
  checkEntries,
  checkInteger as integer,
  checkSeeds,
  defaultSchedules,
  lossName,
  normalizeOptimizer,
  type MetricName,
  type ScheduleEntry,
} from "@lrsched/explore";
import { UsageError } from "../errors";

/** The built-in data set, or a file of yours with its target column. */
export type DataConfig =
  | { readonly dataset: "mnist"; readonly train: number; readonly validation: number }
  | { readonly file: string; readonly target: string; readonly ignore?: readonly string[]; readonly validation?: string; readonly validationFraction?: number };

/** The built-in MLP (hidden layer sizes), or a topology file of yours. */
export type ModelConfig = { readonly hidden: readonly number[] } | { readonly file: string };

export type OptimizerConfig = string | { readonly name: string; readonly momentum?: number };

/** A validated sweep configuration. */
export interface SweepConfig {
  readonly name: string;
  readonly data: DataConfig;
  readonly model: ModelConfig;
  readonly optimizer: OptimizerConfig;
  readonly loss?: string;
  readonly metric?: MetricName;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seeds: readonly number[];
  /** Label of the fixed-rate schedule the others are compared with, if any. */
  readonly baseline?: string;
  readonly schedules: readonly ScheduleEntry[];
}

/** The built-in sweep: seven schedules and the plateau policy at one peak rate on an MNIST MLP, three seeds. */
export const DEFAULT_SWEEP: SweepConfig = {
  name: "Eight learning-rate schedules on MNIST, one peak rate",
  data: { dataset: "mnist", train: 8000, validation: 2000 },
  model: { hidden: [128] },
  optimizer: { name: "momentum", momentum: 0.9 },
  epochs: 10,
  batchSize: 64,
  seeds: [1, 2, 3],
  baseline: "constant",
  schedules: defaultSchedules(DEFAULT_PEAK),
};

/** What --quick changes on the built-in sweep: small data, a small model, 3 epochs, 2 seeds, plateau patience 1. */
export const QUICK = { data: { dataset: "mnist", train: 2000, validation: 500 }, hidden: [32], epochs: 3, seeds: [1, 2], patience: 1 } as const;

const TOP_KEYS = ["name", "data", "model", "optimizer", "loss", "metric", "epochs", "batchSize", "seed", "seeds", "baseline", "schedules"] as const;

const fail = (path: string, rule: string, got?: unknown): never => {
  throw new LrschedError(path, rule, got);
};

function object(path: string, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "must be an object", v);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!keys.includes(k)) fail(path ? `${path}.${k}` : k, `is not an option; expected one of ${keys.join(", ")}`);
  return o;
}

function text(path: string, v: unknown): string {
  if (typeof v !== "string" || v.trim() === "") fail(path, "must be a non-empty string", v);
  return v as string;
}

/** File paths in a config file are relative to the file; in inline JSON, to the working directory. */
const place = (base: string | undefined, file: string) => (base === undefined ? file : resolve(base, file));

function dataConfig(raw: unknown, defaults: SweepConfig, base: string | undefined): DataConfig {
  if (raw === undefined) return defaults.data;
  const d = object("data", raw, ["dataset", "train", "validation", "file", "target", "ignore", "validationFraction"]);
  if (d.file !== undefined) {
    for (const k of ["dataset", "train"]) if (d[k] !== undefined) fail(`data.${k}`, "applies only to the built-in MNIST data, not with data.file");
    const target = text("data.target", d.target);
    const validationFraction = d.validationFraction;
    if (validationFraction !== undefined && (typeof validationFraction !== "number" || !(validationFraction > 0 && validationFraction < 1))) fail("data.validationFraction", "must be a number between 0 and 1 (exclusive)", validationFraction);
    if (validationFraction !== undefined && d.validation !== undefined) fail("data.validationFraction", "cannot be given together with data.validation (a separate validation file)");
    const ignore = d.ignore === undefined ? undefined : columnList("data.ignore", d.ignore);
    return {
      file: place(base, text("data.file", d.file)),
      target,
      ...(ignore === undefined ? {} : { ignore }),
      ...(d.validation === undefined ? {} : { validation: place(base, text("data.validation", d.validation)) }),
      ...(validationFraction === undefined ? {} : { validationFraction: validationFraction as number }),
    };
  }
  for (const k of ["target", "ignore", "validationFraction"]) if (d[k] !== undefined) fail(`data.${k}`, "applies only with data.file");
  if (d.dataset !== undefined && d.dataset !== "mnist") fail("data.dataset", "must be 'mnist' (the only data set built in; give data.file for your own)", d.dataset);
  const mnist = defaults.data as Extract<DataConfig, { dataset: "mnist" }>;
  return {
    dataset: "mnist",
    train: d.train === undefined ? mnist.train ?? 8000 : integer("data.train", d.train, 10, MNIST_MIN_PER_DIGIT * 10),
    validation: d.validation === undefined ? mnist.validation ?? 2000 : integer("data.validation", d.validation, 10, 10_000),
  };
}

/**
 * Checks a parsed config and fills in defaults from `defaults`. `file` is where it was read from
 * (paths inside are relative to it). Throws LrschedError naming the field:
 * `schedules[2].label must be a non-empty string of at most 60 characters, got 3`.
 */
export function validateConfig(raw: unknown, defaults: SweepConfig, file?: string): SweepConfig {
  const o = object("", raw, TOP_KEYS);
  const base = file === undefined ? undefined : dirname(resolve(file));
  const data = dataConfig(o.data, defaults, base);
  let model = defaults.model;
  let optimizer = defaults.optimizer;
  if (o.model !== undefined) {
    const m = object("model", o.model, ["hidden", "file", "optimizer", "momentum"]);
    if (m.file !== undefined) {
      if (m.hidden !== undefined) fail("model.hidden", "applies only to the built-in MLP, not with model.file");
      model = { file: place(base, text("model.file", m.file)) };
    } else if (m.hidden !== undefined) {
      if (!Array.isArray(m.hidden)) fail("model.hidden", "must be an array of layer sizes such as [128]", m.hidden);
      model = { hidden: (m.hidden as unknown[]).map((h, i) => integer(`model.hidden[${i}]`, h, 1, 4096)) };
    }
    // model.optimizer / model.momentum: the older spelling of the top-level optimizer
    if (m.optimizer !== undefined || m.momentum !== undefined) {
      const name = m.optimizer ?? (typeof optimizer === "string" ? optimizer : optimizer.name);
      if (!(OPTIMIZERS as readonly unknown[]).includes(name)) fail("model.optimizer", `must be one of ${OPTIMIZERS.map((x) => `'${x}'`).join(", ")}`, name);
      if (m.momentum !== undefined && name !== "momentum") fail("model.momentum", "applies only to optimizer 'momentum'");
      optimizer = name === "momentum" ? { name, momentum: (m.momentum as number | undefined) ?? 0.9 } : (name as string);
    }
  }
  if (o.optimizer !== undefined) optimizer = normalizeOptimizer(o.optimizer);
  if (o.loss !== undefined) lossName(o.loss);
  if (o.metric !== undefined && !(METRICS as readonly unknown[]).includes(o.metric)) fail("metric", `must be one of ${METRICS.join(", ")}`, o.metric);
  const epochs = o.epochs === undefined ? defaults.epochs : integer("epochs", o.epochs, 1, 1000);
  const batchSize = o.batchSize === undefined ? defaults.batchSize : integer("batchSize", o.batchSize, 1, 1 << 24);
  if (o.seed !== undefined && o.seeds !== undefined) fail("seeds", "cannot be given together with seed");
  let seeds = defaults.seeds;
  if (o.seed !== undefined) seeds = [integer("seed", o.seed, 0, 2 ** 31 - 1)];
  if (o.seeds !== undefined) seeds = checkSeeds(o.seeds);
  const schedules = o.schedules === undefined ? defaults.schedules : checkEntries(o.schedules);
  let baseline = o.schedules === undefined ? defaults.baseline : schedules.find((s) => "spec" in s && (s.spec as { type?: unknown })?.type === "constant")?.label;
  if (o.baseline !== undefined) {
    if (typeof o.baseline !== "string" || !schedules.some((s) => s.label === o.baseline)) {
      fail("baseline", `must be the label of one of the schedules (${schedules.map((s) => s.label).join(", ")})`, o.baseline);
    }
    baseline = o.baseline as string;
  }
  const name = o.name === undefined ? defaults.name : typeof o.name === "string" ? o.name : fail("name", "must be a string", o.name);
  return {
    name,
    data,
    model,
    optimizer,
    ...(o.loss === undefined ? {} : { loss: o.loss as string }),
    ...(o.metric === undefined ? {} : { metric: o.metric as MetricName }),
    epochs,
    batchSize,
    seeds,
    ...(baseline === undefined ? {} : { baseline }),
    schedules,
  };
}

/** Re-labels a config error with where the config came from, as a one-line usage error. */
export function configError(where: string, e: unknown): unknown {
  if (e instanceof LrschedError) return new UsageError(`${where}: ${e.message}`, { cause: e });
  return e;
}

/** A list of column names (data.ignore). */
function columnList(path: string, v: unknown): string[] {
  if (!Array.isArray(v)) fail(path, "must be a list of column names", v);
  return (v as unknown[]).map((c, i) => text(`${path}[${i}]`, c));
}
