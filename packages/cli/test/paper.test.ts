// Charts fit for a paper: pixel density, vector PDF, and axes whose tick labels read as a person
// would write them (checked in the SVG the CLI writes).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSvg } from "@lrsched/explore";
import { chartSpec } from "../src/plot/chart";
import { useColor } from "../src/plot/draw";
import { BIN, axisLabels, decodePng, lrsched, pdfText, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const COSINE_5K = ["cosine", "--initial-learning-rate", "0.1", "--decay-steps", "5000"];
const TWO = JSON.stringify([
  { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 },
  { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.8 },
]);

/** Runs `lrsched plot ... -o name` and returns the written file. */
function plot(args: readonly string[], name: string): Buffer {
  const out = join(dir, name);
  const r = lrsched(["plot", ...args, "-o", out]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe("");
  return readFileSync(out);
}
const svgOf = (args: readonly string[], name: string) => plot(args, name).toString("utf8");
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("resolution and size", () => {
  it("--scale 2 doubles the PNG's pixels in both directions", () => {
    const one = pngSize(plot(COSINE_5K, "s1.png"));
    const two = pngSize(plot([...COSINE_5K, "--scale", "2"], "s2.png"));
    expect(two).toEqual([one[0] * 2, one[1] * 2]);
    const svg = svgOf(COSINE_5K, "s1.svg");
    const [, w, h] = /<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/.exec(svg) ?? [];
    expect(one).toEqual([Number(w), Number(h)]);
    // text and lines scale with the pixels: the inked share of the image stays the same
    const ink = (png: Buffer) => {
      const { rgba } = decodePng(png);
      let dark = 0;
      for (let i = 0; i < rgba.length; i += 4) if (rgba[i] + rgba[i + 1] + rgba[i + 2] < 384) dark++;
      return dark / (rgba.length / 4);
    };
    const a = ink(readFileSync(join(dir, "s1.png")));
    const b = ink(readFileSync(join(dir, "s2.png")));
    expect(b / a).toBeGreaterThan(0.8);
    expect(b / a).toBeLessThan(1.25);
  });

  it("--width/--height set the plot area; --title and --ylabel are drawn", () => {
    const svg = svgOf([...COSINE_5K, "--width", "500", "--height", "250", "--title", "Cosine decay", "--ylabel", "η"], "wh.svg");
    expect(svg).toContain(">Cosine decay<");
    expect(svg).toContain(">η<");
    expect(svg).toMatch(/<path class="background" aria-hidden="true" d="M0\.5,0\.5h500v250h-500Z"/);
  });
});

describe("PDF", () => {
  it("is a valid one-page PDF of the SVG's size, vector, with the series' labels as text", () => {
    const pdf = plot(["--spec", TWO, "--label", "cosine to zero", "--label", "exponential 0.8", "--title", "Two schedules"], "two.pdf");
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // the cross-reference table is where startxref says
    const xref = Number(/startxref\s+(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const svg = svgOf(["--spec", TWO, "--label", "cosine to zero", "--label", "exponential 0.8", "--title", "Two schedules"], "two.svg");
    const [, w, h] = /<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/.exec(svg) ?? [];
    expect(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)?.slice(1).map(Number)).toEqual([Number(w), Number(h)]);
    // no raster image: the curves are paths
    expect(text).not.toMatch(/\/Subtype \/Image/);
    const drawn = pdfText(pdf);
    for (const s of ["cosine to zero", "exponential 0.8", "Two schedules", "learning rate", "step"]) expect(drawn).toContain(s);
    // the same tick labels as the SVG
    expect(drawn).toContain([...axisLabels(svg, "X"), "step"].join(""));
  });
});

describe("axes", () => {
  it("a k-scaled step axis starts at 0 (not 0k) and ends with a tick at the schedule's end", () => {
    const svg = svgOf(COSINE_5K, "k.svg");
    expect(axisLabels(svg, "X")).toEqual(["0", "500", "1k", "1.5k", "2k", "2.5k", "3k", "3.5k", "4k", "4.5k", "5k"]);
  });

  it("a schedule with an end is drawn to it by default; one that goes on, a little past its decay length", () => {
    expect(axisLabels(svgOf(["--spec", '{"type":"warmupCosine","learningRate":0.1,"warmupSteps":100,"totalSteps":1000}'], "end.svg"), "X").at(-1)).toBe("1k");
    expect(axisLabels(svgOf(["exponential", "--initial-learning-rate", "0.1", "--decay-steps", "1000", "--decay-rate", "0.5"], "open.svg"), "X").at(-1)).toBe("1.2k");
  });

  it("--log has a tick per decade labelled 1e-n, and a rate vanishing to zero does not drag the axis down", () => {
    const svg = svgOf([...COSINE_5K, "--log"], "log.svg");
    const y = axisLabels(svg, "Y");
    for (const l of y) expect(l).toMatch(/^1e-\d+$/);
    expect(y.at(-1)).toBe("1e-1");
    // cosine's last steps fall to 1e-9 and below; the axis stops a few decades under the peak
    expect(y[0]).toBe("1e-5");
    const decades = y.map((l) => Number(l.slice(3)));
    decades.forEach((d, i) => i > 0 && expect(decades[i - 1] - d).toBe(1));
  });

  it("--log over many decades keeps every label in 1e-n form", () => {
    const spec = JSON.stringify({ type: "exponentialDecay", initialLearningRate: 1, decaySteps: 100, decayRate: 0.01 });
    const y = axisLabels(svgOf(["--spec", spec, "--steps", "500", "--log"], "decades.svg"), "Y");
    expect(y.length).toBeGreaterThanOrEqual(4);
    for (const l of y) expect(l).toMatch(/^(1e-\d+|1)$/);
    expect(y.join(" ")).not.toMatch(/0\.0/);
  });

  it("a rate that reaches zero gives an axis from 0, never a tick below it or float noise", async () => {
    // PyTorch's cosine annealing computes -5.55e-17 at T_max, a zero that rounding moved; curves
    // are now clamped to at()'s sign, so the chart is fed that float noise directly
    const noisy = chartSpec([{ label: "cosineAnnealing", points: [{ step: 0, lr: 0.1 }, { step: 50, lr: 0.05 }, { step: 100, lr: -5.55e-17 }] }]);
    const checkAxis = (y: string[]) => {
      expect(y[0]).toBe("0");
      expect(y.at(-1)).toBe("0.10");
      expect(y.join(" ")).not.toMatch(/e-|^-|\s-/);
    };
    checkAxis(axisLabels(await renderSvg(noisy), "Y"));
    // end to end: the CLI's chart of a curve that reaches zero
    const spec = JSON.stringify({ type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 100 });
    checkAxis(axisLabels(svgOf(["--spec", spec, "--steps", "101"], "zero.svg"), "Y"));
  });

  it("--ymin/--ymax set the rate axis; --steps-per-epoch labels epochs", () => {
    const y = axisLabels(svgOf([...COSINE_5K, "--ymin", "0.02", "--ymax", "0.08"], "ylim.svg"), "Y");
    expect(y[0]).toBe("0.02");
    expect(y.at(-1)).toBe("0.08");
    const epochs = svgOf([...COSINE_5K, "--steps-per-epoch", "500"], "epochs.svg");
    expect(axisLabels(epochs, "X")).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(epochs).toContain(">epoch<");
    const half = svgOf([...COSINE_5K, "--epochs-per-step", "0.0001"], "half.svg");
    expect(axisLabels(half, "X")).toEqual(["0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45", "0.5"]);
  });
});

describe("PyTorch's OneCycleLR", () => {
  it("plots with its defaults: an optimizer with momentum, and steps to total_steps", () => {
    const svg = svgOf(["--torch", '{"_target_":"torch.optim.lr_scheduler.OneCycleLR","max_lr":0.1,"total_steps":1000}'], "onecycle.svg");
    expect(axisLabels(svg, "X").at(-1)).toBe("1k");
    const r = lrsched(["compare", "--torch", '{"_target_":"torch.optim.lr_scheduler.OneCycleLR","max_lr":0.1,"total_steps":1000}', "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0].peak).toBeCloseTo(0.1, 12);
  });

  it("a longer --steps draws it to its own end beside a schedule that goes on", () => {
    const svg = svgOf(["--torch", '{"_target_":"torch.optim.lr_scheduler.OneCycleLR","max_lr":0.1,"total_steps":1000}', "constant", "--value", "0.05", "--steps", "2000"], "cut.svg");
    expect(axisLabels(svg, "X").at(-1)).toBe("2k");
  });
});

describe("terminal colour and glyphs", () => {
  const ENV_OFF = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [BIN, "plot", "--spec", TWO, "--steps", "1000", "--width", "40", "--height", "6"], { env }).stdout.toString();

  it("FORCE_COLOR colours a piped chart; NO_COLOR or no terminal leaves it plain", () => {
    expect(run({ ...ENV_OFF, FORCE_COLOR: "1" })).toMatch(/\x1b\[3\dm/);
    expect(run({ ...ENV_OFF, FORCE_COLOR: "0" })).not.toContain("\x1b[");
    expect(run({ ...ENV_OFF, NO_COLOR: "1" })).not.toContain("\x1b[");
    expect(run(ENV_OFF)).not.toContain("\x1b[");
    expect(useColor({ NO_COLOR: "1" }, true)).toBe(false);
    expect(useColor({ NO_COLOR: "" }, true)).toBe(true);
    expect(useColor({ TERM: "dumb" }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
  });

  it("without colour, each series after the first draws its own glyph, named in the legend", () => {
    const plain = run({ ...ENV_OFF, NO_COLOR: "1" });
    const legend = plain.trimEnd().split("\n").at(-1)!;
    expect(legend).toMatch(/⣿ cosineDecay\s+• exponentialDecay/);
    expect(plain.split("\n").slice(0, 6).join("")).toContain("•");
    const coloured = run({ ...ENV_OFF, FORCE_COLOR: "1" });
    expect(coloured).not.toContain("•");
  });
});
