// Small helpers for writing f64 runs into linear memory.

/** Address of element `i` of an f64 buffer. */
@inline export function at(buf: usize, i: i32): usize {
  return buf + (<usize>i << 3);
}

/** out[0..n) = v, two lanes at a time. */
export function fill(out: usize, n: i32, v: f64): void {
  const vv = f64x2.splat(v);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    v128.store(at(out, i), vv);
    v128.store(at(out, i), vv, 16);
  }
  for (; i < n; i++) store<f64>(at(out, i), v);
}

/** out[i] = a + b * (s0 + i): an exact affine ramp in the step. */
export function affine(out: usize, n: i32, s0: f64, a: f64, b: f64): void {
  let s = f64x2(s0, s0 + 1.0);
  const two = f64x2.splat(2.0);
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), f64x2.add(va, f64x2.mul(vb, s)));
    s = f64x2.add(s, two);
  }
  if (i < n) store<f64>(at(out, i), a + b * (s0 + <f64>i));
}

/** out[i] *= k. */
export function scaleBy(out: usize, n: i32, k: f64): void {
  const vk = f64x2.splat(k);
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(out, i), f64x2.mul(v128.load(at(out, i)), vk));
  if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * k);
}

/** out[i] = out[i] * k + c. */
export function scaleShift(out: usize, n: i32, k: f64, c: f64): void {
  const vk = f64x2.splat(k);
  const vc = f64x2.splat(c);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), f64x2.add(f64x2.mul(v128.load(at(out, i)), vk), vc));
  }
  if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * k + c);
}

/**
 * Steps from `s` (where floor(s / d) == q) up to the first step whose quotient exceeds q, capped
 * at `limit`. Corrects the estimate by exact comparison so runs agree with a per-step floor().
 */
export function runLength(s: f64, d: f64, q: f64, limit: i32): i32 {
  let len = <i32>Math.min(<f64>limit, Math.max(1.0, Math.ceil((q + 1.0) * d - s)));
  while (len > 1 && Math.floor((s + <f64>(len - 1)) / d) > q) len--;
  while (len < limit && Math.floor((s + <f64>len) / d) <= q) len++;
  return len;
}

/** Like runLength, for runs of constant ceil(s / d) == q. */
export function ceilRunLength(s: f64, d: f64, q: f64, limit: i32): i32 {
  let len = <i32>Math.min(<f64>limit, Math.max(1.0, Math.floor(q * d - s) + 1.0));
  while (len > 1 && Math.ceil((s + <f64>(len - 1)) / d) > q) len--;
  while (len < limit && Math.ceil((s + <f64>len) / d) <= q) len++;
  return len;
}
