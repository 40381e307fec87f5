// A metric series, one value per epoch, from a file: plain text (one number a line), a JSON array,
// or one column of a CSV file. Every bad value is reported with its file and line.
import { readFileSync } from "node:fs";
import { parseNumber } from "../args";
import { UsageError, fileError } from "../errors";

/** Cells of one CSV line (double quotes may wrap a cell; `""` inside is a quote). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") cells.push(cell), (cell = "");
    else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

/** The values of a JSON array, each checked. */
function fromJson(text: string, where: string): number[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: malformed JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!Array.isArray(value)) throw new UsageError(`${where}: must be a JSON array of numbers, one per epoch`);
  value.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new UsageError(`${where}: element ${i} must be a finite number, got ${JSON.stringify(v)}`);
  });
  return value as number[];
}

/** Which CSV column holds the series: `--metrics-column` by header name or 1-based number, else the only one. */
function columnIndex(header: string[] | null, width: number, column: string | undefined, where: string): number {
  if (column === undefined) {
    if (width === 1) return 0;
    const names = header ? header.join(", ") : `1-${width}`;
    throw new UsageError(`${where}: line 1 has ${width} columns (${names}); pick one with --metrics-column NAME|N`);
  }
  const byName = header?.indexOf(column) ?? -1;
  if (byName >= 0) return byName;
  const n = parseNumber(column);
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= width) return n - 1;
  throw new UsageError(`${where}: has no column ${JSON.stringify(column)} (${header ? `columns: ${header.join(", ")}` : `columns 1-${width}`})`);
}

/**
 * Reads `file`: a JSON array when it starts with `[`; CSV when its first line has a comma (a first
 * line that is not all numbers is the header); plain text otherwise. Blank lines at the end are
 * ignored; any other line must hold a finite number.
 */
export function readMetrics(file: string, column?: string): number[] {
  const where = `--metrics ${file}`;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new UsageError(`--metrics: ${fileError("read", file, e).message}`);
  }
  if (/^\s*\[/.test(text)) {
    const values = fromJson(text, where);
    if (values.length === 0) throw new UsageError(`${where}: is empty (one value per epoch expected)`);
    return values;
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length === 0) throw new UsageError(`${where}: is empty (one value per epoch expected)`);
  const first = csvCells(lines[0]);
  const csv = first.length > 1 || column !== undefined || /\.csv$/i.test(file);
  if (!csv) {
    return lines.map((line, i) => {
      const v = parseNumber(line.trim());
      if (v === undefined) throw new UsageError(`${where}: line ${i + 1}: ${JSON.stringify(line.trim())} is not a finite number`);
      return v;
    });
  }
  const header = first.every((c) => parseNumber(c) !== undefined) ? null : first;
  const col = columnIndex(header, first.length, column, where);
  const values: number[] = [];
  for (let i = header ? 1 : 0; i < lines.length; i++) {
    const cell = csvCells(lines[i])[col];
    const v = cell === undefined ? undefined : parseNumber(cell);
    if (v === undefined) throw new UsageError(`${where}: line ${i + 1}: ${cell === undefined ? "has no such column" : `${JSON.stringify(cell)} is not a finite number`}`);
    values.push(v);
  }
  if (values.length === 0) throw new UsageError(`${where}: has a header and no values (one value per epoch expected)`);
  return values;
}
