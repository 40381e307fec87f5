// Input files are read up to a cap: `--spec /dev/zero` (or a 20 GB file by mistake) stops at the
// cap with one clear line instead of growing the process until it is killed.
import { closeSync, openSync, readSync } from "node:fs";
import { UsageError } from "../errors";

/** Largest input file or stdin read (specs, configs): 64 MiB, far beyond any schedule. */
export const MAX_INPUT_BYTES = 64 * 2 ** 20;

/** The cap as `lrsched --help` states it. */
export const MAX_INPUT_TEXT = "64 MiB";

const BLOCK = 1 << 20;

/** Sleeps the thread briefly: a non-blocking stdin (EAGAIN) has no data yet. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The bytes of `file` (`-` for stdin) as UTF-8 text, or a UsageError once it passes
 * MAX_INPUT_BYTES. File-system errors are thrown as they are, for the caller to word.
 */
export function readCapped(file: string, what: string): string {
  const fd = file === "-" ? 0 : openSync(file, "r");
  const blocks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const block = Buffer.allocUnsafe(BLOCK);
      let n: number;
      try {
        n = readSync(fd, block, 0, BLOCK, null);
      } catch (e) {
        if ((e as { code?: unknown }).code !== "EAGAIN") throw e;
        pause(5);
        continue;
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) {
        throw new UsageError(`${what}: larger than ${MAX_INPUT_TEXT}, the most lrsched reads from one input (is it the right file?)`);
      }
      blocks.push(n === BLOCK ? block : block.subarray(0, n));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return Buffer.concat(blocks, total).toString("utf8");
}
