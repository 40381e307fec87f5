// Axis ticks and their labels, for charts drawn here (the playground) and for vega-lite charts whose
// ticks are chosen here: nice linear steps (1, 2, 5 x 10^k), decades on log axes, step counts with
// SI suffixes where every label of an axis agrees on its precision.

/** A tick step near `span / count`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/** Multiples of `step` within [lo, hi] (inclusive, with a tolerance for rounding). */
export function ticksWithin(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  // multiply rather than accumulate, and round away float noise (0.30000000000000004)
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** A linear axis: [lo, hi] widened to whole steps, and its ticks. */
export function linearAxis(lo: number, hi: number, count = 5): { lo: number; hi: number; step: number; ticks: number[] } {
  if (hi <= lo) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const step = niceStep(hi - lo, count);
  const nlo = Math.floor(lo / step + 1e-9) * step;
  const nhi = Math.ceil(hi / step - 1e-9) * step;
  return { lo: nlo, hi: nhi, step, ticks: ticksWithin(nlo, nhi, step) };
}

/**
 * The lower end of a log axis: the `fraction` quantile of the curve's positive per-column minimums,
 * so the last steps of a schedule decaying to zero (1e-9 and below) do not stretch the axis over
 * decades the rest of the curve never visits.
 */
export function logFloor(columnMins: ArrayLike<number>, fraction = 0.01): number {
  const positive = Array.from(columnMins).filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
  if (positive.length === 0) return NaN;
  return positive[Math.min(positive.length - 1, Math.floor(fraction * positive.length))];
}

/** A log axis from `lo` to `hi` (both > 0) widened to whole decades, with a tick per decade. */
export function logAxis(lo: number, hi: number): { lo: number; hi: number; ticks: number[] } {
  let a = Math.floor(Math.log10(lo) + 1e-9);
  let b = Math.ceil(Math.log10(hi) - 1e-9);
  if (b <= a) b = a + 1;
  // long spans keep about six labels: every second or third decade
  const every = Math.ceil((b - a) / 6);
  a = Math.floor(a / every) * every;
  b = Math.ceil(b / every) * every;
  const ticks: number[] = [];
  for (let k = a; k <= b; k += every) ticks.push(Number(`1e${k}`));
  return { lo: Number(`1e${a}`), hi: Number(`1e${b}`), ticks };
}

/** A decade's label: `1e-3`, `1`, `10`, `100`, `1e3`. */
export function formatDecade(v: number): string {
  const k = Math.round(Math.log10(v));
  if (k >= 0 && k <= 2) return String(10 ** k);
  return `1e${k}`;
}

/** Digits after the point that show multiples of `step` exactly (0.01 -> 2, 0.025 -> 3, 500 -> 0). */
function decimalsOf(step: number): number {
  for (let d = 0; d < 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * scaled) return d;
  }
  return 12;
}

/** A rate tick: fixed-point for steps of 0.001 and up (0, 0.025, 0.05), else `2.5e-5`. */
export function formatRateTick(v: number, step: number): string {
  if (v === 0 || Math.abs(v) < step * 1e-6) return "0";
  if (step >= 1e-3 && Math.abs(v) < 1e6) return v.toFixed(decimalsOf(step));
  const e = Math.floor(Math.log10(Math.abs(v)) + 1e-9);
  const mantissa = v / 10 ** e;
  const digits = Math.min(6, Math.max(0, decimalsOf(step / 10 ** e)));
  return `${Number(mantissa.toFixed(digits))}e${e}`;
}

const SI: readonly (readonly [number, string])[] = [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"]];

/** A step-count tick with an SI suffix where it has one (0, 500, 1k, 1.5k, 2M): never `0k`. */
export function formatStepTick(v: number, step: number): string {
  const a = Math.abs(v);
  if (a < 1e-9) return "0";
  for (const [scale, suffix] of SI) {
    if (a >= scale) return `${Number((v / scale).toFixed(Math.min(decimalsOf(step / scale), 6)))}${suffix}`;
  }
  return String(Number(v.toFixed(Math.min(decimalsOf(step), 6))));
}

export interface RateAxisOptions {
  readonly log?: boolean;
  /** Ends of the axis; default: from the values. */
  readonly yMin?: number;
  readonly yMax?: number;
  /** Pixel height, which sets how many ticks fit. Default 360. */
  readonly height?: number;
}

/**
 * The rate axis of a chart of `values`: its ends, its ticks and their labels. Linear: from zero (or
 * the lowest rate, when one is really negative) to a round value above the peak. Log: whole decades,
 * from the one holding the values' 1st percentile.
 */
/** The rate axis: its ends, its ticks and their labels. */
export function rateAxis(values: readonly number[], o: RateAxisOptions) {
  const count = Math.max(2, Math.round((o.height ?? 360) / 45));
  if (o.log) {
    const positive = values.filter((v) => v > 0 && Number.isFinite(v));
    const hi = o.yMax ?? (positive.length ? Math.max(...positive) : 1);
    // a tail vanishing to zero (1e-9 at a cosine's last step) would stretch the axis over empty decades
    const lo = o.yMin ?? (positive.length ? logFloor(positive) : hi / 1000);
    const axis = logAxis(lo, hi);
    const domain = [o.yMin ?? axis.lo, o.yMax ?? axis.hi];
    return { domain, ticks: axis.ticks.filter((t) => t >= domain[0] * (1 - 1e-9) && t <= domain[1] * (1 + 1e-9)), label: formatDecade };
  }
  let lo = 0;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(hi)) hi = 1;
  // a rate that should be 0 but came out -5.55e-17 must not open a negative band under the axis
  if (lo < 0 && -lo <= Math.abs(hi) * 1e-9) lo = 0;
  if (o.yMin !== undefined || o.yMax !== undefined) {
    const domain = [o.yMin ?? lo, o.yMax ?? hi];
    const step = niceStep(domain[1] - domain[0], count);
    return { domain, ticks: ticksWithin(domain[0], domain[1], step), label: (v: number) => formatRateTick(v, step) };
  }
  const axis = linearAxis(lo, hi, count);
  return { domain: [axis.lo, axis.hi], ticks: axis.ticks, label: (v: number) => formatRateTick(v, axis.step) };
}

/** The step (or epoch) axis over [start, end]: ticks on whole multiples, the end's included when it is one. */
export function stepAxis(start: number, end: number, width: number) {
  const step = niceStep(end - start, Math.max(2, Math.floor(width / 80)));
  const ticks = ticksWithin(start, end, step);
  return { domain: [start, end], ticks, label: (v: number) => formatStepTick(v, step) };
}
