// What the CSV and JSON Lines readers share: header checks and file-system errors as one line.
import { LrschedError } from "@lrsched/ts-api";

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
};

/** A failure to read `file` as a one-line error. */
export function fileError(file: string, e: unknown): LrschedError {
  const code = (e as { code?: unknown } | null)?.code;
  const reason = (typeof code === "string" && REASONS[code]) || (e instanceof Error ? e.message : String(e));
  return new LrschedError(file, `cannot be read: ${reason}`);
}

/**
 * Column names: non-empty and unique. With `unnamedFirst`, the first may be empty: the row index
 * pandas' `DataFrame.to_csv` writes by default has no name.
 */
export function headerOf(file: string, names: string[], line: number, unnamedFirst = false): string[] {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === "" && i === 0 && unnamedFirst) return;
    if (name === "") throw new LrschedError(`${file} line ${line}, column ${i + 1}`, "has an empty name in the header");
    if (seen.has(name)) throw new LrschedError(`${file} line ${line}, column '${name}'`, "appears twice in the header");
    seen.add(name);
  });
  return names;
}
