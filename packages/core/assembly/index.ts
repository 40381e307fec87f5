// Entry points of the lrsched core. The host provides the memory (env.memory) and lays it out:
// the plan at `heapBase()`, then scratch levels and the output chunk; `ensureBytes` grows memory
// to fit that layout. A memory may also hold a caller's array after that layout, which the core
// then writes in place.
import { evaluate } from "./plan";
import { constantRun as runOfOneValue } from "./constantRun";
import { gaussian as normal, gaussians as normals } from "./noise";
import { CHUNK, Run } from "./opcodes";
import { allProven, beginProof, finite } from "./finite";
export { CHUNK };

export function heapBase(): usize {
  return __heap_base;
}

export function ensureBytes(bytes: usize): bool {
  const have = <usize>memory.size() << 16;
  if (bytes <= have) return true;
  const pages = <i32>((bytes - have + 0xffff) >>> 16);
  return memory.grow(pages) >= 0;
}

/** Whether out[0..n) (f32 or f64) all hold the bits of out[0] (early exit: smooth curves differ at once). */
function uniform(out: usize, n: i32, f32: bool): bool {
  const bytes = <usize>n << (f32 ? 2 : 3);
  const first = f32 ? i32x4.splat(load<i32>(out)) : i64x2.splat(load<i64>(out));
  let b: usize = 0;
  // 64 bytes per test keeps the check well below the cost of producing them
  for (; b + 64 <= bytes; b += 64) {
    const p = out + b;
    const e = v128.and(
      v128.and(i8x16.eq(v128.load(p), first), i8x16.eq(v128.load(p, 16), first)),
      v128.and(i8x16.eq(v128.load(p, 32), first), i8x16.eq(v128.load(p, 48), first)),
    );
    if (!i8x16.all_true(e)) return false;
  }
  for (; b + 16 <= bytes; b += 16) if (!i8x16.all_true(i8x16.eq(v128.load(out + b), first))) return false;
  if (f32) {
    for (; b < bytes; b += 4) if (load<i32>(out + b) != load<i32>(out)) return false;
  } else {
    for (; b < bytes; b += 8) if (load<i64>(out + b) != load<i64>(out)) return false;
  }
  return true;
}

/**
 * How many steps from `start` (at most `limit`) the plan at `plan` keeps one value; 0 when that
 * is not known. The host fills such runs itself.
 */
export function constantRun(plan: usize, start: f64, limit: f64): f64 {
  return runOfOneValue(plan, start, 0.0, limit);
}

/**
 * Evaluates the plan at `plan` for steps [start, start + count) (count <= CHUNK) into `out`, as
 * f32 values when `asF32`, else f64: the caller's array itself when it lives in this memory, or
 * a chunk the host copies. Returns Run.Uniform when every value is the same (piecewise-constant
 * stretches), which lets the host fill its array instead of copying, and Run.Refused when a
 * value is not finite (or beyond f32's range in an f32 output): the host refuses such a curve
 * rather than hand out Infinity or NaN. `scratch` must hold (depth + 2) * CHUNK f64 values.
 */
export function run(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool): Run {
  evaluateChunk(plan, scratch, out, start, count, asF32);
  if (count > 0 && uniform(out, count, asF32)) return finite(out, 1, asF32) ? Run.Uniform : Run.Refused;
  return allProven() || finite(out, count, asF32) ? Run.Values : Run.Refused;
}

/** run() without the uniform check: for an output that is the caller's array, where nothing is copied. */
export function write(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool): Run {
  evaluateChunk(plan, scratch, out, start, count, asF32);
  return allProven() || finite(out, count, asF32) ? Run.Values : Run.Refused;
}

/**
 * write() chunk after chunk over steps [start, start + count) of the caller's array at `out`, in
 * one call (a call from the host per chunk costs about a tenth of writing it): returns how many
 * steps it wrote, stopping early before a run of one value at least `minRun` long (the host fills
 * it) and before a chunk that is refused (the host re-runs it to report the value).
 */
export function writeRange(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool, minRun: f64): i32 {
  let done = 0;
  while (done < count) {
    const s = start + <f64>done;
    if (runOfOneValue(plan, s, 0.0, <f64>(count - done)) >= minRun) break;
    const n = min(CHUNK, count - done);
    if (write(plan, scratch, out + (<usize>done << (asF32 ? 2 : 3)), s, n, asF32) != Run.Values) break;
    done += n;
  }
  return done;
}

/** The plan's values into the chunk at `out`, with the proof of their finiteness begun for it. */
function evaluateChunk(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool): void {
  beginProof(out, <usize>count << (asF32 ? 2 : 3));
  evaluate(plan, out, asF32, start, 0.0, count, scratch);
}

/** The standard normal sample the noisy schedules use at `step` (the host's twin is tested against it). */
export function gaussian(seed: u32, step: f64): f64 {
  return normal(seed, step);
}

/** Samples for steps first .. first + n - 1 into `out`, through the kernels' vector path. */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  normals(out, n, first, seed);
}
