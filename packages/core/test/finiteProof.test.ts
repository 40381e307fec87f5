// Chunks written by cubic blocks skip the finite test (their bounds prove every value finite):
// rates that overflow must still be refused wherever they come from, in place and copied alike.
import { describe, expect, it } from "vitest";
import { CurveValueError, Op, allocateCurve, compilePlan, evaluatePlan, planNode, type Dtype } from "../src";

const cosine = (lr: number) => planNode(Op.Cosine, [lr, 1e6, 0]);
const COUNT = 20_000;

/** The error evaluatePlan throws for `plan` (into a new array and in place), or undefined. */
function refusal(plan: ReturnType<typeof compilePlan>, dtype: Dtype): (CurveValueError | undefined)[] {
  return [undefined, allocateCurve(COUNT, dtype)].map((out) => {
    try {
      evaluatePlan(plan, 0, COUNT, dtype, out);
      return undefined;
    } catch (e) {
      if (!(e instanceof CurveValueError)) throw e;
      return e;
    }
  });
}

describe("the finite proof of cubic blocks", () => {
  it("a product of two proven waves beyond float32's range is refused as float32, kept as float64", () => {
    const plan = compilePlan(planNode(Op.Multiply, [], [cosine(1e30), cosine(1e30)]));
    for (const e of refusal(plan, "float32")) {
      expect(e?.step).toBe(0);
      expect(e?.float32).toBe(true);
    }
    expect(refusal(plan, "float64")).toEqual([undefined, undefined]);
  });

  it("a product of two proven waves beyond float64's range is refused", () => {
    const plan = compilePlan(planNode(Op.Multiply, [], [cosine(1e200), cosine(1e200)]));
    for (const e of refusal(plan, "float64")) expect(e?.value).toBe(Infinity);
  });

  it("a kernel's float32 values scaled beyond float32's range are refused; float64 keeps them", () => {
    const plan = compilePlan(planNode(Op.Multiply, [], [cosine(1e30), planNode(Op.Constant, [1e10])]));
    for (const e of refusal(plan, "float32")) expect(e?.float32).toBe(true);
    expect(refusal(plan, "float64")).toEqual([undefined, undefined]);
    expect(evaluatePlan(plan, 0, 1, "float64")[0]).toBeCloseTo(1e40, -30);
  });

  it("a clamp whose lower bound is beyond float32's range is refused as float32", () => {
    const plan = compilePlan(planNode(Op.Clamp, [1e39, 2e39], [cosine(1)]));
    for (const e of refusal(plan, "float32")) expect(e?.float32).toBe(true);
    expect(evaluatePlan(plan, 0, 3, "float64")[1]).toBe(1e39);
  });

  it("a wave just inside float32's range passes; one just beyond it is refused at its first step", () => {
    expect(refusal(compilePlan(cosine(3e38)), "float32")).toEqual([undefined, undefined]);
    for (const e of refusal(compilePlan(cosine(3.5e38)), "float32")) expect(e?.step).toBe(0);
  });
});
