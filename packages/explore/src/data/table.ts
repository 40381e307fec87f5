// A data file read into memory once: every feature cell in one Float32Array (row-major), the target
// column beside it as numbers or as class names.
import { LrschedError } from "@lrsched/ts-api";
import { readCsvRows } from "./csv";
import { readJsonLines } from "./jsonLines";

/**
 * A table of numeric features and one target column, as {@link loadTable} reads it: an `{x, y}`
 * that {@link sweep} and {@link rangeTest} take as `data`.
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { loadTable, type Table } from "@lrsched/explore";
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-table-"));
 * writeFileSync(join(dir, "house.jsonl"), '{"rooms": 3, "age": 20, "price": 2.5}\n{"rooms": 5, "age": 2, "price": 4.1}\n');
 * const table: Table = await loadTable(join(dir, "house.jsonl"), { target: "price" });
 * [table.rows, table.x.shape]; // → [2, [2, 2]]
 * table.y; // → [2.5, 4.1]
 * rmSync(dir, { recursive: true });
 * ```
 */
export interface Table {
  /** The file it came from (for messages). */
  readonly file: string;
  /** Feature column names, in file order (the target left out). */
  readonly features: readonly string[];
  /** Name of the target column. */
  readonly target: string;
  /** Data rows (the header is not one). */
  readonly rows: number;
  /** Features, `rows x features.length`, row-major. */
  readonly x: {
    /** Every feature cell, row by row. */
    readonly values: Float32Array;
    /** `[rows, features.length]`. */
    readonly shape: readonly [number, number];
  };
  /** The target: numbers when every cell is a finite number, otherwise one class name per row. */
  readonly y: Float32Array | readonly string[];
}

/**
 * How {@link loadTable} reads a file: which column is the target.
 *
 * @example
 * ```ts
 * import { loadTable, type LoadTableOptions } from "@lrsched/explore";
 * const options: LoadTableOptions = { target: "" };
 * await loadTable("train.csv", options).catch((e) => e.message); // → "target must name the column to predict, got \"\""
 * ```
 */
export interface LoadTableOptions {
  /** The column to predict (required, non-empty); every other column is a numeric feature. */
  readonly target: string;
  /**
   * Columns to leave out of the features (ids, dates, notes): each must be in the file and not be the
   * target; their cells are not read. Default none. A CSV's unnamed first column (the row index
   * pandas' `to_csv` writes) is always left out.
   */
  readonly ignore?: readonly string[];
}

/** One row as the readers hand it over, with where it is in the file. */
export interface RawRow {
  /** 1-based data row (the header is not a row). */
  readonly row: number;
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  /** Cells in header order: strings from CSV; any JSON value from JSON Lines. */
  readonly cells: readonly unknown[];
}

/** Where a cell is, for one-line messages: `data.csv row 17 (line 18), column 'x3'`. */
export const cellPath = (file: string, r: { row: number; line: number }, column: string) => `${file} row ${r.row} (line ${r.line}), column '${column}'`;

/** Format of a data file by its extension: .jsonl / .ndjson are JSON Lines, anything else CSV. */
export const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

/**
 * Reads a CSV (header row first; `.tsv` is tab-separated, and a header with semicolons but no comma
 * means semicolon-separated) or JSON Lines file (`.jsonl`, `.ndjson`:
 * one object per line) streamed, checking every cell. Columns named in `ignore`, and a CSV's unnamed
 * first column (pandas' row index), are skipped. Throws one LrschedError naming the file, row
 * and column of the first bad cell: a missing or empty cell, a non-numeric feature, a ragged row, an
 * unknown target column (the message lists the columns).
 *
 * The target is numbers when every cell is a plain decimal number, else class names (trimmed).
 * Feature cells must be plain decimal numbers (`0x1f` and the like are refused).
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { loadTable } from "@lrsched/explore";
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-table-"));
 * writeFileSync(join(dir, "iris.csv"), "sepal,petal,species\n5.1,1.4,setosa\n6.3,4.9,virginica\n5.8,4.1,versicolor\n");
 * const table = await loadTable(join(dir, "iris.csv"), { target: "species" });
 * table.features; // → ["sepal", "petal"]
 * table.y; // → ["setosa", "virginica", "versicolor"]
 * table.x.values; // → [5.1, 1.4, 6.3, 4.9, 5.8, 4.1]
 * writeFileSync(join(dir, "bad.csv"), "sepal,petal,species\n5.1,,setosa\n");
 * await loadTable(join(dir, "bad.csv"), { target: "species" }).catch((e) => e.rule); // → "is empty; every feature cell needs a number"
 * rmSync(dir, { recursive: true });
 * ```
 */
export async function loadTable(file: string, options: LoadTableOptions): Promise<Table> {
  const target = options?.target;
  if (typeof target !== "string" || target === "") throw new LrschedError("target", "must name the column to predict", target);
  const ignore = ignoredNames(options.ignore, target);
  const source = isJsonLines(file) ? readJsonLines(file) : readCsvRows(file, /\.tsv$/i.test(file) ? "\t" : ",");
  let header: readonly string[] | undefined;
  let targetAt = -1;
  let width = 0;
  // per column: the feature's index in a row, or -1 (the target, an ignored column)
  let slot: Int32Array = new Int32Array(0);
  let x = new Float32Array(1 << 16);
  let rows = 0;
  const targetCells: unknown[] = [];
  for await (const item of source) {
    if ("header" in item) {
      header = item.header;
      targetAt = header.indexOf(target);
      if (targetAt < 0) throw new LrschedError(`${file}: target column '${target}'`, `is not in the file; columns: ${columnList(header)}`);
      for (const name of ignore) {
        if (!header.includes(name)) throw new LrschedError(`ignore: column '${name}'`, `is not in ${file}; columns: ${columnList(header)}`);
      }
      slot = new Int32Array(header.length).fill(-1);
      width = 0;
      header.forEach((name, c) => {
        if (c !== targetAt && name !== "" && !ignore.has(name)) slot[c] = width++;
      });
      if (width === 0) throw new LrschedError(file, `has no feature column: every column but the target '${target}' is left out`);
      continue;
    }
    const names = header as readonly string[];
    if ((rows + item.length) * width > x.length) {
      const grown = new Float32Array(Math.max(x.length * 2, (rows + item.length) * width));
      grown.set(x);
      x = grown;
    }
    for (const r of item) {
      if (r.cells.length !== names.length) {
        throw new LrschedError(`${file} row ${r.row} (line ${r.line})`, `has ${r.cells.length} cells, the header has ${names.length} columns`);
      }
      const at = rows * width;
      for (let c = 0; c < r.cells.length; c++) {
        const cell = r.cells[c];
        if (c === targetAt) {
          if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) {
            throw new LrschedError(cellPath(file, r, names[c]), "is empty; every row needs a target");
          }
          targetCells.push(cell);
        } else if (slot[c] >= 0) {
          x[at + slot[c]] = featureValue(cell, file, r, names[c]);
        }
      }
      rows++;
    }
  }
  if (!header) throw new LrschedError(file, "is empty: expected a header row and data rows");
  if (rows === 0) throw new LrschedError(file, "has a header but no data rows");
  const features = header.filter((_, c) => slot[c] >= 0);
  return {
    file,
    features,
    target,
    rows,
    x: { values: x.length === rows * width ? x : x.slice(0, rows * width), shape: [rows, width] },
    y: targetColumn(targetCells),
  };
}

/** The header for a message; pandas' unnamed index column shown as such. */
const columnList = (header: readonly string[]) => header.map((n) => (n === "" ? "(unnamed index)" : n)).join(", ");

/** `ignore` as a set of column names, checked. */
function ignoredNames(ignore: unknown, target: string): Set<string> {
  if (ignore === undefined) return new Set();
  if (!Array.isArray(ignore)) throw new LrschedError("ignore", "must be a list of column names", ignore);
  ignore.forEach((name, i) => {
    if (typeof name !== "string" || name === "") throw new LrschedError(`ignore[${i}]`, "must be a column name", name);
    if (name === target) throw new LrschedError(`ignore[${i}]`, `is the target column '${target}': it cannot be left out`);
  });
  return new Set(ignore as string[]);
}

/** A plain decimal number, as data files write them. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A feature cell as a float: finite numbers only (CSV cells are parsed, JSON numbers taken as they are). */
function featureValue(cell: unknown, file: string, r: RawRow, column: string): number {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    throw new LrschedError(cellPath(file, r, column), "must be a finite number", cell);
  }
  if (typeof cell === "string") {
    const v = Number(cell);
    // Number() reads "" as 0 and also reads hex, binary and octal: only plain decimals are data
    if (Number.isFinite(v) && (v !== 0 || cell.trim() !== "") && !(Number.isInteger(v) && RADIX_PREFIX.test(cell))) return v;
    if (cell.trim() === "") throw new LrschedError(cellPath(file, r, column), "is empty; every feature cell needs a number");
    throw new LrschedError(cellPath(file, r, column), "must be a number", cell);
  }
  if (cell === null || cell === undefined) throw new LrschedError(cellPath(file, r, column), "is missing; every feature cell needs a number");
  throw new LrschedError(cellPath(file, r, column), "must be a number", cell);
}

/** "0x1f", "0b101", "0o17": numbers to Number(), not to a data file. */
const RADIX_PREFIX = /^\s*[+-]?0[xXbBoO]/;

/** Numbers when every target cell is one, class names otherwise. */
function targetColumn(cells: readonly unknown[]): Float32Array | string[] {
  const numeric = cells.every((c) => (typeof c === "number" && Number.isFinite(c)) || (typeof c === "string" && NUMBER.test(c.trim())));
  if (numeric) return Float32Array.from(cells, (c) => (typeof c === "number" ? c : Number((c as string).trim())));
  return cells.map((c) => (typeof c === "string" ? c.trim() : JSON.stringify(c)));
}
