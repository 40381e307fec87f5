// NumPy .npy, format version 1.0: magic, a little-endian u16 header length, a Python dict literal
// padded with spaces so the data starts on a 64-byte boundary, then the raw array.
import type { Dtype } from "@lrsched/ts-api";
import { littleEndianBytes } from "./binary";
import type { Encoder } from "./encoder";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64;

/**
 * The .npy v1.0 header of a 1-D little-endian float array of `count` elements.
 *
 * @example
 * ```ts
 * import { npyHeader } from "@lrsched/cli";
 * const header = npyHeader("float32", 10);
 * header.length % 64; // → 0
 * String.fromCharCode(...header.slice(1, 6)); // → "NUMPY"
 * ```
 */
export function npyHeader(dtype: Dtype, count: number): Uint8Array {
  const descr = dtype === "float32" ? "<f4" : "<f8";
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${count},), }`;
  const fixed = MAGIC.length + 2 + 2; // magic, version, header length
  const total = Math.ceil((fixed + dict.length + 1) / ALIGN) * ALIGN;
  const text = dict.padEnd(total - fixed - 1, " ") + "\n";
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out[6] = 1; // major version
  out[7] = 0; // minor version
  out[8] = text.length & 0xff;
  out[9] = text.length >>> 8;
  for (let i = 0; i < text.length; i++) out[fixed + i] = text.charCodeAt(i);
  return out;
}

export function npyEncoder(dtype: Dtype): Encoder {
  return {
    dtype,
    header: (count) => npyHeader(dtype, count),
    chunk: (values) => littleEndianBytes(values),
    footer: () => new Uint8Array(0),
  };
}
