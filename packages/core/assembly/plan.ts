// The plan executor. A plan is a tree of nodes stored as f64 words in linear memory
// ([op, size, ...params, ...children]); `evaluate` writes the values of positions s0 .. s0 + n - 1
// of a node into `out` (f64) at local steps x = s - o, using `tmp` upward as scratch for
// composites (CHUNK values per level). Composites pass positions through unchanged and move the
// origin, so every value depends on its position alone, never on the chunk it is computed in.
import { Op, CHUNK } from "./opcodes";
import { at, fill, firstAtOrAbove } from "./buffer";
import { exponential } from "./exponential";
import { inverseTime } from "./inverseTime";
import { piecewise } from "./piecewise";
import { polynomial } from "./polynomial";
import { cosine, cosineRestarts } from "./cosine";
import { linearCosine, noisyLinearCosine } from "./linearCosine";
import { ramp } from "./ramp";
import { cyclic } from "./cyclic";
import { inverseSqrt } from "./inverseSqrt";
import { kDecay } from "./kDecay";

const LEVEL: usize = <usize>CHUNK << 3;

@inline function word(node: usize, i: i32): f64 {
  return load<f64>(at(node, i));
}

@inline function sizeOf(node: usize): i32 {
  return <i32>word(node, 1);
}

export function evaluate(node: usize, out: usize, s0: f64, o: f64, n: i32, tmp: usize): void {
  const op = <i32>word(node, 0);
  switch (op) {
    case Op.Constant:
      fill(out, n, word(node, 2));
      break;
    case Op.Exponential:
      exponential(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5) != 0.0);
      break;
    case Op.InverseTime:
      inverseTime(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5) != 0.0);
      break;
    case Op.Piecewise: {
      const nb = <i32>word(node, 2);
      piecewise(out, n, s0, o, nb, at(node, 3), at(node, 3 + nb));
      break;
    }
    case Op.Polynomial:
      polynomial(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6) != 0.0);
      break;
    case Op.Cosine:
      cosine(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4));
      break;
    case Op.CosineRestarts:
      cosineRestarts(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6), word(node, 7));
      break;
    case Op.LinearCosine:
      linearCosine(out, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6));
      break;
    case Op.NoisyLinearCosine:
      noisyLinearCosine(
        out, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6),
        word(node, 7), word(node, 8), <u32>word(node, 9),
      );
      break;
    case Op.Ramp:
      ramp(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), <i32>word(node, 5));
      break;
    case Op.Cyclic:
      cyclic(out, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), <i32>word(node, 6), word(node, 7));
      break;
    case Op.InverseSqrt:
      inverseSqrt(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4));
      break;
    case Op.KDecay:
      kDecay(out, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5));
      break;
    case Op.Shift:
      // the child sees x + offset
      evaluate(at(node, 3), out, s0, o - word(node, 2), n, tmp);
      break;
    case Op.Repeat:
      repeat(node, out, s0, o, n, tmp);
      break;
    case Op.Join:
      join(node, out, s0, o, n, tmp);
      break;
    case Op.Multiply: {
      const a = at(node, 2);
      const b = a + (<usize>sizeOf(a) << 3);
      evaluate(a, out, s0, o, n, tmp);
      evaluate(b, tmp, s0, o, n, tmp + LEVEL);
      let i = 0;
      for (; i + 2 <= n; i += 2) {
        v128.store(at(out, i), f64x2.mul(v128.load(at(out, i)), v128.load(at(tmp, i))));
      }
      if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * load<f64>(at(tmp, i)));
      break;
    }
    case Op.Clamp: {
      evaluate(at(node, 4), out, s0, o, n, tmp);
      const lo = f64x2.splat(word(node, 2));
      const hi = f64x2.splat(word(node, 3));
      let i = 0;
      for (; i + 2 <= n; i += 2) {
        v128.store(at(out, i), f64x2.min(f64x2.max(v128.load(at(out, i)), lo), hi));
      }
      if (i < n) store<f64>(at(out, i), Math.min(Math.max(load<f64>(at(out, i)), word(node, 2)), word(node, 3)));
      break;
    }
    default:
      unreachable();
  }
}

/**
 * Join: [Join, size, k, b1 .. b(k-1), child0 .. child(k-1)]. Child j runs on local steps
 * [b_j, b_(j+1)) (b_0 = 0, b_k = infinity) and sees its own step count x - b_j, like optax's
 * join_schedules.
 */
function join(node: usize, out: usize, s0: f64, o: f64, n: i32, tmp: usize): void {
  const k = <i32>word(node, 2);
  let child = at(node, 2 + k);
  for (let j = 0; j < k; j++) {
    const lo = j == 0 ? 0.0 : word(node, 2 + j);
    const first = j == 0 ? 0 : firstAtOrAbove(s0, o, lo, n);
    const last = j == k - 1 ? n : firstAtOrAbove(s0, o, word(node, 3 + j), n);
    if (last > first) evaluate(child, at(out, first), s0 + <f64>first, o + lo, last - first, tmp);
    child += <usize>sizeOf(child) << 3;
  }
}

/** Repeat: [Repeat, size, period, child]; the child sees x mod period. */
function repeat(node: usize, out: usize, s0: f64, o: f64, n: i32, tmp: usize): void {
  const period = word(node, 2);
  const child = at(node, 3);
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const q = Math.floor((s - o) / period);
    // start of this repetition; beyond f64 range (periods far below a step) every step starts one
    const origin = q < Infinity ? o + q * period : s;
    const len = max(1, firstAtOrAbove(s, origin, period, n - i));
    evaluate(child, at(out, i), s, origin, len, tmp);
    i += len;
  }
}
