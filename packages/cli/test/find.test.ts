import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
    expect(r.stderr).toMatch(/^lrsched find: 784-16-10 MLP on 1000 MNIST images, batch 32, lr 1e-4 -> 10: /);
    const json = JSON.parse(readFileSync(join(out, "range-test.json"), "utf8"));
    expect(json.series.length).toBeGreaterThan(10);
    expect(json.series.length).toBeLessThanOrEqual(40);
    expect(json.series[0].lr).toBeCloseTo(1e-4, 15);
    expect(json.suggestions.map((x: { name: string }) => x.name)).toEqual(["valley", "steepest", "minimum/10"]);
    expect(json.suggestions[0].lr).toBe(json.series[json.suggestions[0].batch].lr);
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
    [["--batches", "9"], 'lrsched find: --batches must be an integer >= 10, got "9"'],
    [["--optimizer", "lbfgs"], 'lrsched find: --optimizer must be one of sgd, momentum, adam, rmsprop, got "lbfgs"'],
    [["--target", "y"], "lrsched find: --target applies only with --model and --data (your model and data)"],
    [["--model", "m.json"], "lrsched find: --model needs --data FILE too (the data to train it on)"],
    [["--hidden", "0"], 'lrsched find: --hidden must be comma-separated layer sizes, integers in 1..4096, got "0"'],
    [["--train", "9000"], 'lrsched find: --train must be an integer >= 10 <= 8630, got "9000"'],
  ])("bad input %j: exit 2, one line", (args, message) => {
    const r = lrsched(["find", ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toBe(message);
  });
});
