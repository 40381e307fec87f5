// The sweep's summary as text for the terminal: one line per schedule, then the verdict.
import type { SweepResult } from "@lrsched/explore";

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)} %` : "n/a");
const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : "n/a");
const signed = (accuracy: boolean) => (v: number) => {
  if (!Number.isFinite(v)) return "n/a";
  const sign = v > 0 ? "+" : v < 0 ? "-" : "";
  return accuracy ? `${sign}${Math.abs(v * 100).toFixed(2)} pt` : `${sign}${num(Math.abs(v))}`;
};

/** The summary table (aligned columns) and the verdict, as printed by `lrsched sweep`. */
export function summaryText(r: SweepResult): string {
  const accuracy = r.task.metric === "accuracy";
  const value = accuracy ? pct : num;
  const diff = signed(accuracy);
  const range = (ci: readonly [number, number] | null, f: (v: number) => string) => (ci ? `${f(ci[0])} to ${f(ci[1])}` : "n/a");
  const base = r.baseline;
  const head = ["schedule", `val ${r.task.metric}`, "95 % interval", ...(base ? [`vs ${base}`, "95 % interval (paired)"] : []), "time"];
  const body = r.summary.map((s, i) => [
    `${s.label}${s.label === r.verdict?.best ? " *" : ""}`,
    value(s.mean),
    range(s.ci95, value),
    ...(base ? (s.vsBaseline ? [diff(s.vsBaseline.meanDiff), range(s.vsBaseline.ci95, diff)] : ["-", "-"]) : []),
    Number.isFinite(r.timing[i]?.seconds) ? `${r.timing[i].seconds.toFixed(1)} s` : "n/a",
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  // the schedule name reads left-aligned, numbers right-aligned
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  const seeds = r.seeds.length;
  const note = `${r.task.metric === "loss" ? "validation loss" : `validation ${r.task.metric}`} after the last epoch, mean of ${seeds} seed${seeds > 1 ? "s" : ""}; * best mean`;
  return `${[line(head), ...body.map(line)].join("\n")}\n(${note})\n\n${r.verdict?.text ?? ""}`;
}
