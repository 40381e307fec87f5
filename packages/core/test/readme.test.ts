// The numbers of this package's README, computed or read from the sources that define them.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHUNK, MIN_SHARE, Op, RampShape, compilePlan, evaluatePlan, planNode } from "../src/index";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(join(PACKAGE, "README.md"), "utf8").replace(/\s*\n\s*/g, " ");
/** A numeric constant `const NAME = value` of an AssemblyScript source. */
const constant = (file: string, name: string) =>
  Number(readFileSync(join(PACKAGE, "assembly", file), "utf8").match(new RegExp(`const ${name}(?::\\s*\\w+)?\\s*=\\s*([\\d.e+-]+)`))?.[1]);

describe("README.md", () => {
  it("the chunk size", () => {
    expect(readme).toContain(`in chunks of \`CHUNK\` (${CHUNK}) steps`);
  });

  it("the anchor grid of the recurrences", () => {
    expect(readme).toContain(`re-anchored from exact values every ${constant("anchor.ts", "ANCHOR")} steps`);
  });

  it("the cubic blocks, their quarters and their accuracy for each output type", () => {
    const block = constant("blocks.ts", "BLOCK");
    const sub = constant("blocks.ts", "SUB");
    expect(readme).toContain(`as blocks of ${block} steps (then quarters of ${block / 4} and of ${sub} steps)`);
    expect(block / sub).toBe(16);
    expect(readme).toContain(`Blocks sit at fixed multiples of ${block} in the step`);
    const f32 = constant("cubicBlock.ts", "APPROX_F32").toExponential();
    const f64 = constant("cubicBlock.ts", "APPROX_F64").toExponential();
    expect(readme).toContain(`must stay under ${f32} (f32 output) or ${f64} (f64 output)`);
  });

  it("the interpolant blocks of k-decay, and their check", () => {
    const block = constant("blocks.ts", "BLOCK");
    const sub = constant("blocks.ts", "SUB");
    expect(readme).toContain(`cubic interpolants on ${block}-step blocks, split into quarters of ${block / 4} and ${sub} steps`);
    expect(block / sub).toBe(16);
    expect(readme).toContain(`misses the ${constant("smooth.ts", "TOL").toExponential()} check`);
  });

  it("the size of the wasm module", () => {
    const bytes = statSync(join(PACKAGE, "build", "lrsched.wasm")).size;
    expect(readme).toContain(`(${(bytes / 1000).toFixed(1)} KB of wasm, embedded as base64)`);
  });

  it("the room an allocateCurve array keeps for a plan, and the parallel share", () => {
    const work = Number(readFileSync(join(PACKAGE, "src", "curveBuffer.ts"), "utf8").match(/const WORK_BYTES = 1 << (\d+);/)?.[1]);
    expect(readme).toContain(`[static data | ${2 ** work / 2 ** 20} MiB for a plan and its scratch | the values]`);
    expect(readme).toContain(`Ranges shorter than \`MIN_SHARE\` (2^${Math.log2(MIN_SHARE)}) steps per thread`);
    const source = (file: string) => readFileSync(join(PACKAGE, "src", file), "utf8");
    const round = Number(source("shares.ts").match(/const ROUND = 1 << (\d+);/)?.[1]);
    expect(readme).toContain(`2^${round} steps per helper and round`);
    const collect = Number(source("parallelWorker.ts").match(/const COLLECT_BYTES = (\d+) << 20;/)?.[1]);
    expect(readme).toContain(`after every ${collect} MB of a caller's own buffers`);
  });

  it("the browser bundle's sizes, as tools/bench/bundle.mjs measures them", async () => {
    // @ts-expect-error plain ESM without declarations
    const { measureBundle } = await import("../../../tools/bench/bundle.mjs");
    const b = (await measureBundle()) as { gzipBytes: number; wasmBytes: number; wasmGzipBytes: number; inlinedWasm: boolean };
    expect(b.inlinedWasm).toBe(false);
    expect(readme).toContain(
      `calling \`at()\` is ${(b.gzipBytes / 1024).toFixed(1)} KiB gzipped, the asset ${(b.wasmBytes / 1000).toFixed(1)} KB ` +
        `(${(b.wasmGzipBytes / 1000).toFixed(1)} KB gzipped) on top`,
    );
  });

  it("the example plan: 100 steps of warm-up to 0.1, then 900 of cosine", () => {
    const plan = compilePlan(
      planNode(Op.Join, [2, 100], [planNode(Op.Ramp, [0, 0.1, 100, RampShape.Linear]), planNode(Op.Cosine, [0.1, 900, 0])]),
    );
    const curve = evaluatePlan(plan, 0, 1000, "float32");
    expect(readme).toContain('const curve = evaluatePlan(plan, 0, 1000, "float32"); // Float32Array(1000)');
    expect(curve).toBeInstanceOf(Float32Array);
    expect(curve).toHaveLength(1000);
    expect(curve[50]).toBeCloseTo(0.05, 6);
    expect(curve[100]).toBeCloseTo(0.1, 6);
    expect(curve[550]).toBeCloseTo(0.05, 6);
  });
});
