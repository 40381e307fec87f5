import { describe, expect, it } from "vitest";
import { CHUNK, Op, RampShape, WASM_BYTES, compilePlan, encodePlan, evaluatePlan, planNode, scratchLevels, streamPlan } from "../src";
import { core } from "../src/instance";

describe("plan encoding", () => {
  it("lays nodes out as [op, size, ...params, ...children]", () => {
    const plan = planNode(Op.Join, [2, 10], [planNode(Op.Ramp, [0, 1, 10, RampShape.Linear]), planNode(Op.Constant, [1])]);
    expect(Array.from(encodePlan(plan))).toEqual([Op.Join, 13, 2, 10, Op.Ramp, 6, 0, 1, 10, 0, Op.Constant, 3, 1]);
  });
  it("counts scratch levels for nested products", () => {
    const c = planNode(Op.Constant, [2]);
    expect(scratchLevels(c)).toBe(0);
    expect(scratchLevels(planNode(Op.Multiply, [], [c, c]))).toBe(1);
    expect(scratchLevels(planNode(Op.Multiply, [], [c, planNode(Op.Multiply, [], [c, c])]))).toBe(2);
    expect(scratchLevels(planNode(Op.Multiply, [], [c, planNode(Op.LinearCosine, [1, 10, 1, 0, 0])]))).toBe(3);
  });
});

describe("evaluation", () => {
  const ramp = compilePlan(planNode(Op.Ramp, [0, 1, 100, RampShape.Linear]));

  it("writes exact linear ramps across chunk edges", () => {
    const c = evaluatePlan(ramp, 0, 3 * CHUNK + 5, "float64");
    for (const i of [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 7, 3 * CHUNK + 4]) expect(c[i]).toBe(i / 100);
  });

  it("streams in bounded chunks equal to one evaluation", () => {
    const parts = [...streamPlan(ramp, 5, 25_000, "float32", 10_000)];
    expect(parts.map((p) => p.length)).toEqual([10_000, 10_000, 5_000]);
    const whole = evaluatePlan(ramp, 5, 25_000, "float32");
    expect(Array.from(parts.flatMap((p) => Array.from(p)))).toEqual(Array.from(whole));
  });

  it("interleaved plans do not disturb each other", () => {
    const other = compilePlan(planNode(Op.Cosine, [1, 1000, 0]));
    const a1 = evaluatePlan(ramp, 0, 1000, "float64");
    evaluatePlan(other, 0, 50_000, "float64");
    const a2 = evaluatePlan(ramp, 0, 1000, "float64");
    expect(Array.from(a2)).toEqual(Array.from(a1));
  });

  it("core memory does not grow when the same curve is computed again", () => {
    const cos = compilePlan(planNode(Op.Cosine, [1, 1000, 0]));
    evaluatePlan(cos, 0, 1_000_000);
    const before = core().memory.buffer.byteLength;
    for (let i = 0; i < 20; i++) evaluatePlan(cos, 0, 1_000_000);
    expect(core().memory.buffer.byteLength).toBe(before);
  });

  it("ships a small module", () => {
    expect(WASM_BYTES).toBeGreaterThan(1000);
    expect(WASM_BYTES).toBeLessThan(64 * 1024);
  });
});
