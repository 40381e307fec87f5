import type { Dtype } from "@lrsched/ts-api";
import { rawEncoder } from "./binary";
import { csvEncoder } from "./csv";
import type { CurveMeta, Encoder } from "./encoder";
import { jsonEncoder } from "./json";
import { npyEncoder } from "./npy";

export const FORMATS = ["csv", "json", "npy", "f32", "f64"] as const;
export type Format = (typeof FORMATS)[number];

/** The format a file name implies (`x.npy` -> npy), if any. */
export function formatOfPath(path: string | undefined): Format | undefined {
  const ext = path?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExt: Record<string, Format> = { csv: "csv", json: "json", npy: "npy", f32: "f32", f64: "f64" };
  return ext ? byExt[ext] : undefined;
}

/** The encoder of `format`; `dtype` chooses npy's element type. */
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
