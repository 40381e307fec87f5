// toKeras() of noisyLinearCosineDecay carries its seed (tf-keras's config key), so a Keras round
// trip keeps the curve: it once dropped the seed and the import drew other noise (seed 0).
import { describe, expect, it } from "vitest";
import { fromKeras, fromSpec, noisyLinearCosineDecay } from "../src";

describe("noisyLinearCosineDecay through Keras", () => {
  it("toKeras() writes seed; fromKeras(toKeras(s)) has the same curve and at()", () => {
    const s = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 100, seed: 7 });
    const keras = JSON.parse(JSON.stringify(s.toKeras()));
    expect(keras.config.seed).toBe(7);
    const back = fromKeras(keras, { onWarning: () => {} });
    expect(back.options.seed).toBe(7);
    expect(Array.from(back.curve(300, { dtype: "float64" }))).toEqual(Array.from(s.curve(300, { dtype: "float64" })));
    for (const step of [0, 5, 99, 250]) expect(back.at(step)).toBe(s.at(step));
    expect(fromSpec(back.toSpec()).toSpec()).toEqual({ ...s.toSpec(), name: null });
  });

  it("the largest seed survives too, and seed 0 is written as 0", () => {
    for (const seed of [0, 0xffffffff]) {
      const s = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 100, seed });
      expect(s.toKeras().config.seed).toBe(seed);
      expect(fromKeras(s.toKeras(), { onWarning: () => {} }).at(3)).toBe(s.at(3));
    }
  });
});
