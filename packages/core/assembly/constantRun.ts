// How long a plan's value stays the same from a position: the host fills such runs natively
// (a piecewise curve of 1e9 steps is a handful of fills) instead of asking for chunk after chunk
// of one repeated value. The analysis is conservative: a run it reports holds, bit for bit, the
// value the kernels write at each of its steps (they fill it); 0 means "not known to be constant".
import { Op } from "./opcodes";
import { at, floorRun, stepsAtOrBelow, stepsBelow } from "./buffer";

@inline function word(node: usize, i: i32): f64 {
  return load<f64>(at(node, i));
}

/** Steps from position s0 (local step s0 - o) over which `node` is constant, at most `limit`. */
export function constantRun(node: usize, s0: f64, o: f64, limit: f64): f64 {
  const op = <i32>word(node, 0);
  switch (op) {
    case Op.Constant:
      return limit;
    case Op.Exponential:
    case Op.InverseTime: {
      // [op, size, lr, D, rate, staircase]: one value per stair
      if (word(node, 5) == 0.0) return 0.0;
      const d = word(node, 3);
      return floorRun(s0, o, d, Math.floor((s0 - o) / d), limit);
    }
    case Op.Piecewise: {
      // [op, size, nb, b_0 .. b_(nb-1), values]: value j holds while x <= b_j
      const nb = <i32>word(node, 2);
      const x = s0 - o;
      let j = 0;
      while (j < nb && x > word(node, 3 + j)) j++;
      return j < nb ? stepsAtOrBelow(s0, o, word(node, 3 + j), limit) : limit;
    }
    case Op.Polynomial:
      // [op, size, lr, D, end, power, cycle]: `end` from D on, unless cycling
      return word(node, 6) == 0.0 && s0 - o >= word(node, 3) ? limit : 0.0;
    case Op.Cosine:
    case Op.LinearCosine:
      // [op, size, lr, D, ...]: frozen from D on
      return s0 - o >= word(node, 3) ? limit : 0.0;
    case Op.Join:
      return joinRun(node, s0, o, limit);
    case Op.Multiply: {
      const a = at(node, 2);
      const ra = constantRun(a, s0, o, limit);
      return ra > 0.0 ? constantRun(a + (<usize>word(a, 1) << 3), s0, o, ra) : 0.0;
    }
    case Op.Clamp:
      return constantRun(at(node, 4), s0, o, limit);
    case Op.Shift:
      return constantRun(at(node, 3), s0, o - word(node, 2), limit);
    case Op.Repeat: {
      const period = word(node, 2);
      const origin = o + Math.floor((s0 - o) / period) * period;
      const left = Math.max(1.0, stepsBelow(s0, origin, period, limit)); // steps to the next repetition
      return constantRun(at(node, 3), s0, origin, left);
    }
    default:
      return 0.0;
  }
}

/** Join: the run of the piece holding s0, cut at that piece's end. */
function joinRun(node: usize, s0: f64, o: f64, limit: f64): f64 {
  const k = <i32>word(node, 2);
  const x = s0 - o;
  let j = 0;
  while (j < k - 1 && x >= word(node, 3 + j)) j++;
  let child = at(node, 2 + k);
  for (let c = 0; c < j; c++) child += <usize>word(child, 1) << 3;
  const lo = j == 0 ? 0.0 : word(node, 2 + j);
  const left = j == k - 1 ? limit : stepsBelow(s0, o, word(node, 3 + j), limit);
  return constantRun(child, s0, o + lo, left);
}
