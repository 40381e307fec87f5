// The numbers of the root README, computed: the quick start's values, the error it quotes, and the
// tolerances it says the tests use (read from those tests).
import { exponentialDecay, fromSpec } from "@lrsched/ts-api";
import { describe, expect, it } from "vitest";
import { readText } from "./repo";

const readme = readText("README.md");

/** The message of the error `make` throws. */
const messageOf = (make: () => unknown) => {
  try {
    make();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error thrown");
};

describe("README.md", () => {
  it("quick start: the seed's rate at step 250000, and its Keras form", () => {
    const seed = exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100_000, decayRate: 0.8, staircase: true });
    expect(readme).toContain(`seed.at(250_000);                                   // ${Number(seed.at(250_000).toPrecision(3))} — one step`);
    const keras = seed.toKeras();
    expect(readme).toContain(`seed.toKeras();   // {class_name: "${keras.class_name}", config: {initial_learning_rate: ${keras.config.initial_learning_rate}, ...}}`);
    expect(seed.curve(1_000_000)).toBeInstanceOf(Float32Array);
  });

  it("the error it quotes is the one a bad nested option gives", () => {
    const message = messageOf(() =>
      fromSpec({ type: "join", boundaries: [10], schedules: [{ type: "constant", value: 0.1 }, { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 }] }),
    );
    expect(readme.replace(/\s*\n\s*/g, " ")).toContain(`\`${message}\``);
  });

  it.each([
    ["torch-compat's schedulers against PyTorch to 1e-12 relative", "packages/torch-compat/test/compare.ts", /TOLERANCE = 1e-12;/],
    ["ts-api's closed forms against PyTorch's recorded rates to 1e-9", "packages/ts-api/test/torchConformance.test.ts", /agree\(oneCycle\(.*, 1e-9\)/],
    ["against Keras's formulas to 1e-12", "packages/ts-api/test/kerasFormulas.test.ts", /atTol = 1e-12/],
    ["every curve within 1e-6 of its formula", "packages/ts-api/test/kerasFormulas.test.ts", /toBeLessThanOrEqual\(1e-6\)/],
  ])("%s: the tolerance %s uses", (claim, file, tolerance) => {
    expect(readme.replace(/\s*\n\s*/g, " ")).toContain(claim);
    expect(readText(file)).toMatch(tolerance);
  });
});
