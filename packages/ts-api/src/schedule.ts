import {
  CurveValueError,
  compilePlan,
  evaluatePlan,
  evaluatePlanParallel,
  type CompiledPlan,
  type CurveArray,
  type Dtype,
  type PlanNode,
} from "@lrsched/core";
import { LrschedError, guarded } from "./errors";
import { checkNumber } from "./options";

/**
 * The JSON form of a schedule: its type and every option, defaults included.
 *
 * @example
 * ```ts
 * import { cosineDecay, fromSpec, type ScheduleSpec } from "@lrsched/ts-api";
 * const spec: ScheduleSpec = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }).toSpec();
 * spec.alpha; // → 0
 * fromSpec(spec).at(50); // → 0.05
 * ```
 */
export interface ScheduleSpec {
  readonly type: string;
  readonly [option: string]: unknown;
}

/**
 * A Keras `get_config()`-style object: `{class_name, config}`.
 *
 * @example
 * ```ts
 * import { exponentialDecay, type KerasConfig } from "@lrsched/ts-api";
 * const keras: KerasConfig = exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100_000, decayRate: 0.8, staircase: true }).toKeras();
 * keras.class_name; // → "ExponentialDecay"
 * keras.config.decay_steps; // → 100000
 * ```
 */
export interface KerasConfig {
  readonly class_name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly module?: string;
  readonly registered_name?: string | null;
}

/**
 * Where `curve()` starts, what it stores, and where it writes.
 *
 * @example
 * ```ts
 * import { cosineDecay, type CurveOptions } from "@lrsched/ts-api";
 * const options: CurveOptions = { start: 100, dtype: "float64" };
 * Array.from(cosineDecay({ initialLearningRate: 0.1, decaySteps: 200 }).curve(2, options)); // → [0.05, 0.04921]
 * ```
 */
export interface CurveOptions {
  /** First step (a non-negative integer). Default 0. */
  readonly start?: number;
  /** Element type of a new output array. Default 'float32'. Ignored when `out` is given. */
  readonly dtype?: Dtype;
  /** Array to fill (its first `count` elements); its type sets the dtype. */
  readonly out?: CurveArray;
  /**
   * Split the range over every core: in Node, this thread and one worker_thread per further core;
   * in a browser, the Web Workers `await startThreads()` started, from a Web Worker of a
   * cross-origin isolated page (elsewhere serially). Bit-identical to the serial curve. A new
   * output array is then allocated on a SharedArrayBuffer, which every thread writes directly,
   * as it does an `out` on one; any other `out` gets the helpers' shares copied in. Ranges under
   * 2^18 steps per thread evaluate serially (into an ordinary new array). Default false.
   */
  readonly parallel?: boolean;
}

/**
 * Where `chunks()` starts, what it stores, and how many steps each chunk holds.
 *
 * @example
 * ```ts
 * import { constant, type ChunkOptions } from "@lrsched/ts-api";
 * const options: ChunkOptions = { chunkSize: 1000 };
 * [...constant({ value: 0.1 }).chunks(2500, options)].map((c) => c.length); // → [1000, 1000, 500]
 * ```
 */
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
 *
 * @example
 * ```ts
 * import { warmupCosine, type Schedule } from "@lrsched/ts-api";
 * const s: Schedule = warmupCosine({ learningRate: 0.1, warmupSteps: 100, totalSteps: 1000 });
 * s.at(100); // → 0.1
 * s.curve(1000).length; // → 1000
 * s.type; // → "warmupCosine"
 * ```
 */
export interface Schedule {
  /** The factory name, e.g. 'cosineDecay'. */
  readonly type: string;
  /** The resolved options (defaults filled in), frozen. */
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * The learning rate at `step`: a finite number >= 0 (below 0 only where the reference formula
   * is: noisyLinearCosineDecay's noise, a linear oneCycle's final step, a negative scaleFn);
   * fractional steps evaluate the formula. Options whose rate overflows throw an LrschedError.
   */
  at(step: number): number;
  /**
   * Learning rates of steps [start, start + count), computed by the WASM core: a Float32Array by
   * default, a Float64Array for `dtype: 'float64'`, or `out` itself when given.
   */
  curve<T extends CurveArray>(count: number, options: CurveOptions & { readonly out: T }): T;
  /** The curve as a new Float64Array. */
  curve(count: number, options: CurveOptions & { readonly dtype: "float64"; readonly out?: undefined }): Float64Array;
  /** The curve as a new Float32Array (the default). */
  curve(count: number, options?: CurveOptions & { readonly dtype?: "float32"; readonly out?: undefined }): Float32Array;
  /** The curve in the element type `options` choose. */
  curve(count: number, options?: CurveOptions): CurveArray;
  /** The same values in chunks of bounded size, for curves too long to hold in memory (Float64Array chunks). */
  chunks(count: number, options: ChunkOptions & { readonly dtype: "float64" }): Generator<Float64Array, void, undefined>;
  /** The curve in Float32Array chunks (the default). */
  chunks(count: number, options?: ChunkOptions & { readonly dtype?: "float32" }): Generator<Float32Array, void, undefined>;
  /** The curve in chunks of the element type `options` choose. */
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
  /** Levels of schedules nested inside (checked against MAX_NESTING by the caller). Default 0. */
  readonly nesting?: number;
}

/** What lrsched keeps about each schedule it built. */
interface Built {
  /** The unvalidated step function. */
  readonly at: (step: number) => number;
  /** Levels of schedules nested inside it (0 for a schedule holding none). */
  readonly nesting: number;
}

/**
 * Every schedule built by lrsched, shared through a global symbol so that copies of this package
 * (its ESM and CommonJS builds in one process) recognise each other's schedules. Only
 * defineSchedule adds to it: an object that merely has at/curve/toSpec methods is not a schedule.
 */
const built: WeakMap<object, Built> = ((globalThis as Record<symbol, unknown>)[Symbol.for("lrsched.schedules")] ??=
  new WeakMap<object, Built>()) as WeakMap<object, Built>;

/**
 * A schedule's step function without the step check: composites validate the step once, at
 * their own `at`, and their pieces only ever see steps inside their domains.
 */
export function rawAt(s: Schedule): (step: number) => number {
  return built.get(s)!.at;
}

/** Levels of schedules nested inside `s` (0 for a schedule holding none). */
export function nestingOf(s: Schedule): number {
  return built.get(s)!.nesting;
}

/**
 * Whether `v` is a schedule built by lrsched (a factory, fromSpec, fromKeras, ...): values that
 * merely look like one are not.
 *
 * @example
 * ```ts
 * import { constant, isSchedule } from "@lrsched/ts-api";
 * isSchedule(constant({ value: 0.1 })); // → true
 * isSchedule({ type: "constant", value: 0.1 }); // → false
 * ```
 */
export function isSchedule(v: unknown): v is Schedule {
  return (typeof v === "object" && v !== null) && built.has(v);
}

/** An option value in spec form: nested schedules become specs. */
function specValue(v: unknown, path: string): unknown {
  if (isSchedule(v)) return v.toSpec();
  if (Array.isArray(v)) return v.map((x, i) => specValue(x, `${path}[${i}]`));
  if (typeof v === "function") throw new LrschedError(path, "is a JS function and has no spec form");
  return v;
}

/** Magnitudes from this up round to Infinity as float32 (2^128 - 2^103). */
const F32_OVERFLOW = 3.4028235677973366e38;

/** The error for a rate that overflows: f64 (the options are too large) or the float32 output. */
function valueError(type: string, step: number, value: number, float32: boolean, where: "dtype" | "out"): LrschedError {
  if (!float32) return new LrschedError(type, `has no finite rate at step ${step}: its options overflow float64`, value);
  return new LrschedError(
    where,
    `is float32, which cannot hold the rate ${value} at step ${step} (beyond 3.4e38): use ${where === "out" ? "a Float64Array" : "dtype 'float64'"}`,
  );
}

/** Fills `out` from a JS `at` (schedules holding JS functions have no core plan). */
function evaluateInJs(at: (step: number) => number, start: number, count: number, out: CurveArray): CurveArray {
  for (let i = 0; i < count; i++) {
    const v = at(start + i);
    out[i] = v;
    if (!Number.isFinite(out[i]!) || !Number.isFinite(v)) throw new CurveValueError(start + i, v, Number.isFinite(v));
  }
  return out;
}

/** Largest array curve() allocates, in bytes: beyond it, chunks() streams the values. */
export const MAX_CURVE_BYTES = 2 ** 32;

/**
 * Largest step whose integer value an f64 holds exactly.
 *
 * @example
 * ```ts
 * import { constant, MAX_STEP } from "@lrsched/ts-api";
 * MAX_STEP; // → 9007199254740991
 * constant({ value: 0.1 }).at(MAX_STEP); // → 0.1
 * ```
 */
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

/** Reads `key` of a caller's options object (a throwing getter or Proxy trap becomes an LrschedError). */
const readOption = (o: object, key: string): unknown => guarded(key, () => (o as Record<string, unknown>)[key]);

/** The options object of curve()/chunks(): undefined, or an object that can be read. */
function callOptions(o: unknown): object {
  if (o === undefined) return {};
  if (typeof o !== "object" || o === null) throw new LrschedError("options", "must be an object", o);
  guarded("options", () => Object.getPrototypeOf(o)); // a revoked Proxy fails here, not at its first key
  return o;
}

/** A caller's `out` array: a Float32Array or Float64Array holding at least n values, not detached. */
function checkOut(out: unknown, n: number): CurveArray {
  if (!(out instanceof Float32Array || out instanceof Float64Array)) {
    throw new LrschedError("out", "must be a Float32Array or Float64Array", out);
  }
  if (out.buffer.byteLength === 0 && out.byteLength === 0 && n > 0) {
    throw new LrschedError("out", "is a view on a detached or empty buffer");
  }
  if (out.length < n) throw new LrschedError("out", `must hold at least count (${n}) values`, out.length);
  return out;
}

export function defineSchedule(def: ScheduleDefinition): Schedule {
  let compiled: CompiledPlan | undefined;
  const maxStep = def.maxStep ?? Infinity;
  const options = Object.freeze({ ...def.options });
  const finite = (step: number, v: number) => {
    if (!Number.isFinite(v)) throw valueError(def.type, step, v, false, "dtype");
    return v;
  };
  const at = (step: unknown) => {
    const s = checkStep(step);
    if (s > maxStep) throw new LrschedError("step", `must be <= ${maxStep}, the schedule's last step`, s);
    return finite(s, def.at(s));
  };
  const evaluate = (start: number, count: number, dtype: Dtype, out: CurveArray | undefined, parallel: boolean): CurveArray => {
    if (out === undefined && count * (dtype === "float32" ? 4 : 8) > MAX_CURVE_BYTES) {
      throw new LrschedError(
        "count",
        `is too large for one array (${count} ${dtype} values, over curve()'s ${MAX_CURVE_BYTES / 2 ** 30} GiB limit): use chunks() to stream it, or pass an out array`,
        count,
      );
    }
    try {
      if (def.plan === null) return evaluateInJs(def.at, start, count, out ?? allocate(dtype, count));
      compiled ??= compilePlan(def.plan);
      return (parallel ? evaluatePlanParallel : evaluatePlan)(compiled, start, count, dtype, out);
    } catch (e) {
      if (e instanceof CurveValueError) throw valueError(def.type, e.step, e.value, e.float32, out ? "out" : "dtype");
      if (e instanceof RangeError) {
        throw new LrschedError("count", "is too large to hold in memory; use chunks() to stream it", count, { cause: e });
      }
      throw e;
    }
  };
  const schedule: Schedule = {
    type: def.type,
    options,
    plan: def.plan,
    maxStep,
    at,
    // one implementation behind the overloads above: the array's type follows `out`, else `dtype`
    curve: function curve(count: number, opts?: CurveOptions): CurveArray {
      const o = callOptions(opts);
      const { count: n, start } = checkRange(count, readOption(o, "start") ?? 0, maxStep);
      const parallel = checkParallel(readOption(o, "parallel") ?? false);
      const out = readOption(o, "out");
      if (out !== undefined) {
        const array = guarded("out", () => checkOut(out, n));
        return evaluate(start, n, array instanceof Float32Array ? "float32" : "float64", array, parallel);
      }
      return evaluate(start, n, checkDtype(readOption(o, "dtype") ?? "float32"), undefined, parallel);
    } as Schedule["curve"],
    chunks: function chunks(count: number, opts?: ChunkOptions): Generator<CurveArray, void, undefined> {
      // validated now, not at the first next(): a bad call fails where it is made
      const o = callOptions(opts);
      const { count: n, start } = checkRange(count, readOption(o, "start") ?? 0, maxStep);
      const dtype = checkDtype(readOption(o, "dtype") ?? "float32");
      const size = checkNumber("chunkSize", readOption(o, "chunkSize") ?? 1 << 20, { integer: true, min: 1, max: MAX_CURVE_BYTES / 8 });
      const parallel = checkParallel(readOption(o, "parallel") ?? false);
      return (function* () {
        for (let done = 0; done < n; done += size) {
          yield evaluate(start + done, Math.min(size, n - done), dtype, undefined, parallel);
        }
      })();
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
  built.set(schedule, { at: def.at, nesting: def.nesting ?? 0 });
  return Object.freeze(schedule);
}

function allocate(dtype: Dtype, count: number): CurveArray {
  return dtype === "float32" ? new Float32Array(count) : new Float64Array(count);
}
