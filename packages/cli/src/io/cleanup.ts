// Temp files are removed however the process ends: normally, by an error, or by a signal.
import { unlinkSync } from "node:fs";

const temps = new Set<string>();
let installed = false;

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

function removeAll(): void {
  for (const file of temps) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  temps.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", removeAll);
  for (const [name, num] of Object.entries(SIGNALS)) {
    process.on(name, () => {
      removeAll();
      // the conventional status for death by signal
      process.exit(128 + num);
    });
  }
}

/**
 * Ends the process on SIGINT / SIGTERM / SIGHUP with the conventional status (128 + signal), after
 * removing temp files: commands that train call it first, so an interrupted run exits cleanly between
 * two batches (files are written synchronously and renamed into place, never left half-written).
 */
export const exitOnSignals = install;

/** Registers a temp file to delete if the process ends before it is renamed into place. */
export function trackTemp(file: string): void {
  install();
  temps.add(file);
}

export function untrackTemp(file: string): void {
  temps.delete(file);
}
