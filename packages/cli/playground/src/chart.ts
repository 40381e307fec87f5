// The playground's chart: an SVG drawn directly (no chart library), from each curve's min/max
// envelope per pixel column, so a one-step spike survives any number of steps. Hovering reads out
// the exact rate of every schedule at the step under the pointer.
import type { Schedule } from "@lrsched/ts-api";
import { bucketize, linePoints, type Buckets, type Point } from "../../src/plot/buckets";
import { rateAxis, stepAxis } from "../../src/plot/ticks";
import { formatNumber } from "../../../explore/src/charts/numbers";
import { s } from "./dom";

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly schedule: Schedule;
}

export interface ChartRange {
  readonly start: number;
  readonly steps: number;
  readonly log: boolean;
}

/** How many of the steps [start, start + steps) the schedule defines (it may end before). */
export const stepsWithin = (schedule: Schedule, start: number, steps: number) => Math.max(0, Math.min(steps, schedule.maxStep + 1 - start));

const MARGIN = { top: 12, right: 18, bottom: 40, left: 64 };

interface Frame {
  readonly series: readonly ChartSeries[];
  readonly range: ChartRange;
  readonly x: (step: number) => number;
  readonly y: (lr: number) => number;
  readonly width: number;
  readonly height: number;
}

export class Chart {
  private frame: Frame | undefined;
  private readonly envelopes = new WeakMap<Schedule, { start: number; steps: number; columns: number; buckets: Buckets }>();

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly readout: HTMLElement,
  ) {
    svg.addEventListener("pointermove", (e) => this.hover(e));
    svg.addEventListener("pointerleave", () => this.hover(undefined));
  }

  /** Redraws every series over the range; returns the milliseconds it took. */
  draw(series: readonly ChartSeries[], range: ChartRange): number {
    const t0 = performance.now();
    const width = Math.max(320, Math.round(this.svg.parentElement?.clientWidth ?? 720));
    const height = Math.round(Math.min(420, Math.max(240, width * 0.45)));
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    // one bucket per pixel column: its first, last, lowest and highest value
    // a schedule that ends inside the range (oneCycle's totalSteps) is drawn up to its end
    const spans = series.map((x) => stepsWithin(x.schedule, range.start, range.steps));
    const buckets = series.map((x, i) =>
      spans[i] === 0 ? undefined : this.envelope(x.schedule, range.start, spans[i], Math.max(1, Math.round((plotW * spans[i]) / range.steps))));
    const drawn = buckets.filter((b): b is Buckets => b !== undefined);

    const xDomain = [range.start, range.start + range.steps] as const;
    const xAxis = stepAxis(xDomain[0], xDomain[1], plotW);
    const x = (step: number) => MARGIN.left + ((step - xDomain[0]) / (xDomain[1] - xDomain[0])) * plotW;
    const yAxis = rateAxis(drawn.flatMap((b) => [...b.min, ...b.max]), { log: range.log, height: plotH });
    const ty = (v: number) => (range.log ? Math.log10(v) : v);
    const y0 = ty(yAxis.domain[0]);
    const y1 = ty(yAxis.domain[1]);
    const y = (lr: number) => Math.max(-1e5, Math.min(1e5, MARGIN.top + ((y1 - ty(lr)) / (y1 - y0)) * plotH));

    const grid = s("g", { class: "grid" });
    const axes = s("g", { class: "axes" });
    for (const t of yAxis.ticks) {
      grid.append(s("line", { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(t), y2: y(t) }));
      axes.append(s("text", { x: MARGIN.left - 6, y: y(t), "text-anchor": "end", "dominant-baseline": "middle" }, yAxis.label(t)));
    }
    for (const t of xAxis.ticks) {
      grid.append(s("line", { x1: x(t), x2: x(t), y1: MARGIN.top, y2: MARGIN.top + plotH }));
      axes.append(s("text", { x: x(t), y: MARGIN.top + plotH + 16, "text-anchor": "middle" }, xAxis.label(t)));
    }
    axes.append(
      s("rect", { class: "frame", x: MARGIN.left, y: MARGIN.top, width: plotW, height: plotH }),
      s("text", { class: "title", x: MARGIN.left + plotW / 2, y: height - 4, "text-anchor": "middle" }, "step"),
      s("text", { class: "title", transform: `translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`, "text-anchor": "middle" }, range.log ? "learning rate (log)" : "learning rate"),
    );
    const lines = s("g", { "clip-path": "url(#plot-area)" });
    series.forEach((ser, i) => {
      const b = buckets[i];
      const d = b === undefined ? "" : stepPath(linePoints(b), x, y, range.log, range.start + spans[i]);
      lines.append(s("path", { class: "curve", "data-series": ser.label, stroke: ser.color, d }));
    });
    const clip = s("clipPath", { id: "plot-area" }, s("rect", { x: MARGIN.left, y: MARGIN.top - 1, width: plotW, height: plotH + 2 }));
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.setAttribute("width", String(width));
    this.svg.setAttribute("height", String(height));
    this.svg.replaceChildren(s("defs", {}, clip), grid, axes, lines, s("g", { class: "cursor" }));
    this.frame = { series, range, x, y, width, height };
    this.hover(undefined);
    const ms = performance.now() - t0;
    // for automation: what the chart shows now, and how long drawing it took
    this.svg.dataset.start = String(range.start);
    this.svg.dataset.steps = String(range.steps);
    this.svg.dataset.renderMs = ms.toFixed(1);
    return ms;
  }

  /**
   * A schedule's envelope over [start, start + steps) in `columns` buckets. Schedules are immutable
   * values, so an envelope is kept per schedule: typing in one schedule's form recomputes only its own.
   */
  private envelope(schedule: Schedule, start: number, steps: number, columns: number): Buckets {
    const kept = this.envelopes.get(schedule);
    if (kept && kept.start === start && kept.steps === steps && kept.columns === columns) return kept.buckets;
    const buckets = bucketize(schedule, { start, steps, every: 1 }, columns);
    this.envelopes.set(schedule, { start, steps, columns, buckets });
    return buckets;
  }

  /** Moves the cursor to the pointer's step and writes every rate there; undefined clears it. */
  private hover(e: PointerEvent | undefined): void {
    const f = this.frame;
    const cursor = this.svg.querySelector("g.cursor");
    if (!f || !cursor) return;
    if (!e) {
      cursor.replaceChildren();
      this.readout.textContent = "Hover over the chart to read the rates at a step.";
      return;
    }
    const box = this.svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * f.width;
    const { start, steps } = f.range;
    const step = Math.min(start + steps - 1, Math.max(start, Math.floor(start + ((px - MARGIN.left) / (f.x(start + steps) - MARGIN.left)) * steps)));
    const cx = f.x(step);
    cursor.replaceChildren(s("line", { x1: cx, x2: cx, y1: MARGIN.top, y2: f.height - MARGIN.bottom }));
    const parts = [`step ${step}`];
    for (const ser of f.series) {
      if (step > ser.schedule.maxStep) {
        parts.push(`${ser.label}: ended`);
        continue;
      }
      const lr = ser.schedule.at(step);
      if (Number.isFinite(lr) && (!f.range.log || lr > 0)) cursor.append(s("circle", { cx, cy: f.y(lr), r: 3.5, fill: ser.color }));
      parts.push(`${ser.label}: ${formatNumber(lr, 6)}`);
    }
    this.readout.textContent = parts.join("   ");
  }
}

/**
 * The SVG path of a curve held constant from each point to the next (a rate applies for its whole
 * step). On a log axis non-positive rates leave gaps.
 */
export function stepPath(points: readonly Point[], x: (s: number) => number, y: (v: number) => number, log: boolean, end: number): string {
  let d = "";
  let open = false;
  points.forEach((p, i) => {
    const drawable = Number.isFinite(p.lr) && (!log || p.lr > 0);
    if (!drawable) {
      open = false;
      return;
    }
    const next = i + 1 < points.length ? points[i + 1].step : end;
    const py = y(p.lr).toFixed(2);
    d += open ? `V${py}` : `M${x(p.step).toFixed(2)} ${py}`;
    d += `H${x(next).toFixed(2)}`;
    open = true;
  });
  return d;
}
