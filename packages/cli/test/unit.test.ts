import { describe, expect, it } from "vitest";
import { cosineDecay, constant, fromSpec, piecewiseConstantDecay } from "@lrsched/ts-api";
import { parseArgs, Options } from "../src/args";
import { npyHeader } from "../src/format/npy";
import { bucketize, linePoints } from "../src/plot/buckets";
import { defaultSteps } from "../src/horizon";
import { resolveType } from "../src/input/types";

describe("parseArgs", () => {
  const specs = [
    { name: "steps", kind: "value", doc: "" },
    { name: "quiet", short: "q", kind: "flag", doc: "" },
  ] as const;

  it("takes --x v, --x=v, short flags, --no-x and positionals", () => {
    const p = parseArgs(["a", "--steps", "10", "-q", "--", "--b"], specs);
    expect(p.positionals).toEqual(["a", "--b"]);
    expect(new Options(p).integer("steps", 1, 0)).toBe(10);
    expect(new Options(parseArgs(["--steps=1e3"], specs)).integer("steps", 1, 0)).toBe(1000);
    expect(new Options(parseArgs(["--no-quiet"], specs)).flag("quiet")).toBe(false);
  });

  it("learns a schedule's flags from its type, wherever the type appears", () => {
    const dyn = (first: string | undefined) => (first === "cosine" ? [{ name: "decay-steps", kind: "value" as const, doc: "" }] : []);
    expect(parseArgs(["--steps", "5", "cosine", "--decay-steps", "3"], specs, dyn).values.get("decay-steps")).toEqual(["3"]);
    expect(() => parseArgs(["exponential", "--decay-steps", "3"], specs, dyn)).toThrow("unknown option --decay-steps");
  });

  it("rejects repeats of a single option", () => {
    expect(() => parseArgs(["--steps", "1", "--steps", "2"], specs)).toThrow("--steps was given more than once");
  });
});

describe("pieces", () => {
  it("npy headers align the data to 64 bytes", () => {
    for (const n of [0, 1, 300, 1e9]) {
      const h = npyHeader("float32", n);
      expect(h.byteLength % 64).toBe(0);
      expect(h[8] | (h[9] << 8)).toBe(h.byteLength - 10);
    }
  });

  it("min/max buckets keep every spike and the first and last values", () => {
    const s = piecewiseConstantDecay({ boundaries: [499, 500], values: [0, 1, 0] });
    const b = bucketize(s, { start: 0, steps: 1000, every: 1 }, 7);
    expect(Math.max(...b.max)).toBe(1);
    const pts = linePoints(b);
    expect(pts.find((p) => p.lr === 1)?.step).toBe(500);
    expect(pts[0].step).toBe(0);
    expect(pts.at(-1)!.step).toBe(999);
  });

  it("default steps come from the schedule's own step options; a schedule that ends is drawn to its end", () => {
    expect(defaultSteps([cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })])).toBe(1000);
    expect(defaultSteps([cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, warmupSteps: 100, warmupTarget: 0.2 })])).toBe(1100);
    expect(defaultSteps([fromSpec({ type: "warmupCosine", learningRate: 0.1, warmupSteps: 100, totalSteps: 1000 })])).toBe(1000);
    expect(defaultSteps([fromSpec({ type: "warmup", warmupSteps: 100, schedule: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 900 } })])).toBe(1000);
    expect(defaultSteps([fromSpec({ type: "join", boundaries: [300], schedules: [{ type: "constant", value: 0.1 }, { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 700 }] })])).toBe(1000);
    // oneCycle's last step is totalSteps itself
    expect(defaultSteps([fromSpec({ type: "oneCycle", maxLr: 0.1, totalSteps: 1000 })])).toBe(1001);
    // open-ended: the decay length plus a tenth, rounded
    expect(defaultSteps([fromSpec({ type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.5 })])).toBe(1200);
    expect(defaultSteps([fromSpec({ type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 1000, cycle: true })])).toBe(1200);
    expect(defaultSteps([constant({ value: 1 })])).toBe(1000);
    // timm's cosine rests at lrMin after its cycles (warm-up inside them unless warmupPrefix)
    expect(defaultSteps([fromSpec({ type: "timmCosine", lr: 0.1, tInitial: 300, cycleLimit: 2, cycleMul: 2 })])).toBe(900);
    expect(defaultSteps([fromSpec({ type: "timmCosine", lr: 0.1, tInitial: 300, warmupT: 20, warmupPrefix: true })])).toBe(320);
  });

  it("short names resolve", () => {
    expect(resolveType("cosine")?.type).toBe("cosineDecay");
    expect(resolveType("piecewise")?.type).toBe("piecewiseConstantDecay");
    expect(resolveType("CosineDecayRestarts")?.type).toBe("cosineDecayRestarts");
    expect(resolveType("natural_exp")?.type).toBe("naturalExpDecay");
  });
});
