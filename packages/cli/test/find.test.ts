import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rangeChartSpec } from "../src/find/chart";
import { checkWellFormed, decodePng, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

// a fast range test: 1000 images, a 16-unit MLP, 40 batches
const SMALL = ["--train", "1000", "--hidden", "16", "--batches", "40", "--batch-size", "32"];

describe("lrsched find", () => {
  it("prints the three suggestions; --out writes the chart and the raw series", () => {
    const out = join(dir, "range");
    const r = lrsched(["find", ...SMALL, "--min", "1e-4", "--max", "10", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(["valley", "steepest", "minimum/10"]);
    for (const l of lines) {
      const lr = Number(l.split(/\s+/)[1]);
      expect(lr).toBeGreaterThan(1e-5);
      expect(lr).toBeLessThan(10);
    }
    expect(r.stderr).toMatch(/^lrsched find: 784-16-10 MLP, momentum 0\.9 on 1000 MNIST images, batch 32, lr 1e-4 -> 10: /);
    const json = JSON.parse(readFileSync(join(out, "range-test.json"), "utf8"));
    expect(json.series.length).toBeGreaterThan(10);
    expect(json.series.length).toBeLessThanOrEqual(40);
    expect(json.series[0].lr).toBeCloseTo(1e-4, 15);
    expect(Object.keys(json.suggestions)).toEqual(["valley", "steepest", "minimum"]);
    expect(json.suggestions.valley.lr).toBe(json.series[json.suggestions.valley.batch].lr);
    const svg = readFileSync(join(out, "range-test.svg"), "utf8");
    checkWellFormed(svg);
    for (const name of ["valley", "steepest", "minimum/10"]) expect(svg).toContain(name);
    expect(decodePng(readFileSync(join(out, "range-test.png"))).width).toBeGreaterThan(700);
  }, 120_000);

  it("repeats exactly with the same seed (--json)", () => {
    const a = lrsched(["find", ...SMALL, "--seed", "3", "--json", "--quiet"]);
    const b = lrsched(["find", ...SMALL, "--seed", "3", "--json", "--quiet"]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toBe("");
    expect(Object.keys(JSON.parse(a.stdout))).toEqual(["valley", "steepest", "minimum"]);
    expect(b.stdout).toBe(a.stdout);
  }, 120_000);

  it.each([
    [["--min", "0"], 'lrsched find: --min must be a number > 0, got "0"'],
    [["--min", "1", "--max", "0.1"], "lrsched find: --max must be greater than --min (1), got 0.1"],
    [["--batches", "1"], 'lrsched find: --batches must be an integer >= 2, got "1"'],
    [["--optimizer", "lbfgs"], 'lrsched find: --optimizer must be one of sgd, momentum, adam, got "lbfgs"'],
    [["--hidden", "0"], 'lrsched find: --hidden must be comma-separated layer sizes, integers in 1..4096, got "0"'],
    [["--train", "9000"], 'lrsched find: --train must be an integer >= 10 <= 8630, got "9000"'],
  ])("bad input %j: exit 2, one line", (args, message) => {
    const r = lrsched(["find", ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toBe(message);
  });
});

describe("the range test chart", () => {
  it("draws loss against a log rate axis with a rule per suggestion", () => {
    const lrs = [1e-4, 1e-3, 1e-2, 1e-1, 1];
    const spec = rangeChartSpec({ lrs, losses: [2, 1.9, 1.2, 0.8, NaN], smoothed: [2, 1.95, 1.6, 1.2, 5], suggestions: [{ name: "valley", lr: 1e-2 }] }) as {
      layer: { mark: { type: string }; encoding: { x: { scale: { type: string }; axis: { values: number[] } } } }[];
    };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(["line", "rule", "text"]);
    expect(spec.layer[0].encoding.x.scale.type).toBe("log");
    expect(spec.layer[0].encoding.x.axis.values).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
});
