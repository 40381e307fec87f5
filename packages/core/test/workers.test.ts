// The core under concurrency and load: curves computed in worker_threads and interleaved streams
// equal the same curves computed one at a time; repeating a curve does not grow core memory; a
// 1e9-step stream keeps bounded memory.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { CHUNK, Op, RampShape, compilePlan, evaluatePlan, planNode, streamPlan, type PlanNode } from "../src";
import { core } from "../src/instance";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** A spread of plans: closed forms, recurrences, joins, products, restarts. */
const PLANS: PlanNode[] = [
  planNode(Op.Cosine, [0.1, 10_000, 0.01]),
  planNode(Op.Exponential, [0.1, 700, Math.log(0.5), 0]),
  planNode(Op.Exponential, [0.1, 70, Math.log(0.9), 1]),
  planNode(Op.Polynomial, [0.1, 3333, 1e-4, 0.5, 1]),
  planNode(Op.CosineRestarts, [0.1, 1000, 2, 0.8, 0.01, 0]),
  planNode(Op.Join, [2, 500], [planNode(Op.Ramp, [0, 0.1, 500, RampShape.Linear]), planNode(Op.Cosine, [0.1, 20_000, 0])]),
  planNode(Op.Multiply, [], [planNode(Op.Cosine, [1, 5000, 0]), planNode(Op.Exponential, [0.1, 1000, Math.log(0.7), 0])]),
  planNode(Op.Piecewise, [2, 1000, 5000, 0.1, 0.05, 0.01]),
];
const COUNT = 3 * CHUNK + 123;
const START = 12_345;

/** Every plan's curve, one at a time in this thread. */
const reference = () => PLANS.map((p) => evaluatePlan(compilePlan(p), START, COUNT, "float64"));

describe.runIf(existsSync(join(DIST, "index.cjs")))("worker_threads", () => {
  it("curves computed in concurrent workers (each importing the built package) equal one-at-a-time curves", async () => {
    const want = reference();
    // each worker computes every plan several times, in a different order, and returns the last
    const source = `
      const { parentPort, workerData } = require("node:worker_threads");
      const { compilePlan, evaluatePlan } = require(workerData.dist);
      const out = [];
      for (let round = 0; round < 3; round++) {
        for (const i of workerData.order) out[i] = evaluatePlan(compilePlan(workerData.plans[i]), workerData.start, workerData.count, "float64");
      }
      parentPort.postMessage(out);
    `;
    const orders = [PLANS.map((_, i) => i), PLANS.map((_, i) => PLANS.length - 1 - i), PLANS.map((_, i) => (i * 3) % PLANS.length), PLANS.map((_, i) => (i * 5 + 1) % PLANS.length)];
    const results = await Promise.all(
      orders.map(
        (order) =>
          new Promise<Float64Array[]>((resolve, reject) => {
            const w = new Worker(source, { eval: true, workerData: { dist: join(DIST, "index.cjs"), plans: PLANS, order, start: START, count: COUNT } });
            w.once("message", resolve);
            w.once("error", reject);
          }),
      ),
    );
    for (const got of results) {
      got.forEach((curve, i) => expect(Buffer.from(curve.buffer).equals(Buffer.from(want[i].buffer)), `plan ${i}`).toBe(true));
    }
  });
});

describe("interleaving in one thread", () => {
  it("streams advanced alternately equal streams run one at a time", () => {
    const want = PLANS.map((p) => [...streamPlan(compilePlan(p), START, COUNT, "float64", 777)]);
    const gens = PLANS.map((p) => streamPlan(compilePlan(p), START, COUNT, "float64", 777));
    const got: Float64Array[][] = PLANS.map(() => []);
    let live = gens.length;
    // a shifting, uneven order so different plans share the core memory between chunks
    for (let round = 0; live > 0; round++) {
      live = 0;
      for (let j = 0; j < gens.length; j++) {
        const i = (j * 3 + round) % gens.length;
        const next = gens[i].next();
        if (!next.done) {
          got[i].push(next.value as Float64Array);
          live++;
        }
      }
    }
    got.forEach((chunks, i) => {
      expect(chunks.length).toBe(want[i].length);
      chunks.forEach((c, k) => expect(Buffer.from(c.buffer).equals(Buffer.from(want[i][k].buffer)), `plan ${i} chunk ${k}`).toBe(true));
    });
  });

  it("a mix of dtypes and caller buffers between chunks does not disturb a stream", () => {
    const plan = compilePlan(PLANS[4]);
    const want = evaluatePlan(plan, START, COUNT, "float64");
    const got = new Float64Array(COUNT);
    let off = 0;
    for (const chunk of streamPlan(plan, START, COUNT, "float64", 1000)) {
      got.set(chunk, off);
      off += chunk.length;
      evaluatePlan(compilePlan(PLANS[off % PLANS.length]), off, 4096, "float32");
      evaluatePlan(compilePlan(PLANS[5]), 0, 17, "float64", new Float64Array(20));
    }
    expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer))).toBe(true);
  });
});

describe("memory", () => {
  it("repeating the same curve does not grow the core's memory", () => {
    const plan = compilePlan(PLANS[6]);
    for (let i = 0; i < 5; i++) evaluatePlan(plan, 0, 4 * CHUNK, "float32");
    const before = core().memory.buffer.byteLength;
    for (let i = 0; i < 500; i++) evaluatePlan(plan, i, 4 * CHUNK, i % 2 ? "float32" : "float64");
    expect(core().memory.buffer.byteLength).toBe(before);
  });

  // Slow on purpose (~10-20 s): a billion steps streamed in a child process, whose RSS is sampled.
  it.runIf(existsSync(join(DIST, "index.js")))("SLOW: a 1e9-step stream keeps bounded memory", { timeout: 120_000 }, () => {
    const script = `
      import { compilePlan, planNode, streamPlan, Op } from ${JSON.stringify(join(DIST, "index.js"))};
      const plan = compilePlan(planNode(Op.Cosine, [0.1, 1e9, 0]));
      let n = 0, sum = 0, base = 0, peak = 0, i = 0;
      for (const chunk of streamPlan(plan, 0, 1e9, "float32", 1 << 20)) {
        n += chunk.length;
        sum += chunk[0];
        if (i === 8) base = process.memoryUsage().rss;
        if (i++ % 64 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
      console.log(JSON.stringify({ n, finite: Number.isFinite(sum), base, peak, heap: process.memoryUsage().heapUsed }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 110_000 });
    expect(r.status, r.stderr).toBe(0);
    const { n, finite, base, peak, heap } = JSON.parse(r.stdout) as { n: number; finite: boolean; base: number; peak: number; heap: number };
    expect(n).toBe(1e9);
    expect(finite).toBe(true);
    // each chunk is 4 MiB; a leak of one per chunk would pass 4 GB. Allow 64 MiB of drift.
    expect(peak - base).toBeLessThan(64 << 20);
    expect(heap).toBeLessThan(128 << 20);
  });
});
