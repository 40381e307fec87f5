// A run killed with SIGKILL (or by a power cut) cannot remove its temp file. The next write to
// the same target removes the temp files of runs whose process no longer exists.
import { readdirSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === "EPERM";
  }
}

/** Removes `.name.<pid>.<tag>.tmp` files beside `target` whose process is gone. */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // an unreadable directory: the write itself will say what is wrong
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}
