import { describe, expect, it } from "vitest";
import { Op, RampShape, compilePlan, encodePlan, evaluatePlan, planNode, type PlanNode } from "../src";
import { core } from "../src/instance";

const constant = (v: number) => planNode(Op.Constant, [v]);
const piecewise = (bounds: number[], values: number[]) => planNode(Op.Piecewise, [bounds.length, ...bounds, ...values]);
const stairs = (lr: number, d: number, k: number) => planNode(Op.Exponential, [lr, d, k, 1]);
const inverseStairs = (lr: number, d: number, rate: number) => planNode(Op.InverseTime, [lr, d, rate, 1]);
const cosine = (lr: number, d: number, alpha: number) => planNode(Op.Cosine, [lr, d, alpha]);
const polynomial = (lr: number, d: number, end: number, power: number, cycle: boolean) =>
  planNode(Op.Polynomial, [lr, d, end, power, cycle ? 1 : 0]);
const ramp = (from: number, to: number, steps: number) => planNode(Op.Ramp, [from, to, steps, RampShape.Linear]);
const join = (bounds: number[], children: PlanNode[]) => planNode(Op.Join, [children.length, ...bounds], children);

const plans: [string, PlanNode][] = [
  ["constant", constant(0.3)],
  ["piecewise", piecewise([5000, 12_345.5, 40_000], [1, 0.5, 0.25, 0.1])],
  ["exponential staircase", stairs(0.1, 3000, Math.log(0.9))],
  ["inverse-time staircase", inverseStairs(0.1, 7777, 0.5)],
  ["cosine tail", cosine(0.1, 20_000, 0.01)],
  ["polynomial tail", polynomial(0.1, 9000, 0.001, 2, false)],
  ["polynomial cycle (never constant)", polynomial(0.1, 9000, 0.001, 2, true)],
  ["linear cosine tail", planNode(Op.LinearCosine, [0.1, 15_000, 2, 0, 0.001])],
  ["join(ramp, staircase, piecewise)", join([2500, 30_000], [ramp(0, 0.1, 2500), stairs(0.1, 2600, Math.log(0.5)), piecewise([4000], [0.02, 0.01])])],
  ["multiply(piecewise, staircase)", planNode(Op.Multiply, [], [piecewise([10_000], [1, 0.1]), stairs(1, 4096, Math.log(0.8))])],
  ["scale(piecewise), f32 factors", planNode(Op.Multiply, [], [piecewise([10_000], [0.3, 0.6]), constant(0.7)])],
  ["multiply(staircase, cosine tail), f32 factors", planNode(Op.Multiply, [], [stairs(1, 4096, Math.log(0.8)), cosine(0.3, 20_000, 0.1)])],
  ["clamp(staircase)", planNode(Op.Clamp, [0.02, 0.08], [stairs(0.1, 5000, Math.log(0.7))])],
  ["shift(piecewise)", planNode(Op.Shift, [1234.25], [piecewise([3000, 20_000], [3, 2, 1])])],
  ["repeat(join(ramp, constant))", planNode(Op.Repeat, [17_000], [join([3000], [ramp(0, 1, 3000), constant(1)])])],
];

/** The same steps in pieces too short for the fill path (a run is filled only from 2048 steps). */
function inSmallPieces(plan: ReturnType<typeof compilePlan>, start: number, count: number, dtype: "float32" | "float64") {
  const out = dtype === "float32" ? new Float32Array(count) : new Float64Array(count);
  for (let done = 0; done < count; done += 1000) {
    out.set(evaluatePlan(plan, start + done, Math.min(1000, count - done), dtype), done);
  }
  return out;
}

/** Index of the first element whose bits differ, or -1. */
function firstDifference(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return x.length === y.length ? -1 : x.length;
}

describe("runs of one value", () => {
  it("constantRun reports the steps left in a run, and 0 for smooth stretches", () => {
    const c = core();
    const at = c.heapBase();
    const measure = (node: PlanNode, start: number, limit: number) => {
      const words = encodePlan(node);
      new Float64Array(c.memory.buffer, at, words.length).set(words);
      return c.constantRun(at, start, limit);
    };
    const pw = piecewise([5000, 12_345.5], [1, 0.5, 0.25]);
    expect(measure(pw, 0, 1e9)).toBe(5001); // steps 0 .. 5000 hold values[0]
    expect(measure(pw, 5001, 1e9)).toBe(12_346 - 5001); // through 12345 (<= 12345.5)
    expect(measure(pw, 20_000, 1e9)).toBe(1e9);
    expect(measure(pw, 0, 100)).toBe(100);
    expect(measure(stairs(1, 3000, -0.1), 2999, 1e9)).toBe(1);
    expect(measure(stairs(1, 3000, -0.1), 3000, 1e9)).toBe(3000);
    expect(measure(cosine(1, 100, 0), 99, 1e9)).toBe(0);
    expect(measure(cosine(1, 100, 0), 100, 1e9)).toBe(1e9);
    expect(measure(planNode(Op.Exponential, [1, 100, -0.1, 0]), 0, 1e9)).toBe(0);
  });

  for (const [name, node] of plans) {
    it(`${name}: filled runs equal the kernels' values bit for bit`, () => {
      const plan = compilePlan(node);
      for (const start of [0, 1, 4999, 29_999, 123_457]) {
        for (const dtype of ["float64", "float32"] as const) {
          const whole = evaluatePlan(plan, start, 60_000, dtype);
          expect(firstDifference(whole, inSmallPieces(plan, start, 60_000, dtype)), `${name} from ${start} (${dtype})`).toBe(-1);
        }
      }
    });
  }
});
