// Specs and Keras configs round-trip exactly; Keras's own get_config() key sets are reproduced.
import { describe, expect, it } from "vitest";
import {
  constant, cosineDecay, cosineDecayRestarts, cyclic, exponentialDecay, fromKeras, fromSpec, inverseTimeDecay,
  join, linearCosineDecay, naturalExpDecay, noisyLinearCosineDecay, oneCycle, piecewiseConstantDecay,
  polynomialDecay, scheduleTypes, specJsonSchema, warmup, type Schedule,
} from "../src";

const all: Schedule[] = [
  constant({ value: 0.15 }),
  exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100000, decayRate: 0.8, staircase: true }),
  inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 }),
  naturalExpDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.3, staircase: true }),
  piecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] }),
  polynomialDecay({ initialLearningRate: 0.1, decaySteps: 100, endLearningRate: 0.005, power: 0.5, cycle: true }),
  cosineDecay({ initialLearningRate: 0.05, decaySteps: 10, alpha: 0.1, warmupTarget: 0.2, warmupSteps: 2 }),
  cosineDecayRestarts({ initialLearningRate: 0.05, firstDecaySteps: 10, alpha: 0.1, tMul: 3, mMul: 0.5 }),
  linearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, numPeriods: 5, alpha: 0.1, beta: 1e-4 }),
  noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, initialVariance: 0.01, seed: 7 }),
  warmup(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { warmupSteps: 10, shape: "cosine" }),
  join([constant({ value: 1 }), cyclic({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5, mode: "triangular2" })], [20]),
  oneCycle({ maxLr: 0.1, totalSteps: 100, threePhase: true }),
];

describe("specs", () => {
  it.each(all.map((s) => [s.type, s] as const))("%s: fromSpec(toSpec(x)) equals x, through JSON", (_, s) => {
    const spec = JSON.parse(JSON.stringify(s.toSpec()));
    const back = fromSpec(spec);
    expect(back.toSpec()).toEqual(spec);
    const n = Math.min(300, s.maxStep + 1);
    expect(Array.from(back.curve(n, { dtype: "float64" }))).toEqual(Array.from(s.curve(n, { dtype: "float64" })));
  });

  it("a spec lists every option, defaults included", () => {
    expect(polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10 }).toSpec()).toEqual({
      type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.0001, power: 1, cycle: false,
    });
  });

  it("the JSON Schema covers every type", () => {
    const schema = specJsonSchema() as { oneOf: { title: string; required: string[] }[] };
    expect(schema.oneOf.map((s) => s.title)).toEqual(scheduleTypes.map((t) => t.type));
    expect(schema.oneOf.find((s) => s.title === "exponentialDecay")!.required).toEqual(["type", "initialLearningRate", "decaySteps", "decayRate"]);
  });

  it("a schedule holding a JS function has no spec form", () => {
    const s = cyclic({ baseLr: 0.1, maxLr: 1, scaleFn: (x) => 1 / x });
    expect(() => s.toSpec()).toThrow(/scaleFn is a JS function and has no spec form/);
  });
});

describe("Keras configs", () => {
  // The config dicts of Keras's test_config cases, as get_config() returns them (m_mul 4.0 there is
  // 0.5 here: lrsched keeps peaks from growing, mMul <= 1).
  const configs = [
    { class_name: "ExponentialDecay", config: { initial_learning_rate: 0.05, decay_steps: 10, decay_rate: 0.96, staircase: true, name: "my_ed" } },
    { class_name: "PiecewiseConstantDecay", config: { boundaries: [10, 20], values: [1, 2, 3], name: "my_pcd" } },
    { class_name: "PolynomialDecay", config: { initial_learning_rate: 0.1, decay_steps: 100, end_learning_rate: 0.005, power: 1.0, cycle: false, name: "my_ld" } },
    { class_name: "InverseTimeDecay", config: { initial_learning_rate: 0.05, decay_steps: 10, decay_rate: 0.96, staircase: true, name: "my_itd" } },
    { class_name: "CosineDecay", config: { initial_learning_rate: 0.05, decay_steps: 10, alpha: 0.1, name: "my_cd", warmup_target: 0.2, warmup_steps: 2 } },
    { class_name: "CosineDecayRestarts", config: { initial_learning_rate: 0.05, first_decay_steps: 10, t_mul: 3.0, m_mul: 0.5, alpha: 0.1, name: "my_cdr" } },
    { class_name: "LinearCosineDecay", config: { initial_learning_rate: 0.1, decay_steps: 1000, num_periods: 0.5, alpha: 0.0, beta: 0.001, name: null } },
    // tf-keras's get_config carries its seed (None there: lrsched's noise then uses seed 0)
    { class_name: "NoisyLinearCosineDecay", config: { initial_learning_rate: 0.1, decay_steps: 1000, initial_variance: 1.0, variance_decay: 0.55, num_periods: 0.5, alpha: 0.0, beta: 0.001, seed: 0, name: null } },
  ];

  it.each(configs.map((c) => [c.class_name, c] as const))("%s: toKeras(fromKeras(c)) equals c", (_, c) => {
    const back = fromKeras(c).toKeras();
    expect(back).toEqual(c);
    expect(Object.keys(back.config).sort()).toEqual(Object.keys(c.config).sort());
  });

  it("default names follow Keras (SGDRDecay for restarts, PiecewiseConstant)", () => {
    expect(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 5 }).toKeras().config.name).toBe("SGDRDecay");
    expect(piecewiseConstantDecay({ boundaries: [1], values: [1, 2] }).toKeras().config.name).toBe("PiecewiseConstant");
  });

  it("Keras 3 serialize() output (module, registered_name) is accepted", () => {
    const s = fromKeras({ module: "keras.optimizers.schedules", class_name: "ExponentialDecay", config: { initial_learning_rate: 0.1, decay_steps: 100000, decay_rate: 0.96, staircase: true, name: "ExponentialDecay" }, registered_name: null });
    expect(s.at(100000)).toBeCloseTo(0.096, 15);
  });

  it("cosineDecay's minLr exports as the equivalent alpha", () => {
    const s = cosineDecay({ initialLearningRate: 0.2, decaySteps: 100, minLr: 0.02 });
    expect(s.toKeras().config.alpha).toBeCloseTo(0.1, 15);
    expect(s.toKeras().config).not.toHaveProperty("min_lr");
    expect(fromKeras(s.toKeras()).at(100)).toBeCloseTo(0.02, 15);
  });

  it("schedules without a Keras class say so", () => {
    expect(() => naturalExpDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 1 }).toKeras()).toThrow("naturalExpDecay has no Keras equivalent; export it as a spec (toSpec) instead");
    expect(() => oneCycle({ maxLr: 1, totalSteps: 100 }).toKeras()).toThrow(/no Keras equivalent/);
  });
});
