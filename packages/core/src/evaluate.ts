import { CHUNK, Run } from "../assembly/opcodes";
import { homeOf } from "./curveBuffer";
import { core, type CoreExports } from "./instance";
import { encodePlan, scratchLevels, type PlanNode } from "./plan";

/**
 * Element type of a curve: 32- or 64-bit floats.
 *
 * @example
 * ```ts
 * import { constant, type Dtype } from "@lrsched/ts-api";
 * const dtype: Dtype = "float64";
 * constant({ value: 0.1 }).curve(3, { dtype }) instanceof Float64Array; // → true
 * ```
 */
export type Dtype = "float32" | "float64";
/**
 * A curve's values: a Float32Array or a Float64Array.
 *
 * @example
 * ```ts
 * import { constant, type CurveArray } from "@lrsched/ts-api";
 * const out: CurveArray = new Float32Array(4);
 * constant({ value: 0.5 }).curve(4, { out });
 * out[3]; // → 0.5
 * ```
 */
export type CurveArray = Float32Array | Float64Array;

/** Magnitudes from this up round to Infinity as float32 (2^128 - 2^103). */
const F32_OVERFLOW = 3.4028235677973366e38;

/**
 * A curve value that cannot be stored: not finite (the plan's parameters overflow f64), or, for
 * a float32 output, finite but beyond float32's range (it would be stored as Infinity).
 * `step` is the first such step, `value` its f64 value.
 *
 * @example
 * ```ts
 * import { CurveValueError } from "@lrsched/core";
 * const e = new CurveValueError(3, 1e39, true);
 * e.message; // → "lrsched core: the rate at step 3 (1e+39) is beyond float32's range"
 * ```
 */
export class CurveValueError extends Error {
  override readonly name = "CurveValueError";
  constructor(
    readonly step: number,
    readonly value: number,
    readonly float32: boolean,
  ) {
    super(
      float32
        ? `lrsched core: the rate at step ${step} (${value}) is beyond float32's range`
        : `lrsched core: the rate at step ${step} is not a finite number (${value})`,
    );
  }
}

/**
 * An encoded plan ready for the core: its words and the scratch levels it needs.
 *
 * @example
 * ```ts
 * import { compilePlan, Op, planNode, type CompiledPlan } from "@lrsched/core";
 * const plan: CompiledPlan = compilePlan(planNode(Op.Constant, [0.1]));
 * plan.levels; // → 0
 * ```
 */
export interface CompiledPlan {
  readonly words: Float64Array;
  readonly levels: number;
}

/**
 * Encodes a plan once, for any number of evaluations.
 *
 * @example
 * ```ts
 * import { compilePlan, evaluatePlan, Op, planNode } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Cosine, [0.1, 100, 0]));
 * evaluatePlan(plan, 50, 1, "float64")[0]; // → 0.05
 * ```
 */
export function compilePlan(root: PlanNode): CompiledPlan {
  return Object.freeze({ words: encodePlan(root), levels: scratchLevels(root) });
}

const align16 = (n: number) => (n + 15) & ~15;

/** A 32-bit WebAssembly memory holds at most 4 GiB. */
const MAX_BYTES = 2 ** 32;

/** Shorter runs of one value go through the chunk path: a fill call costs more than it saves. */
const MIN_FILL_RUN = 2048;

interface Layout {
  readonly planPtr: number;
  readonly scratch: number;
  /** One chunk the core writes when nothing is evaluated in place. */
  readonly out: number;
}

/**
 * Writes the plan into core memory and returns the addresses one chunk evaluation uses; grows
 * the memory to fit, or, given `limit`, returns undefined when the layout would pass it.
 */
function layout(wasm: CoreExports, plan: CompiledPlan, limit?: number): Layout | undefined {
  const planPtr = align16(wasm.heapBase());
  const scratch = align16(planPtr + plan.words.byteLength);
  // the plan's own levels, one to stage f64 values for an f32 output, one spare
  const out = scratch + (plan.levels + 2) * CHUNK * 8;
  const end = out + CHUNK * 8;
  if (end > (limit ?? MAX_BYTES) || (limit === undefined && !wasm.ensureBytes(end))) return undefined;
  new Float64Array(wasm.memory.buffer, planPtr, plan.words.length).set(plan.words);
  return { planPtr, scratch, out };
}

function allocate(dtype: Dtype, count: number): CurveArray {
  return dtype === "float32" ? new Float32Array(count) : new Float64Array(count);
}

/**
 * Steps [start, start + count) into `result`, chunk by chunk. Stretches of one value are filled
 * by the host; other chunks the core writes in the array's own type, straight into `result`
 * when it lives in this core's memory (`inPlace`), else into its chunk, copied from there.
 */
function fillChunks(wasm: CoreExports, at: Layout, start: number, count: number, result: CurveArray, inPlace: boolean): void {
  const asF32 = result instanceof Float32Array;
  const size = asF32 ? 4 : 8;
  const { planPtr, scratch, out } = at;
  const view = asF32 ? new Float32Array(wasm.memory.buffer, out, CHUNK) : new Float64Array(wasm.memory.buffer, out, CHUNK);
  const wide = new Float64Array(wasm.memory.buffer, out, CHUNK);
  /**
   * Re-runs a refused chunk (steps start + done ..) in f64: throws for its first value that cannot
   * be stored; if every value fits after all, stores them (the f32 arithmetic was what failed).
   */
  const recheck = (done: number, n: number): void => {
    wasm.run(planPtr, scratch, out, start + done, n, false);
    for (let i = 0; i < n; i++) {
      const v = wide[i]!;
      if (!Number.isFinite(v)) throw new CurveValueError(start + done + i, v, false);
      if (asF32 && Math.abs(v) >= F32_OVERFLOW) throw new CurveValueError(start + done + i, v, true);
    }
    result.set(n === CHUNK ? wide : wide.subarray(0, n), done);
  };
  for (let done = 0; done < count; ) {
    if (inPlace) {
      // the core writes chunk after chunk by itself, up to a long run of one value or a refused chunk
      done += wasm.writeRange(planPtr, scratch, result.byteOffset + done * size, start + done, count - done, asF32, MIN_FILL_RUN);
      if (done >= count) break;
    }
    const run = wasm.constantRun(planPtr, start + done, count - done);
    if (run >= MIN_FILL_RUN) {
      // a stretch of one value (piecewise, staircases, tails): the core gives its first step in the
      // output's type (the value its kernels write there, f32 arithmetic included), the host fills
      // the rest natively
      if (wasm.run(planPtr, scratch, out, start + done, 1, asF32) === Run.Refused) recheck(done, 1); // throws unless it fits
      else result[done] = view[0]!;
      result.fill(result[done]!, done, done + run);
      done += run;
      continue;
    }
    const n = Math.min(CHUNK, count - done);
    const outcome = inPlace
      ? wasm.write(planPtr, scratch, result.byteOffset + done * size, start + done, n, asF32)
      : wasm.run(planPtr, scratch, out, start + done, n, asF32);
    if (outcome === Run.Refused) {
      recheck(done, n);
    } else if (outcome === Run.Uniform) {
      // one repeated value (a piecewise-constant stretch): a native fill beats a copy
      result.fill(view[0]!, done, done + n);
    } else if (!inPlace) {
      result.set(n === CHUNK ? view : view.subarray(0, n), done);
    }
    done += n;
  }
}

/**
 * Values of steps [start, start + count) into `out` (or a new array), computed in the core chunk
 * by chunk in the output's own type: in place when `out` comes from `allocateCurve`, else copied
 * from the core's memory. The plan is re-written per call, so interleaved calls for different
 * plans are safe.
 *
 * @throws CurveValueError when a value is not finite, or beyond float32's range for a float32
 *   output (`out` may then hold the chunks before it).
 * @example
 * ```ts
 * import { compilePlan, evaluatePlan, Op, planNode } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Cosine, [0.1, 100, 0]));
 * Array.from(evaluatePlan(plan, 0, 3, "float64")).map((v) => v.toFixed(5)); // → ["0.10000", "0.09998", "0.09990"]
 * ```
 */
export function evaluatePlan(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  out?: CurveArray,
): CurveArray {
  const result = out ?? allocate(dtype, count);
  const home = out && homeOf(out);
  const inPlace = home && layout(home, plan, out.byteOffset);
  if (inPlace) fillChunks(home, inPlace, start, count, result, true);
  else evaluateOn(core(), plan, start, count, result);
  return result;
}

/** evaluatePlan on a given instance of the core, copying into `result` (a worker's share). */
export function evaluateOn(wasm: CoreExports, plan: CompiledPlan, start: number, count: number, result: CurveArray): void {
  const at = layout(wasm, plan);
  if (!at) throw new RangeError("lrsched core: cannot grow memory");
  fillChunks(wasm, at, start, count, result, false);
}

/**
 * Streams steps [start, start + count) in chunks of at most `chunkSize` values. Each yielded array
 * is a fresh copy, so consumers may keep it; memory stays bounded by one chunk.
 *
 * @example
 * ```ts
 * import { compilePlan, Op, planNode, streamPlan } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Constant, [0.1]));
 * [...streamPlan(plan, 0, 2500, "float32", 1000)].map((c) => c.length); // → [1000, 1000, 500]
 * ```
 */
export function* streamPlan(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  chunkSize = 1 << 20,
): Generator<CurveArray, void, undefined> {
  for (let done = 0; done < count; done += chunkSize) {
    const n = Math.min(chunkSize, count - done);
    yield evaluatePlan(plan, start + done, n, dtype);
  }
}
