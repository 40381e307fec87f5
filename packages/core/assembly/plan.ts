// The plan executor. A plan is a tree of nodes stored as f64 words in linear memory
// ([op, size, ...params, ...children]); `evaluate` writes the values of positions s0 .. s0 + n - 1
// of a node into `out` (f32 values when `f32`, else f64) at local steps x = s - o, using `tmp`
// upward as scratch for composites (CHUNK f64 values per level). Composites pass positions
// through unchanged and move the origin, so every value depends on its position alone, never on
// the chunk it is computed in. Nodes that combine f64 intermediates (products, clamps, noise)
// stage their values in f64 one level up and narrow them into an f32 output as they store.
import { Op, CHUNK } from "./opcodes";
import { at, firstAtOrAbove } from "./buffer";
import { fillOut, slot } from "./output";
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
import { provenBytes, restoreProof } from "./finite";
import { clampInPlace, product32, productOut, scale32, scaleOut } from "./combine";

const LEVEL: usize = <usize>CHUNK << 3;

@inline function word(node: usize, i: i32): f64 {
  return load<f64>(at(node, i));
}

@inline function sizeOf(node: usize): i32 {
  return <i32>word(node, 1);
}

export function evaluate(node: usize, out: usize, f32: bool, s0: f64, o: f64, n: i32, tmp: usize): void {
  evaluateNode(node, <i32>word(node, 0), out, f32, s0, o, n, tmp);
}

/** One node's kernel (or composite) into `out`. */
function evaluateNode(node: usize, op: i32, out: usize, f32: bool, s0: f64, o: f64, n: i32, tmp: usize): void {
  switch (op) {
    case Op.Constant:
      fillOut(out, f32, n, word(node, 2));
      break;
    case Op.Exponential:
      exponential(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5) != 0.0);
      break;
    case Op.InverseTime:
      inverseTime(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5) != 0.0);
      break;
    case Op.Piecewise: {
      const nb = <i32>word(node, 2);
      piecewise(out, f32, n, s0, o, nb, at(node, 3), at(node, 3 + nb));
      break;
    }
    case Op.Polynomial:
      polynomial(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6) != 0.0);
      break;
    case Op.Cosine:
      cosine(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4));
      break;
    case Op.CosineRestarts:
      cosineRestarts(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6), word(node, 7));
      break;
    case Op.LinearCosine:
      linearCosine(out, f32, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6));
      break;
    case Op.NoisyLinearCosine:
      noisyLinearCosine(
        out, f32, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), word(node, 6),
        word(node, 7), word(node, 8), <u32>word(node, 9),
      );
      break;
    case Op.Ramp:
      ramp(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), <i32>word(node, 5));
      break;
    case Op.Cyclic:
      cyclic(out, f32, tmp, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5), <i32>word(node, 6), word(node, 7));
      break;
    case Op.InverseSqrt:
      inverseSqrt(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4));
      break;
    case Op.KDecay:
      kDecay(out, f32, n, s0, o, word(node, 2), word(node, 3), word(node, 4), word(node, 5));
      break;
    case Op.Shift:
      // the child sees x + offset
      evaluate(at(node, 3), out, f32, s0, o - word(node, 2), n, tmp);
      break;
    case Op.Repeat:
      repeat(node, out, f32, s0, o, n, tmp);
      break;
    case Op.Join:
      join(node, out, f32, s0, o, n, tmp);
      break;
    case Op.Clamp:
      // the child writes the output in its own type, clamped in place (combine.ts)
      evaluate(at(node, 4), out, f32, s0, o, n, tmp);
      clampInPlace(out, f32, n, word(node, 2), word(node, 3));
      break;
    case Op.Multiply: {
      // factors staged in f64 (in an f64 output itself) and multiplied as they are stored
      // (combine.ts), which proves the stored values anew: the factors' proof is dropped
      const proven = provenBytes();
      const a = at(node, 2);
      const b = a + (<usize>sizeOf(a) << 3);
      const constA = <i32>word(a, 0) == Op.Constant;
      if (constA || <i32>word(b, 0) == Op.Constant) {
        // a constant factor scales the other one's values in the storing pass; a kernel's f32
        // values are scaled in f32, in place
        const other = constA ? b : a;
        const c = word(constA ? a : b, 2);
        const leaf = <i32>word(other, 0) < Op.Join;
        const stage = f32 && !leaf ? tmp : out;
        evaluate(other, stage, f32 && leaf, s0, o, n, f32 && !leaf ? tmp + LEVEL : tmp);
        restoreProof(proven);
        if (f32 && leaf) scale32(out, n, c);
        else scaleOut(out, f32, stage, n, c);
        break;
      }
      const stage = f32 ? tmp : out;
      const rest = f32 ? tmp + LEVEL : tmp;
      if (f32 && <i32>word(b, 0) < Op.Join) {
        // a kernel as the second factor writes its f32 values in place, times the first in f64
        evaluate(a, stage, false, s0, o, n, rest);
        evaluate(b, out, true, s0, o, n, rest);
        restoreProof(proven);
        product32(out, stage, n);
        break;
      }
      evaluate(a, stage, false, s0, o, n, rest);
      evaluate(b, rest, false, s0, o, n, rest + LEVEL);
      restoreProof(proven);
      productOut(out, f32, stage, rest, n);
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
function join(node: usize, out: usize, f32: bool, s0: f64, o: f64, n: i32, tmp: usize): void {
  const k = <i32>word(node, 2);
  let child = at(node, 2 + k);
  for (let j = 0; j < k; j++) {
    const lo = j == 0 ? 0.0 : word(node, 2 + j);
    const first = j == 0 ? 0 : firstAtOrAbove(s0, o, lo, n);
    const last = j == k - 1 ? n : firstAtOrAbove(s0, o, word(node, 3 + j), n);
    if (last > first) evaluate(child, slot(out, first, f32), f32, s0 + <f64>first, o + lo, last - first, tmp);
    child += <usize>sizeOf(child) << 3;
  }
}

/** Repeat: [Repeat, size, period, child]; the child sees x mod period. */
function repeat(node: usize, out: usize, f32: bool, s0: f64, o: f64, n: i32, tmp: usize): void {
  const period = word(node, 2);
  const child = at(node, 3);
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const q = Math.floor((s - o) / period);
    // start of this repetition; beyond f64 range (periods far below a step) every step starts one
    const origin = q < Infinity ? o + q * period : s;
    const len = max(1, firstAtOrAbove(s, origin, period, n - i));
    evaluate(child, slot(out, i, f32), f32, s, origin, len, tmp);
    i += len;
  }
}
