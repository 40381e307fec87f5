import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTable, rangeChartSpec, rangeTest } from "../src/index";
import { descentEnd, rawDivergence, smoothingBeta } from "../src/rangeTest/smoothing";
import { blobTopology, blobsCsv } from "./blobs";

const dir = mkdtempSync(join(tmpdir(), "lrsched-range-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("range test smoothing and divergence", () => {
  it("smoothing spans about a twentieth of the batches (2 to 50)", () => {
    expect(smoothingBeta(60)).toBeCloseTo(1 - 1 / 3, 15);
    expect(smoothingBeta(100)).toBeCloseTo(0.8, 15);
    expect(smoothingBeta(20)).toBe(0.5);
    expect(smoothingBeta(1000)).toBeCloseTo(0.98, 15);
    expect(smoothingBeta(100_000)).toBeCloseTo(0.98, 15);
  });

  it("the raw loss diverges where it passes 4x its best and its start, or stops being finite", () => {
    expect(rawDivergence([2, 1.5, 1, 0.5, 0.4, 3])).toBe(5);
    // 1.9 is 4.75x the best but below the first loss: a noisy batch, not a divergence
    expect(rawDivergence([2, 1, 0.4, 1.9, 0.3])).toBe(-1);
    expect(rawDivergence([2, 1, NaN])).toBe(2);
    expect(rawDivergence([2, 1, 0.5])).toBe(-1);
  });

  it("the descent ends at the lowest smoothed loss before the divergence", () => {
    expect(descentEnd([3, 2, 1, 1.5, 0.5, 9], 4)).toBe(2);
    expect(descentEnd([3, 2, 1, 1.5, 0.5, 9], 6)).toBe(4);
    expect(descentEnd([NaN, 2, NaN, 1], 4)).toBe(3);
  });
});

describe("rangeTest() on a model and data made here", () => {
  it("suggests rates read only before the raw loss diverged, and draws raw and smoothed loss", async () => {
    blobsCsv(join(dir, "blobs.csv"), 600);
    const data = await loadTable(join(dir, "blobs.csv"), { target: "label" });
    const out = join(dir, "range");
    const seen: number[] = [];
    const r = await rangeTest({ model: blobTopology(), data, minLr: 1e-4, maxLr: 100, batches: 60, batchSize: 20, out, onProgress: (b) => seen.push(b.batch) });
    expect(r.settings.beta).toBe(smoothingBeta(60));
    expect(seen[0]).toBe(1);
    expect(r.lrs[0]).toBeCloseTo(1e-4, 15);
    expect(r.suggestions.map((s) => s.name)).toEqual(["valley", "steepest", "minimum/10"]);
    // a rate of 100 blows this model up: the raw loss diverges, and every suggestion comes before it
    expect(r.rawDivergedAt).not.toBeNull();
    expect(r.readUpTo).toBeLessThan(r.rawDivergedAt!);
    expect(r.smoothed[r.readUpTo]).toBe(Math.min(...r.smoothed.slice(0, r.rawDivergedAt!).filter(Number.isFinite)));
    for (const s of r.suggestions) {
      expect(s.batch).toBeLessThanOrEqual(r.readUpTo);
      expect(s.lr).toBeLessThan(r.lrs[r.rawDivergedAt!]);
    }
    const json = JSON.parse(readFileSync(join(out, "range-test.json"), "utf8"));
    expect(json.series).toHaveLength(r.lrs.length);
    expect(json.rawDivergedAt).toBe(r.rawDivergedAt);
    const svg = readFileSync(join(out, "range-test.svg"), "utf8");
    for (const text of ["raw loss", "smoothed loss", "valley", "steepest", "minimum/10", "raw loss diverged"]) expect(svg).toContain(text);
    expect(readFileSync(join(out, "range-test.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  it("repeats exactly with the same seed", async () => {
    const data = await loadTable(join(dir, "blobs.csv"), { target: "label" });
    const run = () => rangeTest({ model: blobTopology(), data, batches: 30, batchSize: 20, seed: 3 });
    const [a, b] = [await run(), await run()];
    expect(b.losses).toEqual(a.losses);
    expect(b.suggestions).toEqual(a.suggestions);
  });
});

describe("the range test chart", () => {
  it("draws loss against a log rate axis with a rule per suggestion and one where the raw loss diverged", () => {
    const lrs = [1e-4, 1e-3, 1e-2, 1e-1, 1];
    const spec = rangeChartSpec({ lrs, losses: [2, 1.9, 1.2, 0.8, NaN], smoothed: [2, 1.95, 1.6, 1.2, 5], suggestions: [{ name: "valley", lr: 1e-2 }], divergedLr: 1 }) as {
      layer: { mark: { type: string }; encoding: { x: { scale: { type: string }; axis: { values: number[] } } } }[];
    };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(["line", "rule", "text", "rule", "text"]);
    expect(spec.layer[0].encoding.x.scale.type).toBe("log");
    expect(spec.layer[0].encoding.x.axis.values).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
});
