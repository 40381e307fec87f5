// `npm run bench` measures and prints; only `--write` (or `--out FILE`) puts the report in a file, so
// running the benchmarks never rewrites the tracked BENCHMARKS.md.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM without declarations
import { BENCHMARKS, benchOptions, deliverReport } from "../../bench/options.mjs";
import { ROOT, readJson, readText } from "./repo";

describe("bench options", () => {
  it("no option: the report is printed, nothing written", () => {
    expect(benchOptions([])).toEqual({ quick: false, check: true, outFile: null, only: null });
    expect(benchOptions(["--quick", "--no-check"]).outFile).toBeNull();
  });

  it("--write names the tracked BENCHMARKS.md, --out any file", () => {
    expect(BENCHMARKS).toBe(join(ROOT, "BENCHMARKS.md"));
    expect(benchOptions(["--write"]).outFile).toBe(BENCHMARKS);
    expect(benchOptions(["--out", "/tmp/b.md", "--quick"])).toMatchObject({ quick: true, outFile: "/tmp/b.md" });
    expect(benchOptions(["--only", "cosine,noisy"]).only).toEqual(new Set(["cosine", "noisy"]));
  });

  it.each([
    [["--wirte"], "unknown option --wirte"],
    [["quick"], "unknown option quick"],
    [["--out"], "--out needs a value"],
    [["--only", "--quick"], "--only needs a value"],
    [["--write", "--out", "x.md"], "--write and --out both name the output: give one"],
  ])("%j is refused", (argv, message) => {
    expect(() => benchOptions(argv)).toThrow(message);
  });

  it("npm run bench passes neither --write nor --out", () => {
    const script = readJson<{ scripts: Record<string, string> }>("package.json").scripts.bench;
    expect(script).toContain("tools/bench/run.mjs");
    expect(script).not.toMatch(/--write|--out/);
  });

  it("the README's --quick: 3 rounds per schedule", () => {
    expect(readText("tools/bench/README.md")).toContain("node tools/bench/run.mjs --quick               # 3 rounds per schedule");
    expect(readText("tools/bench/run.mjs")).toMatch(/quick\s*\?\s*\{ quick, curve: \{ budgetMs: \d+, minRounds: 3, maxRounds: 3 \}/);
  });

  it("run.mjs writes its report only through deliverReport", () => {
    const run = readText("tools/bench/run.mjs");
    expect(run).toMatch(/deliverReport\(report, outFile, log\)/);
    expect(run).not.toMatch(/writeFileSync|createWriteStream/);
  });
});

describe("deliverReport", () => {
  const dir = mkdtempSync(join(tmpdir(), "lrsched-bench-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints when there is no file", () => {
    const printed: string[] = [];
    const logged: string[] = [];
    deliverReport("# Benchmarks\n\n| a |", null, (m: string) => logged.push(m), (t: string) => printed.push(t));
    expect(printed).toEqual(["# Benchmarks\n\n| a |\n"]);
    expect(logged).toEqual(["printed the report (npm run bench -- --write puts it in BENCHMARKS.md)"]);
  });

  it("writes the file it is given", () => {
    const file = join(dir, "b.md");
    const logged: string[] = [];
    deliverReport("# Benchmarks", file, (m: string) => logged.push(m), () => {
      throw new Error("printed");
    });
    expect(readFileSync(file, "utf8")).toBe("# Benchmarks");
    expect(logged).toEqual([`wrote ${file}`]);
  });
});
