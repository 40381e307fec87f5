// Valid options whose restart periods overflow (tMul 1e308: the period index estimate is
// Infinity) once made the period search spin forever, in at() and in the core alike. Each case runs
// in a worker under a generous limit, so a hang fails the test instead of stalling the run.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { valueOf as value, watchdog } from "../../../tools/test/watchdog";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.cjs");
const dog = watchdog({ ts: dist });
afterAll(() => dog.close());

describe("restart periods that overflow end the search", () => {
  it("cosineDecayRestarts tMul 1e308: at(2) is in the second period, at its peak", async () => {
    const v = value(await dog.run(`return lib.ts.cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 1, tMul: 1e308 }).at(2);`));
    // period 1 starts at step 1 and lasts 1e308 steps: step 2 is 1e-308 of the way in
    expect(v).toBe(0.1);
  });

  it("cosineDecayRestarts tMul 1e300 at step 1e9", async () => {
    const v = value(await dog.run(`return lib.ts.cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 1, tMul: 1e300 }).at(1e9);`));
    expect(v).toBe(0.1);
  });

  it("cosineDecayRestarts tMul 1e308: curve(1, {start: 200}) in the core equals at(200)", async () => {
    const [curve, at] = value(await dog.run(`
      const s = lib.ts.cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 1e308 });
      return [Array.from(s.curve(1, { start: 200, dtype: "float64" })), s.at(200)];
    `)) as [number[], number];
    expect(at).toBe(0.1);
    expect(curve[0]).toBeCloseTo(at, 12);
  });

  it("cosineDecayRestarts tMul 1e308: a curve longer than one core chunk (8,193+ steps)", async () => {
    const [curve, at] = value(await dog.run(`
      const s = lib.ts.cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 1e308 });
      const c = s.curve(20000, { dtype: "float64" });
      return [[c[0], c[50], c[8192], c[19999]], [s.at(0), s.at(50), s.at(8192), s.at(19999)]];
    `)) as [number[], number[]];
    for (let i = 0; i < at.length; i++) expect(curve[i]).toBeCloseTo(at[i], 12);
    expect(at[2]).toBe(0.1);
  });

  it("sgdr with a huge tMul, with and without warm-up, in at() and the core", async () => {
    for (const tMul of [1e308, Number.MAX_VALUE, 1e200]) {
      for (const warmupSteps of [0, 10]) {
        const [curve, at] = value(await dog.run(`
          const s = lib.ts.sgdr({ initialLearningRate: 0.1, firstDecaySteps: 100, tMul: ${tMul}, warmupSteps: ${warmupSteps} });
          const steps = [0, 99, 100, 105, 8193, 1e9, 2 ** 53 - 1];
          return [steps.map((t) => s.curve(1, { start: t, dtype: "float64" })[0]), steps.map((t) => s.at(t))];
        `)) as [number[], number[]];
        for (let i = 0; i < at.length; i++) {
          expect(Number.isFinite(at[i])).toBe(true);
          expect(curve[i]).toBeCloseTo(at[i], 12);
        }
      }
    }
  });
});
