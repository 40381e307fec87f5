// Long per-step series thinned for drawing: a chart a few hundred pixels wide needs a few hundred
// points, not tens of thousands.

export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * The outline of `ys` (at x = 0, 1, ...) in `buckets` pieces: each piece's first, lowest, highest and
 * last point in step order, so jumps and spikes survive. Series that already fit come back whole.
 */
export function envelope(ys: ArrayLike<number>, buckets: number): XY[] {
  const n = ys.length;
  if (n <= buckets * 4) return Array.from({ length: n }, (_, i) => ({ x: i, y: ys[i] }));
  const out: XY[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (ys[i] < ys[lo]) lo = i;
      if (ys[i] > ys[hi]) hi = i;
    }
    for (const i of [...new Set([from, lo, hi, to - 1])].sort((a, c) => a - c)) out.push({ x: i, y: ys[i] });
  }
  return out;
}

/** Every k-th point of a smooth series (and its last), at most about `points` of them. */
export function thin(ys: ArrayLike<number>, points: number): XY[] {
  const n = ys.length;
  const k = Math.max(1, Math.ceil(n / points));
  const out: XY[] = [];
  for (let i = 0; i < n; i += k) out.push({ x: i, y: ys[i] });
  if (n > 0 && (n - 1) % k !== 0) out.push({ x: n - 1, y: ys[n - 1] });
  return out;
}

/** Axis format of step counts: plain integers up to 10,000 (vega's SI format would write 100 as 0.1k next to 1.2k), SI above. */
export const stepFormat = (steps: number) => (steps <= 10_000 ? "d" : "~s");
