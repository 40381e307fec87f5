// Arrays from allocateCurve live in WebAssembly memory of their own and are evaluated in place:
// the values must be exactly those an ordinary array receives, for every plan and chunking, and
// the arrays must stay valid however they are used.
import { describe, expect, it } from "vitest";
import { CHUNK, Op, RampShape, allocateCurve, compilePlan, evaluatePlan, planNode, type CurveArray, type Dtype, type PlanNode } from "../src";

const PLANS: PlanNode[] = [
  planNode(Op.Cosine, [0.1, 50_000, 0.01]),
  planNode(Op.Exponential, [0.1, 700, Math.log(0.5), 0]),
  planNode(Op.Exponential, [0.1, 70, Math.log(0.9), 1]),
  planNode(Op.Polynomial, [0.1, 3333, 1e-4, 0.5, 1]),
  planNode(Op.CosineRestarts, [0.1, 1000, 2, 0.8, 0.01, 0]),
  planNode(Op.LinearCosine, [0.1, 40_000, 3, 0, 0.001]),
  planNode(Op.Cyclic, [0.001, 0.1, 300, 300, 2, 0.9999]),
  planNode(Op.Join, [2, 500], [planNode(Op.Ramp, [0, 0.1, 500, RampShape.Linear]), planNode(Op.Cosine, [0.1, 20_000, 0])]),
  planNode(Op.Multiply, [], [planNode(Op.Cosine, [1, 5000, 0]), planNode(Op.Exponential, [0.1, 1000, Math.log(0.7), 0])]),
  planNode(Op.Piecewise, [2, 1000, 5000, 0.1, 0.05, 0.01]),
  planNode(Op.NoisyLinearCosine, [0.1, 30_000, 2, 0, 0.001, 0.01, 0.55, 7]),
];
const COUNT = 3 * CHUNK + 4321;
const START = 98_765;

const bytes = (a: CurveArray) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("allocateCurve", () => {
  for (const dtype of ["float32", "float64"] as Dtype[]) {
    it(`evaluates ${dtype} in place, bit for bit what an ordinary array receives`, () => {
      const buf = allocateCurve(COUNT, dtype);
      expect(buf).toBeInstanceOf(dtype === "float32" ? Float32Array : Float64Array);
      expect(buf.length).toBe(COUNT);
      PLANS.forEach((p, i) => {
        const plan = compilePlan(p);
        const want = evaluatePlan(plan, START, COUNT, dtype);
        expect(evaluatePlan(plan, START, COUNT, dtype, buf)).toBe(buf);
        expect(bytes(buf).equals(bytes(want)), `plan ${i}`).toBe(true);
      });
    });
  }

  it("any chunking in place equals the whole, and other plans in between change nothing", () => {
    const plan = compilePlan(PLANS[4]);
    const want = evaluatePlan(plan, START, COUNT);
    const buf = allocateCurve(COUNT);
    const other = compilePlan(PLANS[0]);
    for (let done = 0, k = 0; done < COUNT; k++) {
      const n = Math.min([1, 17, 4096, 9000][k % 4], COUNT - done);
      evaluatePlan(plan, START + done, n, "float32", buf.subarray(done, done + n));
      evaluatePlan(other, 0, 100, "float32", allocateCurve(100)); // another buffer, another instance
      done += n;
    }
    expect(bytes(buf).equals(bytes(want))).toBe(true);
  });

  it("leaves the values around the written range alone", () => {
    const buf = allocateCurve(1000, "float64").fill(-1);
    evaluatePlan(compilePlan(PLANS[0]), 0, 500, "float64", buf.subarray(200, 700));
    expect(buf.subarray(0, 200).every((v) => v === -1)).toBe(true);
    expect(buf.subarray(700).every((v) => v === -1)).toBe(true);
    expect(buf.subarray(200, 700)).toEqual(evaluatePlan(compilePlan(PLANS[0]), 0, 500, "float64"));
  });

  it("a plan too large for the room before the values is evaluated through the shared core, correctly", () => {
    // 200k boundaries: 3.2 MB of plan words, more than a buffer keeps for its plan
    const bounds = Array.from({ length: 200_000 }, (_, i) => (i + 1) * 10);
    const plan = compilePlan(planNode(Op.Piecewise, [bounds.length, ...bounds, ...bounds.map((_, i) => 1 / (i + 1)), 0]));
    const buf = allocateCurve(50_000);
    evaluatePlan(plan, 0, 50_000, "float32", buf);
    expect(bytes(buf).equals(bytes(evaluatePlan(plan, 0, 50_000, "float32")))).toBe(true);
  });

  it("the array never detaches: its memory does not grow", () => {
    const buf = allocateCurve(10);
    const { buffer } = buf;
    for (const p of PLANS) evaluatePlan(compilePlan(p), 0, 10, "float32", buf);
    evaluatePlan(compilePlan(PLANS[0]), 0, 200_000); // the shared core grows meanwhile
    expect(buf.buffer).toBe(buffer);
    expect(buf.length).toBe(10);
  });

  it("refuses counts that are not non-negative integers or do not fit in 4 GiB", () => {
    expect(allocateCurve(0)).toHaveLength(0);
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 30, 2 ** 29 + 1e8]) {
      expect(() => allocateCurve(bad, bad === 2 ** 29 + 1e8 ? "float64" : "float32"), String(bad)).toThrow(RangeError);
    }
  });
});
