// What TypeScript infers for curve() and chunks(), checked by `tsc --strict` (curveTypes.test.ts):
// the array type follows `out`, else `dtype`, and a plain call is the Float32Array the README shows.
import { expectTypeOf } from "vitest";
import { cosineDecay, cyclic, type CurveArray, type Dtype } from "@lrsched/ts-api";

const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });

const c: Float32Array = s.curve(10);
const d: Float64Array = s.curve(10, { dtype: "float64" });
expectTypeOf(c).toEqualTypeOf<Float32Array>();
expectTypeOf(d).toEqualTypeOf<Float64Array>();

expectTypeOf(s.curve(10)).toEqualTypeOf<Float32Array>();
expectTypeOf(s.curve(10, {})).toEqualTypeOf<Float32Array>();
expectTypeOf(s.curve(10, { start: 5 })).toEqualTypeOf<Float32Array>();
expectTypeOf(s.curve(10, { dtype: "float32" })).toEqualTypeOf<Float32Array>();
expectTypeOf(s.curve(10, { start: 5, dtype: "float64" })).toEqualTypeOf<Float64Array>();

// `out` is returned as itself, whatever `dtype` says (at run time its type sets the dtype too)
const f32 = new Float32Array(10);
const f64 = new Float64Array(10);
expectTypeOf(s.curve(10, { out: f32 })).toEqualTypeOf(f32);
expectTypeOf(s.curve(10, { out: f64 })).toEqualTypeOf(f64);
expectTypeOf(s.curve(10, { out: f32, dtype: "float64" })).toEqualTypeOf(f32);
const either: CurveArray = Math.random() < 0.5 ? f32 : f64;
expectTypeOf(s.curve(10, { out: either })).toEqualTypeOf<CurveArray>();

// a dtype only known at run time gives the union
const dtype = (Math.random() < 0.5 ? "float32" : "float64") as Dtype;
expectTypeOf(s.curve(10, { dtype })).toEqualTypeOf<CurveArray>();

for (const chunk of s.chunks(100, { chunkSize: 10 })) expectTypeOf(chunk).toEqualTypeOf<Float32Array>();
for (const chunk of s.chunks(100, { dtype: "float32" })) expectTypeOf(chunk).toEqualTypeOf<Float32Array>();
for (const chunk of s.chunks(100, { dtype: "float64" })) expectTypeOf(chunk).toEqualTypeOf<Float64Array>();
for (const chunk of s.chunks(100, { dtype })) expectTypeOf(chunk).toEqualTypeOf<CurveArray>();

// every schedule has the same overloads (a composite here)
expectTypeOf(cyclic({ baseLr: 0.001, maxLr: 0.1 }).curve(10)).toEqualTypeOf<Float32Array>();

// @ts-expect-error a default curve is a Float32Array, not a Float64Array
const wrong: Float64Array = s.curve(10);
// @ts-expect-error a float64 curve is not a Float32Array
const wrong32: Float32Array = s.curve(10, { dtype: "float64" });
// @ts-expect-error dtype names an element type
s.curve(10, { dtype: "int8" });

export { wrong, wrong32 };
