import {
  compilePlan,
  evaluatePlan,
  evaluatePlanParallel,
  type CompiledPlan,
  type CurveArray,
  type Dtype,
  type PlanNode,
} from "@lrsched/core";
import { LrschedError } from "./errors";
import { checkNumber } from "./options";

/** The JSON form of a schedule: its type and every option, defaults included. */
export interface ScheduleSpec {
  readonly type: string;
  readonly [option: string]: unknown;
}

/** A Keras `get_config()`-style object: `{class_name, config}`. */
export interface KerasConfig {
  readonly class_name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly module?: string;
  readonly registered_name?: string | null;
}

export interface CurveOptions {
  /** First step (a non-negative integer). Default 0. */
  readonly start?: number;
  /** Element type of a new output array. Default 'float32'. Ignored when `out` is given. */
  readonly dtype?: Dtype;
  /** Array to fill (its first `count` elements); its type sets the dtype. */
  readonly out?: CurveArray;
  /**
   * Split the range over every core: in Node, this thread and one worker_thread per further core.
   * Bit-identical to the serial curve. The helpers write an `out` on a SharedArrayBuffer directly;
   * any other output gets their shares copied in. Ranges under 2^18 steps per thread, and
   * browsers, evaluate serially. Default false.
   */
  readonly parallel?: boolean;
}

export interface ChunkOptions {
  readonly start?: number;
  readonly dtype?: Dtype;
  /** Steps per yielded chunk. Default 2^20. */
  readonly chunkSize?: number;
  /** Each chunk split over every core, as `curve`'s `parallel`. Default false. */
  readonly parallel?: boolean;
}

/**
 * An immutable learning-rate schedule: a pure function of the step with a bulk evaluator.
 */
export interface Schedule {
  /** The factory name, e.g. 'cosineDecay'. */
  readonly type: string;
  /** The resolved options (defaults filled in), frozen. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The learning rate at `step` (a finite number >= 0; fractional steps evaluate the formula). */
  at(step: number): number;
  /**
   * Learning rates of steps [start, start + count), computed by the WASM core: a Float32Array by
   * default, a Float64Array for `dtype: 'float64'`, or `out` itself when given.
   */
  curve<T extends CurveArray>(count: number, options: CurveOptions & { readonly out: T }): T;
  curve(count: number, options: CurveOptions & { readonly dtype: "float64"; readonly out?: undefined }): Float64Array;
  curve(count: number, options?: CurveOptions & { readonly dtype?: "float32"; readonly out?: undefined }): Float32Array;
  curve(count: number, options?: CurveOptions): CurveArray;
  /** The same values in chunks of bounded size, for curves too long to hold in memory. */
  chunks(count: number, options: ChunkOptions & { readonly dtype: "float64" }): Generator<Float64Array, void, undefined>;
  chunks(count: number, options?: ChunkOptions & { readonly dtype?: "float32" }): Generator<Float32Array, void, undefined>;
  chunks(count: number, options?: ChunkOptions): Generator<CurveArray, void, undefined>;
  /** JSON form; `fromSpec(s.toSpec())` rebuilds an equal schedule. */
  toSpec(): ScheduleSpec;
  /** Keras `{class_name, config}`; throws LrschedError when Keras has no equivalent class. */
  toKeras(): KerasConfig;
  /**
   * The evaluation plan the core runs, or null when the schedule holds a JS function (e.g. a
   * custom `scaleFn`), in which case curves are computed step by step in JS.
   */
  readonly plan: PlanNode | null;
  /** Last step the schedule is defined for (Infinity for most; totalSteps for oneCycle). */
  readonly maxStep: number;
}

export interface ScheduleDefinition {
  readonly type: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** Value at a validated step. */
  readonly at: (step: number) => number;
  readonly plan: PlanNode | null;
  readonly maxStep?: number;
  readonly keras?: () => KerasConfig;
}

/** The unvalidated step functions of schedules built here (composites call them directly). */
const rawSteps = new WeakMap<Schedule, (step: number) => number>();

/**
 * A schedule's step function without the step check: composites validate the step once, at
 * their own `at`, and their pieces only ever see steps inside their domains.
 */
export function rawAt(s: Schedule): (step: number) => number {
  return rawSteps.get(s) ?? ((step) => s.at(step));
}

/** Duck test for a schedule value (composites accept schedules or their specs). */
export function isSchedule(v: unknown): v is Schedule {
  return typeof v === "object" && v !== null && typeof (v as Schedule).at === "function" &&
    typeof (v as Schedule).toSpec === "function" && typeof (v as Schedule).curve === "function";
}

/** An option value in spec form: nested schedules become specs. */
function specValue(v: unknown, path: string): unknown {
  if (isSchedule(v)) return v.toSpec();
  if (Array.isArray(v)) return v.map((x, i) => specValue(x, `${path}[${i}]`));
  if (typeof v === "function") throw new LrschedError(path, "is a JS function and has no spec form");
  return v;
}

/** Fills `out` from a JS `at` (schedules holding JS functions have no core plan). */
function evaluateInJs(at: (step: number) => number, start: number, count: number, out: CurveArray): CurveArray {
  for (let i = 0; i < count; i++) out[i] = at(start + i);
  return out;
}

/** Largest step whose integer value an f64 holds exactly. */
export const MAX_STEP = Number.MAX_SAFE_INTEGER;

export function checkStep(step: unknown, path = "step"): number {
  if (typeof step !== "number" || !Number.isFinite(step) || step < 0 || step > MAX_STEP) {
    throw new LrschedError(path, `must be a finite number in [0, 2^53 - 1]`, step);
  }
  return step;
}

function checkRange(count: unknown, start: unknown, maxStep: number): { count: number; start: number } {
  const c = checkNumber("count", count, { integer: true, min: 0 });
  const s = checkNumber("start", start, { integer: true, min: 0 });
  // compare without forming s + c, which rounds above 2^53
  if (c > 0 && s > MAX_STEP - (c - 1)) throw new LrschedError("start + count", "must not exceed 2^53", s + c);
  if (c > 0 && s + c - 1 > maxStep) {
    throw new LrschedError("start + count", `must not exceed the schedule's last step + 1 (${maxStep + 1})`, s + c);
  }
  return { count: c, start: s };
}

export function checkParallel(parallel: unknown): boolean {
  if (typeof parallel !== "boolean") throw new LrschedError("parallel", "must be true or false", parallel);
  return parallel;
}

export function checkDtype(dtype: unknown): Dtype {
  if (dtype !== "float32" && dtype !== "float64") {
    throw new LrschedError("dtype", "must be 'float32' or 'float64'", dtype);
  }
  return dtype;
}

export function defineSchedule(def: ScheduleDefinition): Schedule {
  let compiled: CompiledPlan | undefined;
  const maxStep = def.maxStep ?? Infinity;
  const options = Object.freeze({ ...def.options });
  const at = (step: unknown) => {
    const s = checkStep(step);
    if (s > maxStep) throw new LrschedError("step", `must be <= ${maxStep}, the schedule's last step`, s);
    return def.at(s);
  };
  const evaluate = (start: number, count: number, dtype: Dtype, out: CurveArray | undefined, parallel: boolean): CurveArray => {
    if (def.plan === null) return evaluateInJs(def.at, start, count, out ?? allocate(dtype, count));
    compiled ??= compilePlan(def.plan);
    return (parallel ? evaluatePlanParallel : evaluatePlan)(compiled, start, count, dtype, out);
  };
  const schedule: Schedule = {
    type: def.type,
    options,
    plan: def.plan,
    maxStep,
    at,
    // one implementation behind the overloads above: the array's type follows `out`, else `dtype`
    curve: function curve(count: number, opts: CurveOptions = {}): CurveArray {
      const { count: n, start } = checkRange(count, opts.start ?? 0, maxStep);
      const parallel = checkParallel(opts.parallel ?? false);
      const out = opts.out;
      if (out !== undefined) {
        if (!(out instanceof Float32Array || out instanceof Float64Array)) {
          throw new LrschedError("out", "must be a Float32Array or Float64Array", out);
        }
        if (out.length < n) throw new LrschedError("out", `must hold at least count (${n}) values`, out.length);
        return evaluate(start, n, out instanceof Float32Array ? "float32" : "float64", out, parallel);
      }
      const dtype = checkDtype(opts.dtype ?? "float32");
      try {
        return evaluate(start, n, dtype, undefined, parallel);
      } catch (e) {
        if (e instanceof RangeError) {
          throw new LrschedError("count", "is too large to hold in memory; use chunks() to stream it", n);
        }
        throw e;
      }
    } as Schedule["curve"],
    chunks: function* chunks(count: number, opts: ChunkOptions = {}): Generator<CurveArray, void, undefined> {
      const { count: n, start } = checkRange(count, opts.start ?? 0, maxStep);
      const dtype = checkDtype(opts.dtype ?? "float32");
      const size = checkNumber("chunkSize", opts.chunkSize ?? 1 << 20, { integer: true, min: 1 });
      const parallel = checkParallel(opts.parallel ?? false);
      for (let done = 0; done < n; done += size) {
        yield evaluate(start + done, Math.min(size, n - done), dtype, undefined, parallel);
      }
    } as Schedule["chunks"],
    toSpec() {
      const spec: Record<string, unknown> = { type: def.type };
      for (const [k, v] of Object.entries(options)) spec[k] = specValue(v, k);
      return spec as ScheduleSpec;
    },
    toKeras() {
      if (!def.keras) {
        throw new LrschedError(def.type, "has no Keras equivalent; export it as a spec (toSpec) instead");
      }
      return def.keras();
    },
  };
  rawSteps.set(schedule, def.at);
  return Object.freeze(schedule);
}

function allocate(dtype: Dtype, count: number): CurveArray {
  return dtype === "float32" ? new Float32Array(count) : new Float64Array(count);
}
