// Entry points of the lrsched core. The host provides the memory (env.memory) and lays it out:
// the plan at `heapBase()`, then scratch levels and the output chunk; `ensureBytes` grows memory
// to fit that layout. A memory may also hold a caller's array after that layout, which the core
// then writes in place.
import { evaluate } from "./plan";
import { constantRun as runOfOneValue } from "./constantRun";
import { gaussian as normal, gaussians as normals } from "./noise";
import { CHUNK, Run } from "./opcodes";
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
 * Whether out[0..n) (f32 or f64) are all finite. An f64 rate beyond f32's range is stored as
 * Infinity in an f32 output, so one test covers both. The quick test sums the values (an
 * Infinity or NaN makes the sum non-finite: one add per vector); only a sum that overflowed
 * from finite values, rates near the type's limit, is checked value by value.
 */
function finite(out: usize, n: i32, f32: bool): bool {
  const bytes = <usize>n << (f32 ? 2 : 3);
  let a = f64x2.splat(0.0), b = f64x2.splat(0.0), c = f64x2.splat(0.0), d = f64x2.splat(0.0);
  let i: usize = 0;
  if (f32) {
    for (; i + 64 <= bytes; i += 64) {
      const p = out + i;
      a = f32x4.add(a, v128.load(p));
      b = f32x4.add(b, v128.load(p, 16));
      c = f32x4.add(c, v128.load(p, 32));
      d = f32x4.add(d, v128.load(p, 48));
    }
    const t = f32x4.add(f32x4.add(a, b), f32x4.add(c, d));
    let sum: f32 = f32x4.extract_lane(t, 0) + f32x4.extract_lane(t, 1) + f32x4.extract_lane(t, 2) + f32x4.extract_lane(t, 3);
    for (; i < bytes; i += 4) sum += load<f32>(out + i);
    return sum - sum == 0.0 || eachFinite(out, n, true);
  }
  for (; i + 64 <= bytes; i += 64) {
    const p = out + i;
    a = f64x2.add(a, v128.load(p));
    b = f64x2.add(b, v128.load(p, 16));
    c = f64x2.add(c, v128.load(p, 32));
    d = f64x2.add(d, v128.load(p, 48));
  }
  const t = f64x2.add(f64x2.add(a, b), f64x2.add(c, d));
  let sum = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
  for (; i < bytes; i += 8) sum += load<f64>(out + i);
  return sum - sum == 0.0 || eachFinite(out, n, false);
}

/** Whether every value of out[0..n) is finite, value by value. */
function eachFinite(out: usize, n: i32, f32: bool): bool {
  for (let i = 0; i < n; i++) {
    const v: f64 = f32 ? <f64>load<f32>(out + (<usize>i << 2)) : load<f64>(out + (<usize>i << 3));
    if (!(v - v == 0.0)) return false;
  }
  return true;
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
  evaluate(plan, out, asF32, start, 0.0, count, scratch);
  if (count > 0 && uniform(out, count, asF32)) return finite(out, 1, asF32) ? Run.Uniform : Run.Refused;
  return finite(out, count, asF32) ? Run.Values : Run.Refused;
}

/** run() without the uniform check: for an output that is the caller's array, where nothing is copied. */
export function write(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool): Run {
  evaluate(plan, out, asF32, start, 0.0, count, scratch);
  return finite(out, count, asF32) ? Run.Values : Run.Refused;
}

/** The standard normal sample the noisy schedules use at `step` (the host's twin is tested against it). */
export function gaussian(seed: u32, step: f64): f64 {
  return normal(seed, step);
}

/** Samples for steps first .. first + n - 1 into `out`, through the kernels' vector path. */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  normals(out, n, first, seed);
}
