// The data a sweep or range test is given, turned into what training reads: one feature tensor and
// one target tensor per part (held once, never copied per run), the task, and a content hash.
import { createHash } from "node:crypto";
import type { Tensor } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import type { LossName } from "../model/losses";
import type { TfModule } from "../train/tfjs";
import { inferTask, summarizeNumbers, type TargetSummary, type Task } from "./task";

/**
 * Feature rows: nested arrays, a tensor (first axis = rows), or a flat Float32Array with its shape
 * (rows first). Every value must be a finite number; the shape of a row must match the model's input.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import type { Features } from "@lrsched/explore";
 * const rows: Features = [[0.1, 0.2], [0.3, 0.4]];
 * const tensor: Features = tf.tensor2d([[0.1, 0.2], [0.3, 0.4]]);
 * const flat: Features = { values: new Float32Array([0.1, 0.2, 0.3, 0.4]), shape: [2, 2] };
 * [rows.length, tensor.shape, flat.shape]; // → [2, [2, 2], [2, 2]]
 * ```
 */
export type Features = readonly (readonly number[])[] | Tensor | { readonly values: Float32Array; readonly shape: readonly number[] };
/**
 * Targets: one number or class name per row, several numbers per row (one-hot, multi-output), or a
 * tensor; one entry per row of the features, every number finite. What they hold decides the task
 * (see {@link Task}).
 *
 * @example
 * ```ts
 * import type { Targets } from "@lrsched/explore";
 * const names: Targets = ["cat", "dog", "cat"];                 // classes by name
 * const indices: Targets = new Int32Array([0, 1, 0]);           // classes by index
 * const oneHot: Targets = [[1, 0], [0, 1], [1, 0]];             // classes one-hot
 * const values: Targets = [0.5, 1.25, -3];                      // numbers: regression
 * [names, indices, oneHot, values].map((y) => y.length); // → [3, 3, 3, 3]
 * ```
 */
export type Targets = readonly number[] | readonly string[] | readonly (readonly number[])[] | Float32Array | Int32Array | Tensor;

/**
 * Rows of features and their targets. A {@link Table} from `loadTable` is one.
 *
 * @example
 * ```ts
 * import type { DataPart } from "@lrsched/explore";
 * const x = [[0], [1], [2]];
 * const part: DataPart = { x, y: x.map(([v]) => 2 * v), file: "line.csv", target: "y" };
 * part.y; // → [0, 2, 4]
 * ```
 */
export interface DataPart {
  /** Feature rows. */
  readonly x: Features;
  /** One target per row of `x`. */
  readonly y: Targets;
  /** Where the rows came from, for messages (set by `loadTable`). Default: messages name the array (`data.y[3]`). */
  readonly file?: string;
  /** The target column's name, for messages (set by `loadTable`). */
  readonly target?: string;
}

/**
 * One part (split into training and validation rows by the seed) or both parts given; with two
 * parts, the validation part must hold only classes the training part has.
 *
 * @example
 * ```ts
 * import type { SweepData } from "@lrsched/explore";
 * const one: SweepData = { x: [[0], [1], [2], [3], [4]], y: ["a", "b", "a", "b", "a"] };
 * const both: SweepData = { train: { x: [[0], [1], [2]], y: ["a", "b", "a"] }, validation: { x: [[3], [4]], y: ["b", "a"] } };
 * ["train" in one, "train" in both]; // → [false, true]
 * ```
 */
export type SweepData = DataPart | { readonly train: DataPart; readonly validation: DataPart };

/** A part in memory: features as a tensor or a flat array, targets flat. */
interface Loaded {
  readonly rows: number;
  /** Shape of one row of features. */
  readonly rowShape: readonly number[];
  readonly x: Float32Array | Tensor;
  readonly y: { readonly names: readonly string[] } | { readonly values: Float32Array; readonly width: number };
  readonly where: (row: number) => string;
  readonly column: string;
}

/** Data ready to train on. */
export interface PreparedData {
  readonly train: { readonly x: Tensor; readonly y: Tensor; readonly rows: number };
  /** Null when validation rows are split off the training part per seed. */
  readonly validation: { readonly x: Tensor; readonly y: Tensor; readonly rows: number } | null;
  readonly task: Task;
  readonly features: number;
  /** sha256 of every feature and (encoded) target value and the class names. */
  readonly hash: string;
  /** Disposes the tensors this made (tensors passed in by the caller stay theirs). */
  dispose(): void;
}

const isTensor = (v: unknown): v is Tensor => typeof v === "object" && v !== null && typeof (v as Tensor).dataSync === "function" && Array.isArray((v as Tensor).shape);

function load(part: DataPart, path: string): Loaded {
  if (typeof part !== "object" || part === null) throw new LrschedError(path, "must be an object {x, y}", part);
  const where = (row: number) => (part.file ? `${part.file} row ${row + 1}` : `${path}.y[${row}]`);
  const column = part.file ? `column '${part.target ?? "target"}' of ${part.file}` : `${path}.y`;
  const x = part.x;
  let rows: number;
  let rowShape: number[];
  let xs: Float32Array | Tensor;
  if (isTensor(x)) {
    if (x.shape.length < 2) throw new LrschedError(`${path}.x`, "must have a row axis and feature axes (rank >= 2)", `shape [${x.shape.join(", ")}]`);
    rows = x.shape[0];
    rowShape = x.shape.slice(1);
    xs = x;
  } else if (Array.isArray(x)) {
    rows = x.length;
    const width = rows > 0 && Array.isArray(x[0]) ? x[0].length : 0;
    if (rows === 0 || width === 0) throw new LrschedError(`${path}.x`, "must be a non-empty array of non-empty rows of numbers");
    const flat = new Float32Array(rows * width);
    for (let r = 0; r < rows; r++) {
      const row = x[r] as readonly number[];
      if (!Array.isArray(row) || row.length !== width) throw new LrschedError(`${path}.x[${r}]`, `must be an array of ${width} numbers like row 0`, row);
      for (let c = 0; c < width; c++) {
        const v = row[c];
        if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(`${path}.x[${r}][${c}]`, "must be a finite number", v);
        flat[r * width + c] = v;
      }
    }
    rowShape = [width];
    xs = flat;
  } else if (typeof x === "object" && x !== null && (x as { values?: unknown }).values instanceof Float32Array) {
    const m = x as { values: Float32Array; shape: readonly number[] };
    rows = m.shape[0];
    rowShape = m.shape.slice(1);
    if (m.values.length !== m.shape.reduce((a, b) => a * b, 1)) throw new LrschedError(`${path}.x`, `holds ${m.values.length} values, not the ${m.shape.join(" x ")} of its shape`);
    xs = m.values;
  } else throw new LrschedError(`${path}.x`, "must be an array of rows, a tensor, or { values: Float32Array, shape }", x);
  if (rows < 1) throw new LrschedError(`${path}.x`, "must have at least one row");

  const y = part.y;
  let targets: Loaded["y"];
  if (isTensor(y)) {
    const width = y.shape.length === 1 ? 1 : y.shape.slice(1).reduce((a, b) => a * b, 1);
    targets = { values: Float32Array.from(y.dataSync() as ArrayLike<number>), width };
    if (y.shape[0] !== rows) throw new LrschedError(`${path}.y`, `must have one row per row of x (${rows})`, `shape [${y.shape.join(", ")}]`);
  } else if (y instanceof Float32Array || y instanceof Int32Array) {
    targets = { values: y instanceof Float32Array ? y : Float32Array.from(y), width: 1 };
    if (y.length !== rows) throw new LrschedError(`${path}.y`, `must have one value per row of x (${rows})`, `${y.length} values`);
  } else if (Array.isArray(y)) {
    if (y.length !== rows) throw new LrschedError(`${path}.y`, `must have one value per row of x (${rows})`, `${y.length} values`);
    if (y.every((v) => typeof v === "string")) targets = { names: y as string[] };
    else if (y.every((v) => typeof v === "number")) {
      (y as number[]).forEach((v, i) => {
        if (!Number.isFinite(v)) throw new LrschedError(where(i), "must be a finite number", v);
      });
      targets = { values: Float32Array.from(y as number[]), width: 1 };
    } else if (y.every((v) => Array.isArray(v))) {
      const width = (y[0] as number[]).length;
      const flat = new Float32Array(rows * width);
      (y as number[][]).forEach((row, r) => {
        if (row.length !== width) throw new LrschedError(`${path}.y[${r}]`, `must have ${width} values like row 0`, row);
        row.forEach((v, c) => {
          if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(`${path}.y[${r}][${c}]`, "must be a finite number", v);
          flat[r * width + c] = v;
        });
      });
      targets = { values: flat, width };
    } else throw new LrschedError(`${path}.y`, "must hold only numbers, only class names, or only rows of numbers");
  } else throw new LrschedError(`${path}.y`, "must be an array or a tensor", y);
  if ("values" in targets) {
    for (let i = 0; i < targets.values.length; i++) {
      if (!Number.isFinite(targets.values[i])) throw new LrschedError(where(Math.floor(i / targets.width)), "must be a finite number", targets.values[i]);
    }
  }
  return { rows, rowShape, x: xs, y: targets, where, column };
}

function summarize(parts: readonly Loaded[]): TargetSummary {
  if (parts.every((p) => "names" in p.y)) {
    // the training part's classes; the validation part is checked against them when encoded
    return { kind: "names", classes: [...new Set((parts[0].y as { names: readonly string[] }).names)].sort() };
  }
  const p = parts[0].y;
  if (!("values" in p)) throw new LrschedError(parts[0].column, "must hold class names in every part or numbers in every part");
  return summarizeNumbers(p.values, p.width);
}

/** Targets as training reads them: class indices (one column) or the values as given. */
function encode(part: Loaded, task: Task): { values: Float32Array; width: number } {
  const y = part.y;
  if ("names" in y) {
    const index = new Map((task.classes ?? []).map((c, i) => [c, i]));
    const out = new Float32Array(y.names.length);
    y.names.forEach((name, r) => {
      const i = index.get(name);
      if (i === undefined) throw new LrschedError(`${part.where(r)}`, `holds class '${name}', which the training rows do not have (${(task.classes ?? []).join(", ")})`);
      out[r] = i;
    });
    return { values: out, width: 1 };
  }
  if (task.loss === "sparseCategoricalCrossentropy") {
    const values = task.classValues;
    const index = values ? new Map(values.map((v, i) => [v, i])) : null;
    const out = new Float32Array(y.values.length);
    for (let r = 0; r < y.values.length; r++) {
      const v = y.values[r];
      const i = index ? index.get(v) : Number.isInteger(v) && v >= 0 && v < task.outputs ? v : undefined;
      if (i === undefined) throw new LrschedError(part.where(r), `is not one of the ${task.outputs} classes (${index ? values?.join(", ") : `0..${task.outputs - 1}`})`, v);
      out[r] = i;
    }
    return { values: out, width: 1 };
  }
  if (y.width !== task.outputs) throw new LrschedError(part.column, `must have ${task.outputs} values per row like the training rows`, `${y.width}`);
  return y;
}

/**
 * Checks `data` against a model with input rows of `inputShape` and `outputs` units, works out the
 * task (see {@link inferTask}), and makes the tensors.
 */
export function prepareData(tf: TfModule, data: SweepData, model: { inputShape: readonly (number | null)[]; outputs: number }, loss: LossName | undefined): PreparedData {
  if (typeof data !== "object" || data === null) throw new LrschedError("data", "must be {x, y} or {train: {x, y}, validation: {x, y}}", data);
  const split = "train" in data || "validation" in data;
  if (split && !("train" in data && "validation" in data)) throw new LrschedError("data", "must give both train and validation, or neither");
  const parts = split ? [load((data as { train: DataPart }).train, "data.train"), load((data as { validation: DataPart }).validation, "data.validation")] : [load(data as DataPart, "data")];
  const expected = model.inputShape.slice(1);
  for (const p of parts) {
    const fits = expected.length === p.rowShape.length && expected.every((d, i) => d === null || d === p.rowShape[i]);
    if (!fits) {
      throw new LrschedError(`model input shape [${expected.map((d) => d ?? "any").join(", ")}]`, `does not match the data's rows of shape [${p.rowShape.join(", ")}]${p.column.startsWith("column") ? ` (${p.column.replace(/^column '[^']*' of /, "")})` : ""}`);
    }
  }
  const where = parts[0].column;
  const task = inferTask(summarize(parts), model.outputs, loss, where);
  const hash = createHash("sha256");
  const made: Tensor[] = [];
  const tensors = parts.map((p) => {
    const y = encode(p, task);
    const x = p.x instanceof Float32Array ? tf.tensor(p.x, [p.rows, ...p.rowShape]) : p.x;
    if (p.x instanceof Float32Array) made.push(x);
    const yt = tf.tensor2d(y.values, [p.rows, y.width]);
    made.push(yt);
    const xv = p.x instanceof Float32Array ? p.x : (p.x.dataSync() as Float32Array);
    hash.update(JSON.stringify([p.rows, p.rowShape, y.width]));
    hash.update(new Uint8Array(xv.buffer, xv.byteOffset, xv.byteLength));
    hash.update(new Uint8Array(y.values.buffer, y.values.byteOffset, y.values.byteLength));
    return { x, y: yt, rows: p.rows };
  });
  hash.update(JSON.stringify(task.classes));
  return {
    train: tensors[0],
    validation: tensors[1] ?? null,
    task,
    features: parts[0].rowShape.reduce((a, b) => a * b, 1),
    hash: hash.digest("hex").slice(0, 20),
    dispose: () => tf.dispose(made),
  };
}
