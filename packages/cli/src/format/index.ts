import type { Dtype } from "@lrsched/ts-api";
import { rawEncoder } from "./binary";
import { csvEncoder } from "./csv";
import type { CurveMeta, Encoder } from "./encoder";
import { jsonEncoder } from "./json";
import { npyEncoder } from "./npy";

/**
 * The output formats of `lrsched curve`.
 *
 * @example
 * ```ts
 * import { FORMATS } from "@lrsched/cli";
 * FORMATS; // → ["csv", "json", "npy", "f32", "f64"]
 * ```
 */
export const FORMATS = ["csv", "json", "npy", "f32", "f64"] as const;
/**
 * An output format of `lrsched curve`.
 *
 * @example
 * ```ts
 * import { formatOfPath, type Format } from "@lrsched/cli";
 * const format: Format | undefined = formatOfPath("lr.npy");
 * format; // → "npy"
 * ```
 */
export type Format = (typeof FORMATS)[number];

/**
 * The format a file name implies (`x.npy` -> npy), if any.
 *
 * @example
 * ```ts
 * import { formatOfPath } from "@lrsched/cli";
 * [formatOfPath("lr.csv"), formatOfPath("lr.txt")]; // → ["csv", undefined]
 * ```
 */
export function formatOfPath(path: string | undefined): Format | undefined {
  const ext = path?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExt: Record<string, Format> = { csv: "csv", json: "json", npy: "npy", f32: "f32", f64: "f64" };
  return ext ? byExt[ext] : undefined;
}

/**
 * The encoder of `format`; `dtype` chooses npy's element type.
 *
 * @example
 * ```ts
 * import { encoderFor } from "@lrsched/cli";
 * const csv = encoderFor("csv", "float64", {});
 * csv.chunk(new Float64Array([0.1, 0.05]), 0, 1, 0); // → "0,0.1\n1,0.05\n"
 * ```
 */
export function encoderFor(format: Format, dtype: Dtype, meta: CurveMeta): Encoder {
  switch (format) {
    case "csv":
      return csvEncoder();
    case "json":
      return jsonEncoder(meta);
    case "npy":
      return npyEncoder(dtype);
    case "f32":
      return rawEncoder("float32");
    case "f64":
      return rawEncoder("float64");
  }
}

export type { Encoder, CurveMeta } from "./encoder";
export { npyHeader } from "./npy";
