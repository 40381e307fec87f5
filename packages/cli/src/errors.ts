import { LrschedError } from "@lrsched/ts-api";

/**
 * Bad input or an output that cannot be written: the CLI prints `message` as one line on stderr
 * and exits with code 2. Anything else escaping a command is a bug and exits with code 1.
 *
 * @example
 * ```ts
 * import { UsageError } from "@lrsched/cli";
 * new UsageError("--steps expects an integer >= 1, got 'x'") instanceof Error; // → true
 * ```
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Node's system error codes, spelled the way a person reads them. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EEXIST: "already exists",
  EMFILE: "too many open files",
  EFBIG: "file too large",
  EIO: "input/output error",
  EXDEV: "cannot rename across file systems",
};

/** A system error's code (ENOENT, ENOSPC, ...), if it is one. */
export function systemCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Wraps a file-system failure into a one-line UsageError: `cannot write 'x.csv': no space left on device`. */
export function fileError(verb: "read" | "write" | "create", file: string, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  const code = systemCode(e);
  const reason = (code && SYSTEM_REASONS[code]) ?? (e instanceof Error ? e.message : String(e));
  return new UsageError(`cannot ${verb} '${file}': ${reason}`, { cause: e });
}

/** Re-labels a schedule validation error with where the schedule came from. */
export function scheduleError(source: string, e: unknown): unknown {
  if (e instanceof LrschedError) return new UsageError(source ? `${source}: ${e.message}` : e.message, { cause: e });
  return e;
}
