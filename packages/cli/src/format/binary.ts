// Raw little-endian IEEE floats: no header, count = byte length / element size.
import { endianness } from "node:os";
import type { CurveArray, Dtype } from "@lrsched/ts-api";
import type { Encoder } from "./encoder";

const LITTLE = endianness() === "LE";

/** The little-endian bytes of `values` (a view on little-endian hosts, a swapped copy otherwise). */
export function littleEndianBytes(values: CurveArray): Uint8Array {
  if (LITTLE) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  const wide = values instanceof Float64Array;
  for (let i = 0; i < values.length; i++) {
    if (wide) view.setFloat64(i * 8, values[i], true);
    else view.setFloat32(i * 4, values[i], true);
  }
  return out;
}

/** `f32` / `f64`: the values only. */
export function rawEncoder(dtype: Dtype): Encoder {
  return {
    dtype,
    header: () => new Uint8Array(0),
    chunk: (values) => littleEndianBytes(values),
    footer: () => new Uint8Array(0),
  };
}
