// From finished runs to the ranked table, results.json and results.csv.
import type { EpochRecord } from "../train/fit";
import type { RunRecord } from "./cache";

/** One schedule's line of the ranked table (means over seeds). */
export interface RankedRow {
  readonly rank: number;
  readonly label: string;
  readonly seeds: number;
  /** Best validation accuracy over the epochs, mean over seeds. */
  readonly bestValAcc: number;
  /** Epoch of the best validation accuracy (of the first seed). */
  readonly bestEpoch: number;
  /** Validation accuracy after the last epoch, mean over seeds. */
  readonly finalValAcc: number;
  /** Smallest and largest final validation accuracy across seeds. */
  readonly finalValAccRange: readonly [number, number];
  readonly finalValLoss: number;
  readonly finalLoss: number;
  /** Training seconds, mean over seeds. */
  readonly seconds: number;
  /** bestValAcc minus the baseline's, when there is a baseline. */
  readonly vsBaseline?: number;
}

/** Per-epoch means over seeds of one schedule, for the charts. */
export interface MeanCurve {
  readonly label: string;
  readonly epochs: readonly EpochRecord[];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Max that treats NaN (a diverged epoch) as the worst value. */
const best = (xs: readonly number[]) => xs.reduce((a, b) => (Number.isNaN(b) ? a : Math.max(a, b)), -Infinity);

/** Groups runs by schedule, in the order the schedules were given. */
function bySchedule(labels: readonly string[], runs: readonly RunRecord[]): Map<string, RunRecord[]> {
  const groups = new Map<string, RunRecord[]>(labels.map((l) => [l, []]));
  for (const r of runs) groups.get(r.label)?.push(r);
  return groups;
}

/**
 * The ranked table: schedules ordered by mean best validation accuracy (then final accuracy, then
 * the order given), with the difference to `baseline`.
 */
export function rankSchedules(labels: readonly string[], runs: readonly RunRecord[], baseline?: string): RankedRow[] {
  const rows = [...bySchedule(labels, runs)].filter(([, rs]) => rs.length > 0).map(([label, rs], order) => {
    const finals = rs.map((r) => r.epochs[r.epochs.length - 1]?.valAcc ?? NaN);
    const first = rs[0].epochs.map((e) => e.valAcc);
    const bests = rs.map((r) => best(r.epochs.map((e) => e.valAcc)));
    const last = (f: (e: EpochRecord) => number) => mean(rs.map((r) => f(r.epochs[r.epochs.length - 1])));
    return {
      order,
      label,
      seeds: rs.length,
      bestValAcc: mean(bests),
      bestEpoch: first.indexOf(best(first)) + 1,
      finalValAcc: mean(finals),
      finalValAccRange: [Math.min(...finals), Math.max(...finals)] as const,
      finalValLoss: last((e) => e.valLoss),
      finalLoss: last((e) => e.loss),
      seconds: mean(rs.map((r) => r.seconds)),
    };
  });
  const score = (x: number) => (Number.isNaN(x) ? -Infinity : x);
  rows.sort((a, b) => score(b.bestValAcc) - score(a.bestValAcc) || score(b.finalValAcc) - score(a.finalValAcc) || a.order - b.order);
  const base = rows.find((r) => r.label === baseline);
  return rows.map(({ order: _order, ...r }, i) => ({ rank: i + 1, ...r, ...(base ? { vsBaseline: r.bestValAcc - base.bestValAcc } : {}) }));
}

/** Per-epoch metrics averaged over seeds, per schedule. */
export function meanCurves(labels: readonly string[], runs: readonly RunRecord[]): MeanCurve[] {
  return [...bySchedule(labels, runs)].filter(([, rs]) => rs.length > 0).map(([label, rs]) => ({
    label,
    epochs: rs[0].epochs.map((e, i) => {
      const at = (f: (x: EpochRecord) => number) => mean(rs.map((r) => f(r.epochs[i])));
      return { epoch: e.epoch, lr: e.lr, loss: at((x) => x.loss), acc: at((x) => x.acc), valLoss: at((x) => x.valLoss), valAcc: at((x) => x.valAcc), seconds: at((x) => x.seconds) };
    }),
  }));
}

const csvField = (v: string | number) => {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** Every epoch of every run: schedule,seed,epoch,lr,loss,acc,val_loss,val_acc,seconds. */
export function resultsCsv(runs: readonly RunRecord[]): string {
  const lines = ["schedule,seed,epoch,lr,loss,acc,val_loss,val_acc,seconds"];
  for (const r of runs) {
    for (const e of r.epochs) {
      lines.push([r.label, r.seed, e.epoch, e.lr, e.loss, e.acc, e.valLoss, e.valAcc, Number(e.seconds.toFixed(3))].map(csvField).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A percentage with two decimals: 0.97345 -> "97.35 %". */
export const percent = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)} %` : "diverged");
/** A difference in percentage points: +0.42 pt. */
export const points = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? "+" : ""}${(v * 100).toFixed(2)} pt` : "n/a");

/** The ranked table as text for the terminal. */
export function rankedText(rows: readonly RankedRow[], baseline?: string): string {
  const withBaseline = rows.some((r) => r.vsBaseline !== undefined);
  const head = ["#", "schedule", "best val acc", "final val acc", "final val loss", ...(withBaseline ? [`vs ${baseline}`] : []), "time"];
  const body = rows.map((r) => [
    String(r.rank),
    r.label,
    percent(r.bestValAcc),
    percent(r.finalValAcc),
    Number.isFinite(r.finalValLoss) ? r.finalValLoss.toFixed(4) : "n/a",
    ...(withBaseline ? [r.label === baseline ? "-" : points(r.vsBaseline ?? NaN)] : []),
    `${r.seconds.toFixed(1)} s`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  // the schedule name reads left-aligned, numbers right-aligned
  const line = (cells: string[]) => cells.map((c, j) => (j === 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  return [line(head), ...body.map(line)].join("\n");
}
