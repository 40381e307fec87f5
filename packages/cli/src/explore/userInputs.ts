// Your model and your data from the command line: the flags `sweep` and `find` share, and loading
// what they name (each failure one line naming the file, row and column, or the layer).
import type { DataPart, ModelTopology, SweepData } from "@lrsched/explore";
import type { OptionSpec, Options } from "../args";
import { UsageError } from "../errors";

export const USER_INPUT_OPTIONS: readonly OptionSpec[] = [
  { name: "model", kind: "value", placeholder: "FILE", doc: "Model topology JSON: tfjs model.toJSON(), a tfjs model.json, or Keras model.to_json() (weights are drawn from the seed)." },
  { name: "data", kind: "value", placeholder: "FILE", doc: "Training data: CSV with a header row, or JSON Lines (.jsonl)." },
  { name: "target", kind: "value", placeholder: "COLUMN", doc: "The column to predict (every other column is a numeric feature)." },
  { name: "ignore", kind: "value", placeholder: "COL[,COL...]", doc: "Columns that are not features (ids, dates); a CSV's unnamed first column (pandas' index) is skipped anyway." },
  { name: "validation", kind: "value", placeholder: "FILE", doc: "Validation data with the same columns (default: split off --data)." },
  { name: "val-fraction", kind: "value", placeholder: "F", doc: "Share of --data held out for validation per seed (default 0.2)." },
  { name: "loss", kind: "value", placeholder: "NAME", doc: "Loss, e.g. sparseCategoricalCrossentropy, mse (default: read off the target and the model)." },
];

/** Where your model and data are, from a config or the flags. */
export interface UserInputs {
  readonly model: string;
  readonly data: string;
  readonly target: string;
  readonly ignore?: readonly string[];
  readonly validation?: string;
  readonly validationFraction?: number;
}

/** The flags' model and data, or undefined when neither --model nor --data is given (the built-in MNIST). */
export function userInputsFromFlags(opts: Options): UserInputs | undefined {
  const model = opts.string("model");
  const data = opts.string("data");
  const given = ["target", "ignore", "validation", "val-fraction"].find((f) => opts.has(f));
  if (model === undefined && data === undefined) {
    if (given) throw new UsageError(`--${given} applies only with --model and --data (your model and data)`);
    return undefined;
  }
  if (model === undefined) throw new UsageError("--data needs --model FILE too (the model to train on it)");
  if (data === undefined) throw new UsageError("--model needs --data FILE too (the data to train it on)");
  const target = opts.string("target");
  if (target === undefined) throw new UsageError("--data needs --target COLUMN (the column to predict)");
  const validation = opts.string("validation");
  const fraction = opts.has("val-fraction") ? opts.number("val-fraction", 0.2, (v) => v > 0 && v < 1, "a number between 0 and 1 (exclusive)") : undefined;
  if (validation !== undefined && fraction !== undefined) throw new UsageError("--val-fraction cannot be given together with --validation (a separate validation file)");
  const rawIgnore = opts.string("ignore");
  const ignore = rawIgnore === undefined ? undefined : rawIgnore.split(",").map((c) => c.trim());
  if (ignore?.some((c) => c === "")) opts.fail("ignore", "column names separated by commas", rawIgnore as string);
  return {
    model,
    data,
    target,
    ...(ignore === undefined ? {} : { ignore }),
    ...(validation === undefined ? {} : { validation }),
    ...(fraction === undefined ? {} : { validationFraction: fraction }),
  };
}

/** Reads the topology and the table(s). */
export async function loadUserInputs(u: UserInputs): Promise<{ model: ModelTopology; data: SweepData }> {
  const { loadModelTopology, loadTable } = await import("@lrsched/explore");
  const model = await loadModelTopology(u.model);
  const columns = { target: u.target, ...(u.ignore ? { ignore: u.ignore } : {}) };
  const train: DataPart = await loadTable(u.data, columns);
  if (u.validation === undefined) return { model, data: train };
  const validation: DataPart = await loadTable(u.validation, columns);
  return { model, data: { train, validation } };
}
