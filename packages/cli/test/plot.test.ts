import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkWellFormed, decodePng, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const TWO = JSON.stringify([
  { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 },
  { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.8 },
]);

describe("plot", () => {
  it("SVG is well-formed and holds one line per series with its legend label", () => {
    const out = join(dir, "two.svg");
    const r = lrsched(["plot", "--spec", TWO, "--label", "cos", "--label", "expo", "--steps", "1000", "--title", "Two schedules", "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    checkWellFormed(svg);
    expect(svg).toContain("Two schedules");
    expect(svg).toContain(">cos<");
    expect(svg).toContain(">expo<");
    // vega draws each series as one path in a mark group of lines
    const lines = svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*>/g) ?? [];
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/ d="M[^"]{40,}"/);
    expect(svg).toContain("learning rate");
  });

  it("PNG has the requested size and its axis labels really render", async () => {
    const svgPath = join(dir, "c.svg");
    const pngPath = join(dir, "c.png");
    const args = ["plot", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "1000", "--width", "400", "--height", "200"];
    expect(lrsched([...args, "-o", svgPath]).status).toBe(0);
    expect(lrsched([...args, "-o", pngPath]).status).toBe(0);
    const png = decodePng(readFileSync(pngPath));
    const svg = readFileSync(svgPath, "utf8");
    const [, w, h] = svg.match(/<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/) ?? [];
    expect([png.width, png.height]).toEqual([Number(w), Number(h)]);
    expect(png.width).toBeGreaterThan(400);

    // the same chart with its text removed: the pixels that change are where the labels were drawn
    const { renderPng } = await import("../dist/index.js");
    const bare = decodePng(await renderPng(svg.replace(/<text[\s\S]*?<\/text>/g, "")));
    expect([bare.width, bare.height]).toEqual([png.width, png.height]);
    let leftDiff = 0;
    let bottomDiff = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (Math.abs(png.rgba[i] - bare.rgba[i]) + Math.abs(png.rgba[i + 1] - bare.rgba[i + 1]) < 60) continue;
        if (x < 45) leftDiff++; // y tick labels and title, left of the plot area
        if (y > png.height - 40) bottomDiff++; // x tick labels and title
      }
    }
    expect(leftDiff).toBeGreaterThan(100);
    expect(bottomDiff).toBeGreaterThan(100);
  });

  it("terminal chart by default: braille, axis labels and a legend", () => {
    const r = lrsched(["plot", "cosine-restarts", "--initial-learning-rate", "0.1", "--first-decay-steps", "100", "--steps", "700", "--width", "50", "--height", "8"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(r.stdout).toMatch(/[\u2801-\u28ff]/);
    expect(lines[0]).toMatch(/^\s*0\.1┤/);
    expect(r.stdout).toContain("└" + "─".repeat(50));
    expect(r.stdout).toContain("cosineDecayRestarts");
    expect(r.stdout).not.toContain("\x1b["); // no colour without a TTY
  });

  it("a one-step spike survives downsampling of a long curve", () => {
    // piecewise with a single high step in 10 million: min/max per pixel keeps it
    const spec = JSON.stringify({ type: "piecewiseConstantDecay", boundaries: [5_000_000, 5_000_001], values: [0.01, 1, 0.01] });
    const r = lrsched(["plot", "--spec", spec, "--steps", "1e7", "--width", "40", "--height", "6", "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^\s*1┤\s+\S/);
    const vl = join(dir, "spike.json");
    expect(lrsched(["plot", "--spec", spec, "--steps", "1e7", "--width", "300", "-o", vl]).status).toBe(0);
    const values = JSON.parse(readFileSync(vl, "utf8")).data.values as { lr: number }[];
    expect(values.length).toBeLessThanOrEqual(300 * 4);
    expect(Math.max(...values.map((v) => v.lr))).toBe(1);
  });

  it("--log drops non-positive rates and uses a log scale", () => {
    const vl = join(dir, "log.json");
    const r = lrsched(["plot", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100", "--steps", "200", "--log", "-o", vl]);
    expect(r.status, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(vl, "utf8"));
    expect(spec.encoding.y.scale.type).toBe("log");
    expect(spec.data.values.every((v: { lr: number }) => v.lr > 0)).toBe(true);
  });
});
