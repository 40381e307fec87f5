// Arrays that live in WebAssembly memory of their own, so the core evaluates straight into them:
// no chunk is copied from the core's memory into the caller's array. Each has its memory and an
// instance of the core on it, laid out as [the module's static data | WORK_BYTES for a plan, its
// scratch levels and a chunk | the values]; the memory never grows, so the array never detaches.
import type { CurveArray, Dtype } from "./evaluate";
import { core, instantiateCore, type CoreExports } from "./instance";

/** Bytes kept before the values for a plan and its scratch (plans needing more are copied in). */
const WORK_BYTES = 1 << 20;
const PAGE = 65536;
/** A WebAssembly memory (32-bit) holds at most 65536 pages: 4 GiB. */
const MAX_PAGES = 65536;

const homes = new WeakMap<ArrayBufferLike, CoreExports>();

/**
 * An array of `count` values (f32 or f64) for `evaluatePlan(..., out)` (ts-api's
 * `curve(n, {out})`) to fill in place, twice as fast as filling an ordinary array for smooth
 * schedules, which first lands each chunk in the core's memory and copies it. Its `buffer` is the
 * whole WebAssembly memory (the values start at `byteOffset`) and cannot be transferred to
 * another thread; it holds at most 4 GiB.
 *
 * @throws RangeError for a count that is not a non-negative integer or does not fit.
 *
 * @example
 * ```ts
 * import { allocateCurve } from "@lrsched/core";
 * import { cosineDecay } from "@lrsched/ts-api";
 * const out = allocateCurve(1000, "float64");
 * cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }).curve(1000, { out });
 * out[500]; // → 0.05
 * ```
 */
export function allocateCurve(count: number, dtype: Dtype = "float32"): CurveArray {
  const size = dtype === "float32" ? 4 : 8;
  const first = (core().heapBase() + WORK_BYTES + 63) & ~63;
  const pages = Math.ceil((first + count * size) / PAGE);
  if (!Number.isSafeInteger(count) || count < 0 || pages > MAX_PAGES) {
    throw new RangeError(`lrsched core: a curve buffer holds 0 to ${Math.floor((MAX_PAGES * PAGE - first) / size)} ${dtype} values, not ${count}`);
  }
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  homes.set(memory.buffer, instantiateCore(memory));
  return dtype === "float32" ? new Float32Array(memory.buffer, first, count) : new Float64Array(memory.buffer, first, count);
}

/** The core instance whose memory holds `array`, if it came from {@link allocateCurve}. */
export const homeOf = (array: CurveArray): CoreExports | undefined => homes.get(array.buffer);
