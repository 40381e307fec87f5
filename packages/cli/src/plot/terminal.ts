// Charts drawn with Unicode braille: each character cell holds a 2x4 grid of dots, so a terminal
// of 80 columns gives 160 horizontal pixels. Each pixel column draws its whole min..max range.
import type { Buckets } from "./buckets";
import { formatNumber, formatSteps } from "@lrsched/explore";

/**
 * One curve to draw, already reduced to `2 * width` buckets.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize, terminalChart, type TerminalSeries } from "@lrsched/cli";
 * const series: TerminalSeries = { label: "cosine", buckets: bucketize(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 100, every: 1 }, 80) };
 * terminalChart([series], { width: 40, height: 8, startStep: 0, endStep: 99 }).split("\n").length > 8; // → true
 * ```
 */
export interface TerminalSeries {
  readonly label: string;
  readonly buckets: Buckets;
  /** Part of the x range the buckets cover, from its start (a schedule may end before the range). Default 1. */
  readonly span?: number;
}

/**
 * A terminal chart's size in character cells, axis range, scale, colours and titles.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize, terminalChart, type TerminalChartOptions } from "@lrsched/cli";
 * const options: TerminalChartOptions = { width: 30, height: 6, startStep: 0, endStep: 99, title: "cosine" };
 * const buckets = bucketize(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 100, every: 1 }, 60);
 * terminalChart([{ label: "cosine", buckets }], options).includes("cosine"); // → true
 * ```
 */
export interface TerminalChartOptions {
  /** Plot width in character cells (labels are added on the left). */
  readonly width: number;
  /** Plot height in character cells. */
  readonly height: number;
  readonly log?: boolean;
  /** Colour each series with ANSI escapes. */
  readonly color?: boolean;
  readonly title?: string;
  /** Step range shown on the x axis. */
  readonly startStep: number;
  readonly endStep: number;
  /** Name of the x axis. Default "step". */
  readonly xTitle?: string;
}

// braille dot bits, indexed [x][y] within a cell
const DOT = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];
const COLORS = [36, 33, 35, 32, 34, 31, 96, 93, 95, 92]; // cyan, yellow, magenta, green, blue, red, ...
// without colour, the second and later series draw whole cells with their own glyph
const GLYPHS = ["•", "+", "x", "o", "*", "#", "=", "%", "@"];

/**
 * Renders the chart as text lines (no trailing newline).
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { bucketize, terminalChart } from "@lrsched/cli";
 * const buckets = bucketize(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 100, every: 1 }, 80);
 * console.log(terminalChart([{ label: "cosine", buckets }], { width: 40, height: 8, startStep: 0, endStep: 99 }));
 * ```
 */
export function terminalChart(series: readonly TerminalSeries[], o: TerminalChartOptions): string {
  const W = o.width * 2;
  const H = o.height * 4;
  const tf = (v: number) => (o.log ? (v > 0 ? Math.log10(v) : NaN) : v);
  let lo = Infinity;
  let hi = -Infinity;
  for (const { buckets: b } of series) {
    for (let k = 0; k < b.count; k++) {
      for (const v of [tf(b.min[k]), tf(b.max[k])]) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (!o.log) lo = Math.min(lo, 0); // linear charts start at zero so decay reads as a fraction of peak
  if (!o.log && lo < 0 && -lo <= Math.abs(hi) * 1e-9) lo = 0; // -5.55e-17 is a zero that rounding moved
  if (hi === lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1);
  const row = (v: number) => Math.round(((hi - tf(v)) / (hi - lo)) * (H - 1));

  const bits = new Uint8Array(o.width * o.height);
  const owner = new Int8Array(o.width * o.height).fill(-1);
  const dot = (x: number, y: number, s: number) => {
    if (x < 0 || x >= W || !(y >= 0 && y < H)) return;
    const cell = (y >> 2) * o.width + (x >> 1);
    bits[cell] |= DOT[x & 1][y & 3];
    owner[cell] = s;
  };
  series.forEach(({ buckets: b, span = 1 }, s) => {
    let prev = NaN;
    let prevX = -1;
    for (let k = 0; k < b.count; k++) {
      if (Number.isNaN(b.firstStep[k])) continue;
      const x = Math.floor(((k + 0.5) * W * span) / b.count);
      // a rate holds between steps: carry the previous value across the columns in between
      if (!Number.isNaN(prev)) for (let gap = prevX + 1; gap < x; gap++) dot(gap, row(prev), s);
      // the bucket's own range plus the join from the previous value, clipped to drawable rows
      const ys = [row(b.min[k]), row(b.max[k]), Number.isNaN(prev) ? NaN : row(prev)].filter((y) => Number.isFinite(y));
      if (ys.length > 0) for (let y = Math.min(...ys); y <= Math.max(...ys); y++) dot(x, y, s);
      prev = Number.isFinite(tf(b.last[k])) ? b.last[k] : NaN;
      prevX = x;
    }
  });

  const fromRow = (r: number) => {
    const t = hi - ((r * 4 + 1.5) / (H - 1)) * (hi - lo);
    return o.log ? 10 ** t : t;
  };
  const labelRows = new Map<number, string>();
  for (const r of [0, Math.floor((o.height - 1) / 2), o.height - 1]) labelRows.set(r, formatNumber(r === 0 ? (o.log ? 10 ** hi : hi) : r === o.height - 1 ? (o.log ? 10 ** lo : lo) : fromRow(r)));
  const pad = Math.max(...[...labelRows.values()].map((l) => l.length));
  const glyphs = !o.color && series.length > 1;
  const paint = (text: string, s: number) => (o.color && s >= 0 ? `\x1b[${COLORS[s % COLORS.length]}m${text}\x1b[0m` : text);
  /** A cell's character: braille dots, or without colour a later series' own glyph. */
  const cellText = (cell: number) => {
    const s = owner[cell];
    if (glyphs && s > 0) return GLYPHS[(s - 1) % GLYPHS.length];
    return paint(String.fromCharCode(0x2800 + bits[cell]), s);
  };
  const marker = (s: number) => (glyphs && s > 0 ? GLYPHS[(s - 1) % GLYPHS.length] : paint("⣿", s));

  const lines: string[] = [];
  if (o.title) lines.push(`${" ".repeat(pad + 1)}${o.title}`);
  for (let r = 0; r < o.height; r++) {
    let text = "";
    for (let c = 0; c < o.width; c++) {
      const cell = r * o.width + c;
      text += bits[cell] ? cellText(cell) : " ";
    }
    const label = labelRows.get(r);
    lines.push(`${(label ?? "").padStart(pad)}${label === undefined ? "│" : "┤"}${text.replace(/\s+$/, "")}`);
  }
  lines.push(`${" ".repeat(pad)}└${"─".repeat(o.width)}`);
  const left = formatSteps(o.startStep);
  const right = formatSteps(o.endStep);
  const mid = formatSteps((o.startStep + o.endStep) / 2);
  const axis = Array.from({ length: o.width + 1 }, () => " ");
  const put = (at: number, s: string) => s.split("").forEach((ch, i) => (axis[at + i] = ch));
  put(0, left);
  put(Math.max(left.length + 1, Math.floor(o.width / 2) - Math.floor(mid.length / 2)), mid);
  put(Math.max(0, o.width + 1 - right.length), right);
  lines.push(`${" ".repeat(pad)}${axis.join("").replace(/\s+$/, "")}  ${o.xTitle ?? "step"}${o.log ? "  (log lr)" : ""}`);
  if (series.length > 1 || o.title === undefined) {
    lines.push(series.map((s, i) => `${" ".repeat(i === 0 ? pad + 1 : 0)}${marker(i)} ${s.label}`).join("   "));
  }
  return lines.join("\n");
}
