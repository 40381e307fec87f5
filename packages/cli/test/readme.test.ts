// The numbers and messages of this package's README, produced by the CLI itself.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_RECORDED } from "../src/input/torch";
import { lrsched, tempDir } from "./helpers";

const text = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const readme = text.replace(/\s+/g, " ");
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The stderr line of a failing run, which must exit 2. */
function errorLine(args: string[], cwd = dir): string {
  const r = lrsched(args, { cwd });
  expect(r.status, r.stderr).toBe(2);
  return r.stderr.trimEnd();
}

describe("README.md", () => {
  it("the longest recorded PyTorch curve", () => {
    expect(MAX_RECORDED % 1e6).toBe(0);
    expect(readme).toContain(`one epoch at a time (up to ${MAX_RECORDED / 1e6} million steps)`);
  });

  it("the progress bar's delay", () => {
    expect(readFileSync(new URL("../src/io/progress.ts", import.meta.url), "utf8")).toMatch(/const DELAY_MS = 1000;/);
    expect(readme).toContain("runs longer than a second show a progress bar");
  });

  it("the error lines it quotes are what the CLI prints", () => {
    expect(text).toContain(`  ${errorLine(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "0"])}\n`);
    writeFileSync(join(dir, "cfg.json"), JSON.stringify({ type: "piecewiseConstantDecay", boundaries: [100, 50], values: [1, 0.5, 0.1] }));
    expect(text).toContain(`  ${errorLine(["curve", "--spec", "cfg.json"])}\n`);
    expect(text).toContain(`  ${errorLine(["curve", "constant", "--value", "0.1", "--steps", "10", "-o", "/dev/full"])}\n`);
    const keras = '{"class_name":"CosineDecay","config":{"initial_learning_rate":0.1,"decay_steps":100}}';
    expect(readme).toContain(`(\`${errorLine(["compare", "--spec", keras])}\`)`);
  });

  it("the negative-rate warning it quotes is what the CLI prints", () => {
    const r = lrsched(["curve", "oneCycle", "--max-lr", "1", "--total-steps", "100", "--anneal-strategy", "linear", "--start", "98", "--steps", "3"]);
    expect(r.status, r.stderr).toBe(0);
    expect(text).toContain(`\n${r.stderr}`);
  });

  it("the input cap it states is the CLI's", () => {
    expect(readme).toContain("Files (and `-`, stdin) are read up to 64 MiB");
    expect(errorLine(["curve", "--spec", "/dev/zero"])).toMatch(/larger than 64 MiB/);
  });

  it("the range test's suggestions with the default settings", { timeout: 300_000 }, () => {
    const r = lrsched(["find", "--json", "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { valley: number; steepest: number; minimum: number };
    const shown = (v: number) => Number(v.toPrecision(3));
    expect(readme).toContain(
      `suggests **valley ${shown(s.valley)}**, **steepest ${shown(s.steepest)}** and **minimum/10 ${shown(s.minimum)}**`,
    );
  });
});
