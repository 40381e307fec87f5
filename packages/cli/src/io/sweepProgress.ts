// Progress of a sweep on stderr: on a terminal one bar (run i/n, epoch, loss, time left) redrawn in
// place; otherwise one plain line per epoch and per cached run; nothing with --quiet.
import type { SweepProgress } from "@lrsched/explore";

const EVERY_MS = 100;

/** Formats seconds as "1h02m", "3m05s", "12s". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/**
 * A progress callback for `sweep()`. `say` prints a plain line; `describe(record)` renders an epoch's
 * numbers for the plain lines.
 */
export function sweepProgress(
  quiet: boolean,
  say: (line: string) => void,
  describe: (e: Extract<SweepProgress, { type: "epoch" }>) => string,
): { onProgress: (e: SweepProgress) => void; finish: () => void } {
  const stream = process.stderr;
  if (quiet) return { onProgress: () => {}, finish: () => {} };
  const tty = stream.isTTY === true;
  let total = 0; // steps to train in this process
  let stepsPerRun = 0;
  let done = 0;
  let finished = 0; // runs trained to the end
  let started = 0;
  let last = 0;
  let shown = false;
  const clear = () => {
    if (shown) stream.write("\r\x1b[2K");
    shown = false;
  };
  return {
    onProgress(e) {
      switch (e.type) {
        case "plan":
          total = e.toTrain * e.stepsPerRun;
          stepsPerRun = e.stepsPerRun;
          started = performance.now();
          return;
        case "cached":
          if (!tty) say(`[${e.run.n}/${e.run.of}] ${e.run.label} (seed ${e.run.seed}): cached`);
          return;
        case "batch": {
          done++;
          if (!tty) return;
          const now = performance.now();
          if (now - last < EVERY_MS) return;
          last = now;
          const rate = done / ((now - started) / 1000);
          const eta = rate > 0 ? (total - done) / rate : NaN;
          const width = 20;
          const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
          const line = `run ${e.run.n}/${e.run.of} ${e.run.label} (seed ${e.run.seed}) [${"#".repeat(filled)}${"-".repeat(width - filled)}] epoch ${e.epoch}/${e.epochs} loss ${Number.isFinite(e.loss) ? e.loss.toFixed(4) : "NaN"} eta ${duration(eta)}`;
          stream.write(`\r${line.slice(0, Math.max(20, (stream.columns || 100) - 1))}\x1b[K`);
          shown = true;
          return;
        }
        case "epoch":
          if (e.record.epoch === e.epochs) {
            // a run that diverged skipped its remaining batches: count them as done
            finished++;
            done = finished * stepsPerRun;
          }
          if (!tty) say(describe(e));
          else if (e.record.epoch === e.epochs) {
            clear();
            say(describe(e));
          }
          return;
        default:
          return;
      }
    },
    finish: clear,
  };
}
