import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { starterSpec } from "../src/starters";
import { BIN, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const SEED_EXP = ["exponential", "--initial-learning-rate", "0.15", "--decay-steps", "100000", "--decay-rate", "0.8", "--staircase"];

describe("help", () => {
  it("lrsched --help lists every command, and no arguments prints the same", () => {
    const r = lrsched(["--help"]);
    expect(r.status).toBe(0);
    for (const c of ["curve", "plot", "compare", "list", "describe", "export", "demo"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    expect(lrsched([]).stdout).toBe(r.stdout);
  });

  it.each(["curve", "plot", "compare", "list", "describe", "export", "demo"])("lrsched %s --help has usage, options and examples", (cmd) => {
    const r = lrsched([cmd, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`lrsched ${cmd}`);
    expect(r.stdout).toContain("Options:");
    expect(r.stdout).toContain("Examples:");
    expect(lrsched(["help", cmd]).stdout).toBe(r.stdout);
  });
});

describe("list and describe", () => {
  it("list shows each type with its short name and options", () => {
    const r = lrsched(["list"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("cosineDecay (cosine)");
    expect(r.stdout).toContain("piecewiseConstantDecay (piecewise)");
    expect(r.stdout).toContain("--initial-learning-rate --decay-steps [--alpha=0]");
    const json = JSON.parse(lrsched(["list", "--json"]).stdout);
    expect(json.find((t: { type: string }) => t.type === "exponentialDecay")).toMatchObject({ alias: "exponential", keras: "ExponentialDecay" });
  });

  it("describe gives options, defaults, rules and a runnable example", () => {
    const r = lrsched(["describe", "cosine"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--decay-steps NUM\s+.*required; >= 1/);
    expect(r.stdout).toMatch(/Keras:\s+CosineDecay/);
    const example = r.stdout.trimEnd().split("\n").at(-1)!.trim().replace(/^lrsched /, "").split(" ");
    expect(lrsched([...example, "--width", "30", "--height", "4"]).status).toBe(0);
  });

  it("every type's example is its playground starter, and runs as printed in a POSIX shell", () => {
    const types: string[] = JSON.parse(lrsched(["list", "--json"]).stdout).map((t: { type: string }) => t.type);
    const lines = types.map((t) => {
      const example = lrsched(["describe", t]).stdout.trimEnd().split("\n").at(-1)!.trim();
      expect(example, t).toMatch(/^lrsched plot /);
      // the starter's options, not placeholders or made-up numbers
      for (const [k, v] of Object.entries(starterSpec(t))) if (k !== "type" && typeof v === "number") expect(example, `${t}.${k}`).toContain(` ${v}`);
      return `${example.replace(/^lrsched /, `"${process.execPath}" "${BIN}" `)} -o ${join(dir, `${t}.svg`)} || echo "failed: ${t}"`;
    });
    const run = spawnSync("sh", ["-c", lines.join("\n")], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    for (const t of types) expect(readFileSync(join(dir, `${t}.svg`), "utf8"), t).toContain("<svg");
  });
});

describe("export", () => {
  it("the seed's ExponentialDecay as Keras config, and back to a spec", () => {
    const r = lrsched(["export", "--to", "keras", ...SEED_EXP]);
    expect(r.status, r.stderr).toBe(0);
    const keras = JSON.parse(r.stdout);
    expect(keras).toEqual({
      class_name: "ExponentialDecay",
      config: { initial_learning_rate: 0.15, decay_steps: 100000, decay_rate: 0.8, staircase: true, name: "ExponentialDecay" },
    });
    const file = join(dir, "keras.json");
    writeFileSync(file, r.stdout);
    const spec = JSON.parse(lrsched(["export", "--to", "spec", "--keras", file]).stdout);
    expect(spec).toMatchObject({ type: "exponentialDecay", initialLearningRate: 0.15, decaySteps: 100000, decayRate: 0.8, staircase: true });
  });

  it("a schedule with no Keras class says so and exits 2", () => {
    const r = lrsched(["export", "--to", "keras", "--spec", '{"type":"join","boundaries":[10],"schedules":[{"type":"constant","value":1},{"type":"constant","value":0.1}]}']);
    if (r.stderr.includes("type must be one of")) return; // composites not in this ts-api build
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no Keras equivalent/);
  });

  it("--to torch converts or says clearly there is no equivalent", () => {
    const r = lrsched(["export", "--to", "torch", ...SEED_EXP]);
    if (r.status === 0) expect(JSON.parse(r.stdout)._target_).toMatch(/^torch\.optim\.lr_scheduler\./);
    else {
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/no PyTorch equivalent/);
    }
  });

  it("--to schema writes the spec JSON Schema to a file", () => {
    const out = join(dir, "schema.json");
    expect(lrsched(["export", "--to", "schema", "-o", out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).oneOf.length).toBeGreaterThanOrEqual(10);
  });
});

describe("PyTorch configs", () => {
  const STEP = JSON.stringify({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: 30, gamma: 0.1 });
  const available = !lrsched(["curve", "--torch", STEP, "--steps", "1"]).stderr.includes("does not provide");

  it.runIf(available)("--torch StepLR: PyTorch's epochs, from the optimizer's --lr", () => {
    const r = lrsched(["curve", "--torch", STEP, "--lr", "0.5", "--steps", "61", "--every", "10"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(",").map(Number));
    expect(rows.map((x) => x[0])).toEqual([0, 10, 20, 30, 40, 50, 60]);
    [0.5, 0.5, 0.5, 0.05, 0.05, 0.05, 0.005].forEach((v, i) => expect(rows[i][1]).toBeCloseTo(v, 12));
  });

  it.runIf(available)("export --to torch gives back the scheduler's own config", () => {
    const r = lrsched(["export", "--to", "torch", "--torch", STEP]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: 30, gamma: 0.1 });
  });

  it.runIf(available)("a scheduler that needs a metric says so", () => {
    const r = lrsched(["plot", "--torch", '{"_target_":"torch.optim.lr_scheduler.ReduceLROnPlateau"}']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lrsched plot: ReduceLROnPlateau has no curve without training data/);
  });
});

describe("compare", () => {
  const TWO = JSON.stringify([
    { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 100 },
    { type: "constant", value: 0.05 },
  ]);

  it("json: rates at steps, mean, area, peak and steps above half the peak", () => {
    const r = lrsched(["compare", "--spec", TWO, "--steps", "101", "--at", "0,50,100", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const [cos, flat] = JSON.parse(r.stdout);
    expect(cos.label).toBe("cosineDecay");
    expect(cos.at["50"]).toBeCloseTo(0.05, 12);
    expect(cos.peak).toBeCloseTo(0.1, 12);
    expect(cos.mean).toBeCloseTo(0.05, 6); // symmetric half cosine over 0..100
    expect(cos.stepsAbove).toBe(51); // steps 0..50 are >= 0.05
    expect(flat).toMatchObject({ peak: 0.05, min: 0.05, stepsAbove: 101 });
    expect(flat.mean).toBeCloseTo(0.05, 15);
    expect(flat.area).toBeCloseTo(0.05 * 101, 12);
  });

  it("table with labels, and a plot to SVG", () => {
    const svg = join(dir, "cmp.svg");
    const r = lrsched(["compare", "--spec", TWO, "--label", "cos", "--label", "flat", "--steps", "100", "--plot", svg]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^schedule\s+lr@0\s+lr@25 .* mean\s+area\s+peak\s+min\s+steps>=50%peak$/);
    expect(lines[2]).toMatch(/^cos\s+0\.1\s/);
    expect(lines[3]).toMatch(/^flat\s+0\.05\s/);
    expect(readFileSync(svg, "utf8")).toContain(">flat<");
  });
});

describe("demo", () => {
  it("writes SVG, PNG and a self-contained index.html into --out, quickly", () => {
    const out = join(dir, "demo");
    const started = Date.now();
    const r = lrsched(["demo", "--out", out]);
    const seconds = (Date.now() - started) / 1000;
    expect(r.status, r.stderr).toBe(0);
    expect(seconds).toBeLessThan(10);
    expect(r.stdout).toMatch(/[\u2801-\u28ff]/); // the terminal preview
    expect(r.stdout).toContain("Fixed rate vs ExponentialDecay(0.15, 100000, 0.8, staircase)");
    const files = readdirSync(out);
    expect(files).toContain("index.html");
    const svgs = files.filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThanOrEqual(8);
    for (const svg of svgs) expect(files).toContain(svg.replace(/\.svg$/, ".png"));
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect((html.match(/<svg/g) ?? []).length).toBe(svgs.length);
    for (const needle of ["PiecewiseConstantDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])", "Warm-up 5 epochs", "get_scheduler", "Cyclical"]) {
      expect(html).toContain(needle.replace(/&/g, "&amp;"));
    }
  });

  it("defaults to ./lrsched-demo", () => {
    const r = lrsched(["demo", "--quiet"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, "lrsched-demo", "index.html"))).toBe(true);
    expect(r.stdout).not.toMatch(/[\u2801-\u28ff]/);
  });
});
