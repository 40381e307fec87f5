// The `lrsched compare` table in the page: per schedule, the rate at chosen steps, the mean, the
// area under the curve, the peak, the minimum and the steps spent near the peak.
import type { Schedule } from "@lrsched/ts-api";
import { formatNumber, formatSteps } from "../../../explore/src/charts/numbers";
import { summarize, type Summary } from "../../src/stats/summary";
import { stepsWithin } from "./chart";
import { h } from "./dom";

export interface SummaryRow {
  readonly label: string;
  readonly color: string;
  readonly schedule: Schedule;
}

/** `lrsched compare`'s default steps: the first, the quarters and the last. */
export function defaultAt(start: number, steps: number): number[] {
  const last = start + steps - 1;
  return [...new Set([0, 0.25, 0.5, 0.75, 1].map((f) => start + Math.round((last - start) * f)))];
}

// schedules are immutable values: a row is kept per schedule until its range or settings change
const kept = new WeakMap<Schedule, { key: string; summary: Summary }>();

function summaryOf(schedule: Schedule, start: number, steps: number, at: readonly number[], abovePct: number): Summary {
  const key = `${start}:${steps}:${at.join(",")}:${abovePct}`;
  const hit = kept.get(schedule);
  if (hit?.key === key) return hit.summary;
  const summary = summarize(schedule, { start, steps, every: 1 }, at, abovePct / 100);
  kept.set(schedule, { key, summary });
  return summary;
}

/** Fills `table` with one row per schedule over [start, start + steps). */
export function renderSummary(table: HTMLTableElement, rows: readonly SummaryRow[], start: number, steps: number, at: readonly number[], abovePct: number): void {
  const head = h("tr", {}, h("th", { scope: "col" }, "schedule"),
    ...at.map((s) => h("th", { scope: "col", title: `rate at step ${s}` }, `lr@${formatSteps(s)}`)),
    ...["mean", "area", "peak", "min"].map((c) => h("th", { scope: "col" }, c)),
    h("th", { scope: "col", title: `steps with a rate at or above ${abovePct} % of the schedule's own peak` }, `steps≥${abovePct}%peak`));
  const body = rows.map((r) => {
    const name = h("th", { scope: "row" }, h("span", { class: "swatch", style: `background:${r.color}` }), r.label);
    // a schedule that ends inside the range (oneCycle's totalSteps) is summarised up to its end
    const own = stepsWithin(r.schedule, start, steps);
    const num = (v: number | undefined) => (v === undefined ? h("td", { title: "past the schedule's last step" }, "–") : h("td", { title: String(v) }, formatNumber(v)));
    if (own === 0) return h("tr", { "data-series": r.label }, name, ...at.map(() => num(undefined)), num(undefined), num(undefined), num(undefined), num(undefined), num(undefined));
    const inside = at.filter((step) => step <= r.schedule.maxStep);
    const sm = summaryOf(r.schedule, start, own, inside, abovePct);
    const rate = new Map(inside.map((step, i) => [step, sm.at[i]]));
    return h("tr", { "data-series": r.label }, name,
      ...at.map((step) => num(rate.get(step))), num(sm.mean), num(sm.area), num(sm.peak), num(sm.min), h("td", {}, String(sm.stepsAbove)));
  });
  table.replaceChildren(h("thead", {}, head), h("tbody", {}, ...body));
}
