// Where a kernel writes its values: element i of the output, an f32 or an f64 array at `out`.
// Kernels that compute in f64 store through these helpers, which narrow to f32 as they store (no
// separate conversion pass over the chunk).
//

// Hot loops take the element type as a type parameter T (f32 or f64), so each is compiled once
// per type with no test in the loop; the `f32: bool` forms serve the rest.

/** Address of element `i` of an output of T. */
@inline export function slotOf<T>(out: usize, i: i32): usize {
  return out + (<usize>i << alignof<T>());
}

/** out[i] = v. */
@inline export function store1<T>(out: usize, i: i32, v: f64): void {
  store<T>(slotOf<T>(out, i), <T>v);
}

/** out[i], out[i + 1] = the two lanes of `v`. */
@inline export function store2<T>(out: usize, i: i32, v: v128): void {
  if (sizeof<T>() == 4) v128.store64_lane(slotOf<T>(out, i), f32x4.demote_f64x2_zero(v), 0);
  else v128.store(slotOf<T>(out, i), v);
}

/** out[i], out[i + 1] = the lanes of `v`, each only where its index is in [from, to). */
@inline export function store2Within<T>(out: usize, i: i32, v: v128, from: i32, to: i32): void {
  if (i >= from && i < to) store1<T>(out, i, f64x2.extract_lane(v, 0));
  if (i + 1 >= from && i + 1 < to) store1<T>(out, i + 1, f64x2.extract_lane(v, 1));
}

/** out[i .. i + 3] = the lanes of `lo`, then of `hi`: one 16-byte store when narrowing. */
@inline export function store4<T>(out: usize, i: i32, lo: v128, hi: v128): void {
  if (sizeof<T>() == 4) {
    const a = f32x4.demote_f64x2_zero(lo);
    const b = f32x4.demote_f64x2_zero(hi);
    v128.store(slotOf<T>(out, i), i8x16.shuffle(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
  } else {
    v128.store(slotOf<T>(out, i), lo);
    v128.store(slotOf<T>(out, i), hi, 16);
  }
}

/** Address of element `i` of an output of f32 (`f32`) or f64 values. */
@inline export function slot(out: usize, i: i32, f32: bool): usize {
  return out + (<usize>i << (f32 ? 2 : 3));
}

/** out[i] = v. */
@inline export function put(out: usize, i: i32, f32: bool, v: f64): void {
  if (f32) store1<f32>(out, i, v);
  else store1<f64>(out, i, v);
}

/** out[i], out[i + 1] = the two lanes of `v`. */
@inline export function put2(out: usize, i: i32, f32: bool, v: v128): void {
  if (f32) store2<f32>(out, i, v);
  else store2<f64>(out, i, v);
}

/** out[i .. i + 3] = the lanes of `lo`, then of `hi`. */
@inline export function put4(out: usize, i: i32, f32: bool, lo: v128, hi: v128): void {
  if (f32) store4<f32>(out, i, lo, hi);
  else store4<f64>(out, i, lo, hi);
}

/** out[0..n) = v in the output's type, sixteen bytes at a time. */
export function fillOut(out: usize, f32: bool, n: i32, v: f64): void {
  const bytes = n << (f32 ? 2 : 3);
  const vv = f32 ? f32x4.splat(<f32>v) : f64x2.splat(v);
  let b = 0;
  for (; b + 32 <= bytes; b += 32) {
    v128.store(out + <usize>b, vv);
    v128.store(out + <usize>b, vv, 16);
  }
  for (; b + 16 <= bytes; b += 16) v128.store(out + <usize>b, vv);
  for (let i = b >> (f32 ? 2 : 3); i < n; i++) put(out, i, f32, v);
}

/** out[0..n) (f32 or f64) = src[0..n) (f64): the narrowing store of values staged in f64. */
export function narrowOut(out: usize, f32: bool, src: usize, n: i32): void {
  if (!f32) {
    memory.copy(out, src, <usize>n << 3);
    return;
  }
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = src + (<usize>i << 3);
    put4(out, i, true, v128.load(p), v128.load(p, 16));
  }
  for (; i < n; i++) put(out, i, true, load<f64>(src + (<usize>i << 3)));
}
