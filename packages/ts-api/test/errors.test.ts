// Bad input: one LrschedError whose message names the field path and the rule.
import { describe, expect, it } from "vitest";
import {
  LrschedError, constant, cosineDecay, cosineDecayRestarts, cyclic, exponentialDecay, fromKeras, fromSpec, join,
  oneCycle, piecewiseConstantDecay, polynomialDecay, warmup,
} from "../src";

function error(fn: () => unknown): LrschedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LrschedError);
    return e as LrschedError;
  }
  throw new Error("expected an LrschedError");
}

describe("option errors", () => {
  it.each([
    [() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 }), "decaySteps", "decaySteps must be a finite number >= 1e-292, got 0"],
    [() => exponentialDecay({ initialLearningRate: NaN, decaySteps: 1, decayRate: 0.5 }), "initialLearningRate", "initialLearningRate must be a finite number >= 0, got NaN"],
    [() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: Infinity, decayRate: 0.5 }), "decaySteps", "decaySteps must be a finite number >= 1e-292, got Infinity"],
    [() => exponentialDecay({ initialLearningRate: -1, decaySteps: 1, decayRate: 0.5 }), "initialLearningRate", "initialLearningRate must be a finite number >= 0, got -1"],
    [() => piecewiseConstantDecay({ boundaries: [100, 100], values: [1, 2, 3] }), "boundaries[1]", "boundaries[1] must be greater than boundaries[0] (100): boundaries must strictly increase, got 100"],
    [() => piecewiseConstantDecay({ boundaries: [200, 100], values: [1, 2, 3] }), "boundaries[1]", "boundaries[1] must be greater than boundaries[0] (200): boundaries must strictly increase, got 100"],
    [() => piecewiseConstantDecay({ boundaries: [100], values: [1, 2, 3] }), "values", "values must have one more entry than boundaries (2), got an array of length 3"],
    [() => cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 0 }), "tMul", "tMul must be a finite number > 0, got 0"],
    [() => cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, mMul: -0.5 }), "mMul", "mMul must be a finite number >= 0, got -0.5"],
    [() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0 }), "decayRate", "decayRate must be a finite number > 0, got 0"],
    [() => polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, power: -1 }), "power", "power must be a finite number >= 0, got -1"],
    [() => cosineDecay({ initialLearningRate: 1, decaySteps: 10, alpha: 2 }), "alpha", "alpha must be a finite number in [0, 1], got 2"],
    [() => cyclic({ baseLr: 0.1, maxLr: 0.01 }), "maxLr", "maxLr must be >= baseLr (0.1), got 0.01"],
    [() => cyclic({ baseLr: 0.1, maxLr: 1, mode: "sawtooth" as never }), "mode", "mode must be one of 'triangular', 'triangular2', 'exp_range', got \"sawtooth\""],
    [() => oneCycle({ maxLr: 0.1, totalSteps: 100, pctStart: 1 }), "pctStart", "pctStart must be a finite number in (0, 1), got 1"],
    [() => oneCycle({ maxLr: 0.1, totalSteps: 100, pctStart: 0 }), "pctStart", "pctStart must be a finite number in (0, 1), got 0"],
    [() => warmup(constant({ value: 1 }), { warmupSteps: -5 }), "warmupSteps", "warmupSteps must be an integer >= 0, got -5"],
    [() => join([constant({ value: 1 }), constant({ value: 2 })], [10, 20]), "boundaries", "boundaries must have one entry fewer than schedules (1), got an array of length 2"],
    [() => join([constant({ value: 1 }), constant({ value: 2 }), constant({ value: 3 })], [10, 5]), "boundaries[1]", "boundaries[1] must be greater than boundaries[0] (10): boundaries must strictly increase, got 5"],
    [() => join([oneCycle({ maxLr: 1, totalSteps: 10 }), constant({ value: 2 })], [50]), "schedules[0]", "schedules[0] ends at step 10, before its piece ends (49 steps in)"],
  ])("%#: %s", (fn, path, message) => {
    const e = error(fn as () => unknown);
    expect(e.path).toBe(path);
    expect(e.message).toBe(message);
  });

  it("unknown options are rejected and the known ones listed", () => {
    const e = error(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, decay_rate: 0.5 } as never));
    expect(e.message).toBe("decay_rate is not an option of exponentialDecay (options: initialLearningRate, decaySteps, decayRate, staircase, name)");
  });

  it("a missing required option is named", () => {
    expect(error(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10 } as never)).message).toBe("decayRate is required by exponentialDecay");
  });
});

describe("spec and Keras errors name the nested path", () => {
  it("fromSpec", () => {
    expect(error(() => fromSpec({ type: "join", boundaries: [10], schedules: [{ type: "constant", value: 1 }, { type: "cosineDecay", initialLearningRate: 1, decaySteps: 0 }] })).message)
      .toBe("schedules[1].decaySteps must be a finite number >= 1e-292, got 0");
    expect(error(() => fromSpec({ type: "cosine" })).path).toBe("type");
    expect(error(() => fromSpec(null)).message).toBe("spec must be an object with a 'type', got null");
    expect(error(() => fromSpec([])).message).toBe("spec must be an object with a 'type', got an array of length 0");
  });
  it("fromKeras reports snake_case config keys", () => {
    expect(error(() => fromKeras({ class_name: "CosineDecay", config: { initial_learning_rate: 0.1, decay_steps: -1 } })).message)
      .toBe("keras.config.decay_steps must be a finite number >= 1e-292, got -1");
    expect(error(() => fromKeras({ class_name: "CosineDecay", config: { initial_learning_rate: 0.1, decay_steps: 10, foo: 1 } })).message)
      .toBe("keras.config.foo is not a CosineDecay config key");
    expect(error(() => fromKeras({ class_name: "Adam", config: {} })).path).toBe("keras.class_name");
  });
  it("polluting keys are unknown options, and nothing is polluted", () => {
    const spec = JSON.parse('{"type":"constant","value":1,"__proto__":{"polluted":true}}');
    expect(error(() => fromSpec(spec)).path).toBe("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("deep nesting is bounded", () => {
    let spec: unknown = { type: "constant", value: 1 };
    for (let i = 0; i < 100; i++) spec = { type: "scale", factor: 1, schedule: spec };
    expect(error(() => fromSpec(spec)).message).toMatch(/nests schedules deeper than 32 levels/);
  });
});

describe("step and range errors", () => {
  const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 });
  it.each([[-1], [NaN], [Infinity], [2 ** 53]])("at(%s) is rejected", (step) => {
    expect(error(() => s.at(step)).path).toBe("step");
  });
  it("fractional steps evaluate the formula (as Keras does for float steps)", () => {
    expect(s.at(50.5)).toBeCloseTo(0.05 * (1 + Math.cos(Math.PI * 0.505)), 15);
  });
  it("curve() ranges", () => {
    expect(error(() => s.curve(-1)).message).toBe("count must be an integer >= 0, got -1");
    expect(error(() => s.curve(1.5)).path).toBe("count");
    expect(error(() => s.curve(10, { start: -3 })).path).toBe("start");
    expect(error(() => s.curve(10, { dtype: "int8" as never })).message).toBe("dtype must be 'float32' or 'float64', got \"int8\"");
    expect(error(() => s.curve(10, { out: new Float32Array(5) })).message).toBe("out must hold at least count (10) values, got 5");
    expect(error(() => s.curve(2, { start: 2 ** 53 - 1 })).path).toBe("start + count");
  });
  it("oneCycle, like PyTorch, is not defined past totalSteps", () => {
    const o = oneCycle({ maxLr: 1, totalSteps: 100 });
    expect(o.curve(101).length).toBe(101);
    expect(error(() => o.at(101)).message).toBe("step must be <= 100, the schedule's last step, got 101");
    expect(error(() => o.curve(102)).path).toBe("start + count");
  });
});
