// curve() allocates at most MAX_CURVE_BYTES (4 GiB): curve(1e9, {dtype: 'float64'}) (8 GB) fails
// at once with advice to stream, as float32 does at its own limit, instead of allocating and
// filling 8 GB. chunks() and an `out` array have no such limit.
import { describe, expect, it } from "vitest";
import { LrschedError, constant, cosineDecay } from "../src";
import { caught } from "../../../tools/test/caught";

describe("the largest curve() array", () => {
  const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1e9 });

  it("curve(1e9, float64) is refused before anything is allocated, advising chunks()", () => {
    const e = caught(() => s.curve(1e9, { dtype: "float64" })) as LrschedError;
    expect(e).toBeInstanceOf(LrschedError);
    expect(e.path).toBe("count");
    expect(e.message).toBe("count is too large for one array (1000000000 float64 values, over curve()'s 4 GiB limit): use chunks() to stream it, or pass an out array, got 1000000000");
  });

  it("float32 at the same byte limit: 2^30 values pass the check, 2^30 + 1 do not", () => {
    expect(caught(() => s.curve(2 ** 30 + 1))).toBeInstanceOf(LrschedError);
    expect(caught(() => constant({ value: 1 }).curve(2 ** 29 + 1, { dtype: "float64" }))).toBeInstanceOf(LrschedError);
  });

  it("chunks() streams the same 1e9 float64 steps a chunk at a time", () => {
    const first = s.chunks(1e9, { dtype: "float64", chunkSize: 1000 }).next().value!;
    expect(first).toHaveLength(1000);
    expect(first[0]).toBe(0.1);
  });
});
