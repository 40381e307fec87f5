import type { CurveArray, Dtype } from "@lrsched/ts-api";

/**
 * Turns a stream of curve chunks into the bytes of one output format.
 *
 * @example
 * ```ts
 * import { encoderFor, type Encoder } from "@lrsched/cli";
 * const json: Encoder = encoderFor("json", "float64", {});
 * [json.header(2), json.chunk(new Float64Array([0.1, 0.05]), 0, 1, 0), json.footer()].join("").length > 0; // → true
 * ```
 */
export interface Encoder {
  /** The element type the curve is computed in for this format. */
  readonly dtype: Dtype;
  /** Bytes before the first value; `count` is the number of values that will follow. */
  header(count: number): Uint8Array | string;
  /** One chunk: `values[i]` is the rate at step `firstStep + i * every`; `index` counts values so far. */
  chunk(values: CurveArray, firstStep: number, every: number, index: number): Uint8Array | string;
  /** Bytes after the last value. */
  footer(): Uint8Array | string;
}

/** What a header may say about the run. */
export interface CurveMeta {
  readonly spec: unknown;
  readonly start: number;
  readonly every: number;
}
