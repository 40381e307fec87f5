// A progress bar on stderr that appears only for runs longer than a second, only on a terminal.

/** Reports progress of a long run; a no-op unless it is worth showing. */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const DELAY_MS = 1000;
const EVERY_MS = 100;

/**
 * A bar for `total` units of work. It stays silent for the first second (short runs print nothing),
 * when stderr is not a TTY (logs and pipes stay clean) and with `quiet`.
 */
export function progress(total: number, label: string, quiet: boolean): Progress {
  const stream = process.stderr;
  if (quiet || !stream.isTTY || total <= 0) return { update() {}, finish() {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - last < EVERY_MS) return;
      last = now;
      shown = true;
      const fraction = Math.min(1, done / total);
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
      const filled = Math.round(fraction * width);
      const rate = done / ((now - started) / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      stream.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% eta ${eta.toFixed(0)}s `,
      );
    },
    finish() {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
