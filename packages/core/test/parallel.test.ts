// evaluatePlanParallel: shares evaluated at once by this thread and helper worker_threads must
// give the serial curve bit for bit, into every kind of output; failures must surface, not hang.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CurveArray, Dtype, PlanNode } from "../src";

// the helper threads run the built package's worker entry: the test uses the built package
const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const BUILT = existsSync(join(DIST, "parallelWorker.js"));
const core: typeof import("../src") = BUILT ? await import(join(DIST, "index.js")) : await import("../src");
const { MIN_SHARE, Op, RampShape, allocateCurve, compilePlan, evaluatePlan, evaluatePlanParallel, planNode, threadsFor } = core;

const PLANS: PlanNode[] = [
  planNode(Op.Cosine, [0.1, 900_000, 0.01]),
  planNode(Op.Join, [2, 5000], [planNode(Op.Ramp, [0, 0.1, 5000, RampShape.Linear]), planNode(Op.Cosine, [0.1, 2e6, 0])]),
  planNode(Op.CosineRestarts, [0.1, 1000, 2, 0.8, 0.01, 0]),
  planNode(Op.Polynomial, [0.1, 33_333, 1e-4, 0.5, 1]),
  planNode(Op.Multiply, [], [planNode(Op.Cosine, [1, 5000, 0]), planNode(Op.Exponential, [0.1, 1e5, Math.log(0.7), 0])]),
  planNode(Op.Piecewise, [2, 100_000, 500_000, 0.1, 0.05, 0.01]),
  planNode(Op.NoisyLinearCosine, [0.1, 3e5, 2, 0, 0.001, 0.01, 0.55, 7]),
];
const COUNT = 4 * MIN_SHARE + 12_345; // splits on any machine with two cores or more
const START = 77_777;

const bytes = (a: CurveArray) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe.runIf(BUILT)("evaluatePlanParallel", () => {
  it("splits a long range over this thread and one helper per further core", () => {
    expect(threadsFor(COUNT)).toBe(Math.min(availableParallelism(), 4));
    expect(threadsFor(MIN_SHARE)).toBe(1);
  });

  for (const dtype of ["float32", "float64"] as Dtype[]) {
    it(`gives the serial ${dtype} curve bit for bit, in a new array on a SharedArrayBuffer of its own`, () => {
      PLANS.forEach((p, i) => {
        const plan = compilePlan(p);
        const got = evaluatePlanParallel(plan, START, COUNT, dtype);
        // every thread writes (and faults in) its own share of a new array
        expect(got.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect([got.byteOffset, got.length, got.buffer.byteLength]).toEqual([0, COUNT, COUNT * got.BYTES_PER_ELEMENT]);
        // a range that is not split comes back in an ordinary array
        expect(evaluatePlanParallel(plan, START, MIN_SHARE, dtype).buffer).toBeInstanceOf(ArrayBuffer);
        expect(bytes(got).equals(bytes(evaluatePlan(plan, START, COUNT, dtype))), `plan ${i}`).toBe(true);
      });
    });
  }

  it("fills every kind of out: shared, ordinary, allocateCurve's, a subarray; the rest untouched", () => {
    const plan = compilePlan(PLANS[1]);
    const want = evaluatePlan(plan, START, COUNT);
    const outs: CurveArray[] = [
      new Float32Array(new SharedArrayBuffer((COUNT + 2) * 4)),
      new Float32Array(COUNT + 2),
      allocateCurve(COUNT + 2),
      new Float32Array(COUNT + 10).subarray(3, COUNT + 5),
    ];
    for (const out of outs) {
      out.fill(-1);
      expect(evaluatePlanParallel(plan, START, COUNT, "float32", out)).toBe(out);
      expect(bytes(out.subarray(0, COUNT)).equals(bytes(want))).toBe(true);
      expect(Array.from(out.subarray(COUNT))).toEqual([-1, -1]);
    }
  });

  it("a range longer than one round of staged shares goes round by round, bit for bit", () => {
    const plan = compilePlan(PLANS[2]);
    const n = 9_000_001; // more than two rounds of 2^21 steps per thread on two cores
    const got = evaluatePlanParallel(plan, START, n);
    expect(bytes(got).equals(bytes(evaluatePlan(plan, START, n)))).toBe(true);
  });

  it("short ranges are evaluated serially into an ordinary array", () => {
    const got = evaluatePlanParallel(compilePlan(PLANS[0]), 0, 1000);
    expect(got.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(got)).toEqual(Array.from(evaluatePlan(compilePlan(PLANS[0]), 0, 1000)));
  });

  it("a helper's failure is thrown here, and the pool keeps working", () => {
    // a plan the core cannot lay out in its memory (scratch levels beyond 4 GiB) fails in the
    // helper as on this thread
    const plan = { words: compilePlan(PLANS[0]).words, levels: 70_000 };
    expect(() => evaluatePlanParallel(plan, 0, COUNT)).toThrow(/cannot grow memory/);
    const ok = compilePlan(PLANS[0]);
    expect(bytes(evaluatePlanParallel(ok, 0, COUNT)).equals(bytes(evaluatePlan(ok, 0, COUNT)))).toBe(true);
  });
});
