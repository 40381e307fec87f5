// Output sinks. A file is written to a temp file beside it and renamed into place only once it is
// complete, so an interrupted or failed run never leaves a truncated file at the target.
import { accessSync, constants, promises as fsp, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError, fileError, systemCode } from "../errors";
import { trackTemp, untrackTemp } from "./cleanup";
import { removeStaleTemps } from "./staleTemps";

/**
 * Somewhere to write bytes. `commit` completes the output; `abort` discards it.
 *
 * @example
 * ```ts
 * import { openOutput, type Sink } from "@lrsched/cli";
 * import { mkdtempSync, readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * const file = `${mkdtempSync(`${tmpdir()}/lrsched-`)}/out.txt`;
 * const sink: Sink = await openOutput(file);
 * await sink.write("0.1\n");
 * await sink.commit();
 * readFileSync(file, "utf8"); // → "0.1\n"
 * ```
 */
export interface Sink {
  /** How errors name this output: the path, or `stdout`. */
  readonly name: string;
  /** Writes bytes or text, waiting for the stream when it is full. */
  write(data: Uint8Array | string): Promise<void>;
  /** Finishes the output: a file appears under its name only now. */
  commit(): Promise<void>;
  /** Drops the output: no partial file is left behind. */
  abort(): Promise<void>;
}

/** The reader of stdout went away (`lrsched curve ... | head`): stop quietly. */
export class BrokenPipe extends Error {
  override readonly name = "BrokenPipe";
}

const BUFFER = 1 << 20;

/** Collects small writes into ~1 MiB blocks before handing them to `flush`. */
class Buffered {
  private parts: Uint8Array[] = [];
  private size = 0;
  constructor(private readonly flush: (block: Uint8Array) => Promise<void>) {}

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (bytes.byteLength >= BUFFER) {
      await this.drain();
      await this.flush(bytes);
      return;
    }
    this.parts.push(bytes);
    this.size += bytes.byteLength;
    if (this.size >= BUFFER) await this.drain();
  }

  async drain(): Promise<void> {
    if (this.size === 0) return;
    const block = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    await this.flush(block);
  }
}

function stdoutSink(): Sink {
  let failure: unknown;
  const onError = (e: unknown) => (failure = e);
  process.stdout.on("error", onError);
  const fail = (e: unknown): never => {
    if (systemCode(e) === "EPIPE") throw new BrokenPipe();
    throw fileError("write", "stdout", e);
  };
  const buffered = new Buffered(
    (block) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        const ok = process.stdout.write(block, (e) => (e ? reject(e) : ok && resolve()));
        if (!ok) process.stdout.once("drain", resolve);
      }),
  );
  // the listener goes with the sink: main() may run many times in one process
  const release = () => process.stdout.off("error", onError);
  return {
    name: "stdout",
    write: (data) => buffered.write(data).catch(fail),
    commit: () => buffered.drain().catch(fail).finally(release),
    async abort() {
      release();
    },
  };
}

/** Whether this process may write `file` (access(2), as the shell checks before `>`). */
function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const tempName = (target: string) =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);

/**
 * Opens `target` for writing; undefined or `-` means stdout.
 *
 * @example
 * ```ts
 * import { openOutput } from "@lrsched/cli";
 * const sink = await openOutput("-"); // stdout
 * sink.name; // → "stdout"
 * await sink.commit();
 * ```
 */
export async function openOutput(target: string | undefined): Promise<Sink> {
  if (target === undefined || target === "-") return stdoutSink();
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch (e) {
    if (systemCode(e) !== "ENOENT") throw fileError("write", target, e);
  }
  if (stats?.isDirectory()) throw new UsageError(`cannot write '${target}': is a directory`);
  // a read-only file is refused, as a shell's `>` refuses it: the rename below would replace it
  // whatever its mode (with no write bit at all it is refused even to root)
  if (stats?.isFile() && (!writable(target) || (stats.mode & 0o222) === 0)) {
    throw new UsageError(`cannot write '${target}': it is read-only (permission denied)`);
  }
  // devices and pipes (/dev/null, /dev/full, a FIFO) cannot be replaced by a rename: write in place
  const direct = stats !== undefined && !stats.isFile();
  if (!direct) removeStaleTemps(target);
  const path = direct ? target : tempName(target);
  // tracked before it exists, so a signal arriving while it is created still removes it
  if (!direct) trackTemp(path);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, direct ? constants.O_WRONLY : "wx", 0o666);
  } catch (e) {
    untrackTemp(path);
    throw fileError(direct ? "write" : "create", target, e);
  }
  const buffered = new Buffered(async (block) => {
    let done = 0;
    while (done < block.byteLength) {
      const { bytesWritten } = await handle.write(block, done, block.byteLength - done);
      done += bytesWritten;
    }
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const discard = async () => {
    await close().catch(() => undefined);
    if (!direct) {
      await fsp.unlink(path).catch(() => undefined);
      untrackTemp(path);
    }
  };
  return {
    name: target,
    async write(data) {
      try {
        await buffered.write(data);
      } catch (e) {
        await discard();
        throw fileError("write", target, e);
      }
    },
    async commit() {
      try {
        await buffered.drain();
        if (!direct && stats) await handle.chmod(stats.mode & 0o777);
        await close();
        if (!direct) await fsp.rename(path, target);
      } catch (e) {
        await discard();
        throw fileError("write", target, e);
      }
      if (!direct) untrackTemp(path);
    },
    abort: discard,
  };
}

/**
 * Writes a whole (small) output at once: JSON exports, SVG, PNG.
 *
 * @example
 * ```ts
 * import { writeOutput } from "@lrsched/cli";
 * import { mkdtempSync, readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * const file = `${mkdtempSync(`${tmpdir()}/lrsched-`)}/spec.json`;
 * await writeOutput(file, "{}\n");
 * readFileSync(file, "utf8"); // → "{}\n"
 * ```
 */
export async function writeOutput(target: string | undefined, data: Uint8Array | string): Promise<void> {
  const sink = await openOutput(target);
  try {
    await sink.write(data);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}
