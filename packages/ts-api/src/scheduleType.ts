import type { PlanNode } from "@lrsched/core";
import { defineSchedule, nestingOf, type KerasConfig, type Schedule } from "./schedule";
import { MAX_NESTING, nestingError, prefixPath, readOptions, type Fields, type PathFn } from "./options";

/**
 * How a schedule type maps onto a Keras class.
 *
 * @example
 * ```ts
 * import { scheduleType, type KerasMapping } from "@lrsched/ts-api";
 * const keras: KerasMapping | undefined = scheduleType("cosineDecay")?.keras;
 * keras?.className; // → "CosineDecay"
 * keras?.localOnly; // → ["minLr"]
 * ```
 */
export interface KerasMapping {
  readonly className: string;
  /** The `name` Keras's get_config() reports by default. */
  readonly defaultName: string | null;
  /** Options with no Keras counterpart (left out of the config, defaulted on import). */
  readonly localOnly?: readonly string[];
  /** Rewrites options into their Keras equivalents before export (e.g. minLr -> alpha). */
  readonly adjust?: (options: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;
}

export interface ScheduleBody {
  readonly at: (step: number) => number;
  /** null: no core plan, curves are computed from `at` in JS. */
  readonly plan: PlanNode | null;
  readonly maxStep?: number;
}

/**
 * A schedule type: its name, one-line summary, option table (fields), Keras mapping, and its factory.
 *
 * @example
 * ```ts
 * import { scheduleType, type ScheduleType } from "@lrsched/ts-api";
 * const t: ScheduleType<unknown> = scheduleType("exponentialDecay")!;
 * t.create({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }).at(10); // → 0.05
 * Object.keys(t.fields)[0]; // → "initialLearningRate"
 * ```
 */
export interface ScheduleType<O> {
  readonly type: string;
  /** One line for `lrsched list`. */
  readonly summary: string;
  readonly fields: Fields;
  readonly keras?: KerasMapping;
  /** Validates raw options and builds the schedule; `at` names fields in errors (a prefix or a map). */
  create(options: O, at?: string | PathFn): Schedule;
}

export const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Levels of schedules nested in validated options (1 + the deepest nested schedule's own); an
 * LrschedError naming the deepest field beyond MAX_NESTING.
 */
function nesting(fields: Fields, options: Readonly<Record<string, unknown>>, path: PathFn): number {
  let deepest = 0;
  let where = "";
  for (const [key, f] of Object.entries(fields)) {
    if (f.kind !== "schedule" && f.kind !== "scheduleList") continue;
    const list = (f.kind === "schedule" ? [options[key]] : options[key]) as readonly Schedule[];
    list.forEach((s, i) => {
      const n = 1 + nestingOf(s);
      if (n > deepest) [deepest, where] = [n, f.kind === "schedule" ? path(key) : `${path(key)}[${i}]`];
    });
  }
  if (deepest > MAX_NESTING) throw nestingError(where);
  return deepest;
}

export function scheduleType<O>(def: {
  type: string;
  summary: string;
  fields: Fields;
  keras?: KerasMapping;
  /** `path(field)` gives the field's full path for errors from checks across fields. */
  build(options: O, path: PathFn): ScheduleBody;
}): ScheduleType<O> {
  const toKeras = (raw: Readonly<Record<string, unknown>>): KerasConfig => {
    const mapping = def.keras!;
    const options = mapping.adjust ? mapping.adjust(raw) : raw;
    const config: Record<string, unknown> = {};
    for (const key of Object.keys(def.fields)) {
      if (key === "name" || mapping.localOnly?.includes(key)) continue;
      config[camelToSnake(key)] = options[key];
    }
    config.name = options.name ?? mapping.defaultName;
    return { class_name: mapping.className, config };
  };
  return Object.freeze({
    type: def.type,
    summary: def.summary,
    fields: def.fields,
    keras: def.keras,
    create(raw: O, at: string | PathFn = ""): Schedule {
      const path = typeof at === "string" ? prefixPath(at) : at;
      const options = readOptions<O>(def.type, def.fields, raw, path);
      const opts = options as Readonly<Record<string, unknown>>;
      const nested = nesting(def.fields, opts, path);
      const body = def.build(options, path);
      return defineSchedule({
        type: def.type,
        options: opts,
        at: body.at,
        plan: body.plan,
        maxStep: body.maxStep,
        keras: def.keras ? () => toKeras(opts) : undefined,
        nesting: nested,
      });
    },
  });
}
