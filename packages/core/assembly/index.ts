// Entry points of the lrsched core. The host lays out memory: the plan at `heapBase()`, then
// scratch levels and the output chunk; `ensureBytes` grows memory to fit that layout.
import { evaluate } from "./plan";
import { constantRun as runOfOneValue } from "./constantRun";
import { at } from "./buffer";
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

/** Whether buf[0..n) all hold the bits of buf[0] (early exit: smooth curves differ at once). */
function uniform(buf: usize, n: i32): bool {
  const first = i64x2.splat(load<i64>(buf));
  let i = 0;
  // eight values per test keeps the check well below the cost of producing them
  for (; i + 8 <= n; i += 8) {
    const p = at(buf, i);
    const e = v128.and(
      v128.and(i64x2.eq(v128.load(p), first), i64x2.eq(v128.load(p, 16), first)),
      v128.and(i64x2.eq(v128.load(p, 32), first), i64x2.eq(v128.load(p, 48), first)),
    );
    if (!i64x2.all_true(e)) return false;
  }
  for (; i < n; i++) if (load<i64>(at(buf, i)) != load<i64>(buf)) return false;
  return true;
}

/**
 * How many steps from `start` (at most `limit`) the plan at `plan` keeps one value; 0 when that
 * is not known. The host fills such runs itself.
 */
export function constantRun(plan: usize, start: f64, limit: f64): f64 {
  return runOfOneValue(plan, start, 0.0, limit);
}

/** Magnitudes from this up round to Infinity as f32 (2^128 - 2^103). */
const F32_OVERFLOW: f64 = 3.4028235677973366e38;

/** Whether |buf[i]| < limit for every i < n (false for NaN): compares only, no branch per value. */
function below(buf: usize, n: i32, limit: f64): bool {
  const vl = f64x2.splat(limit);
  let a = i64x2.splat(-1);
  let b = i64x2.splat(-1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = at(buf, i);
    a = v128.and(a, f64x2.lt(f64x2.abs(v128.load(p)), vl));
    b = v128.and(b, f64x2.lt(f64x2.abs(v128.load(p, 16)), vl));
  }
  let ok = i64x2.all_true(v128.and(a, b));
  for (; i < n; i++) ok = ok && Math.abs(load<f64>(at(buf, i))) < limit;
  return ok;
}

/**
 * Evaluates the plan at `plan` for steps [start, start + count) (count <= CHUNK). Returns
 * Run.Uniform when every value is the same (piecewise-constant stretches): the host then fills its
 * array with `out[0]` (an f64), which is faster than copying. Otherwise `out` holds the values as
 * f32 when `asF32`, else f64 (Run.Values), unless a value is not finite or, for f32, beyond its
 * range (Run.Refused): the host refuses such a curve rather than hand out Infinity or NaN.
 * `scratch` must hold (depth + 2) * CHUNK f64 values.
 */
export function run(plan: usize, scratch: usize, out: usize, start: f64, count: i32, asF32: bool): Run {
  const values = asF32 ? scratch : out;
  evaluate(plan, values, start, 0.0, count, asF32 ? scratch + (<usize>CHUNK << 3) : scratch);
  const limit = asF32 ? F32_OVERFLOW : Infinity;
  if (count > 0 && uniform(values, count)) {
    store<f64>(out, load<f64>(values));
    return Math.abs(load<f64>(values)) < limit ? Run.Uniform : Run.Refused;
  }
  if (!asF32) return below(values, count, limit) ? Run.Values : Run.Refused;
  // the f32 conversion checks the range of what it converts in the same pass
  const vl = f64x2.splat(limit);
  let fit = i64x2.splat(-1);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const a = v128.load(at(scratch, i));
    const b = v128.load(at(scratch, i + 2));
    fit = v128.and(fit, v128.and(f64x2.lt(f64x2.abs(a), vl), f64x2.lt(f64x2.abs(b), vl)));
    const lo = f32x4.demote_f64x2_zero(a);
    const hi = f32x4.demote_f64x2_zero(b);
    v128.store(out + (<usize>i << 2), i8x16.shuffle(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
  }
  let ok = i64x2.all_true(fit);
  for (; i < count; i++) {
    const v = load<f64>(at(scratch, i));
    ok = ok && Math.abs(v) < limit;
    store<f32>(out + (<usize>i << 2), <f32>v);
  }
  return ok ? Run.Values : Run.Refused;
}

/** The standard normal sample the noisy schedules use at `step` (the host's twin is tested against it). */
export function gaussian(seed: u32, step: f64): f64 {
  return normal(seed, step);
}

/** Samples for steps first .. first + n - 1 into `out`, through the kernels' vector path. */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  normals(out, n, first, seed);
}
