// Only LrschedError escapes the public API: null options, a detached `out`, throwing getters,
// Proxy traps and revoked Proxies, throwing user functions, and objects that merely look like
// schedules all become one LrschedError naming the field (with the original error as its cause).
import { describe, expect, it } from "vitest";
import { caught } from "../../../tools/test/caught";
import { LrschedError, constant, cosineDecay, cyclic, fromKeras, fromSpec, isSchedule, join, linearScaling, multiply, scale, startThreads, warmup } from "../src";

function thrown(f: () => unknown): LrschedError {
  const e = caught(f);
  expect(e, "an LrschedError").toBeInstanceOf(LrschedError);
  return e as LrschedError;
}

const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 });

const throwingGetter = (key: string, base: Record<string, unknown> = {}) =>
  Object.defineProperty({ ...base }, key, { enumerable: true, get: () => { throw new TypeError("boom"); } });

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe("call options", () => {
  it("startThreads with a count that is not an integer >= 1 rejects with an LrschedError naming it", async () => {
    for (const bad of [0, -1, 1.5, NaN, 257, 1e6, "2" as unknown as number]) {
      await expect(startThreads(bad)).rejects.toThrow(LrschedError);
      await expect(startThreads(bad)).rejects.toMatchObject({ path: "threads" });
    }
    expect(await startThreads()).toBeGreaterThanOrEqual(1);
  });

  it("curve(4, null) and chunks(4, null)", () => {
    expect(thrown(() => s.curve(4, null as never)).message).toBe("options must be an object, got null");
    expect(thrown(() => s.chunks(4, 7 as never)).path).toBe("options");
  });

  it("an out array on a detached buffer", () => {
    const out = new Float32Array(8);
    structuredClone(out.buffer, { transfer: [out.buffer] });
    expect(thrown(() => s.curve(4, { out })).path).toBe("out");
  });

  it("a throwing getter in curve options names the option and keeps the cause", () => {
    const e = thrown(() => s.curve(4, throwingGetter("start")));
    expect(e.path).toBe("start");
    expect(e.message).toMatch(/could not be read \(boom\)/);
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it("a revoked Proxy as options, step or out", () => {
    expect(thrown(() => s.curve(4, revoked() as never)).path).toBe("options");
    expect(thrown(() => s.at(revoked() as never)).path).toBe("step");
    expect(thrown(() => s.curve(4, { out: revoked() as never })).path).toBe("out");
  });
});

describe("factory options and specs", () => {
  it("linearScaling(undefined) and linearScaling(null)", () => {
    expect(thrown(() => linearScaling(undefined as never)).path).toBe("linearScaling options");
    expect(thrown(() => linearScaling(null as never)).path).toBe("linearScaling options");
    expect(thrown(() => linearScaling({ batch: 1e308, baseLr: 10 })).path).toBe("batch");
  });

  it("a throwing getter in factory options, in a spec, and in a Keras config", () => {
    expect(thrown(() => cosineDecay(throwingGetter("decaySteps", { initialLearningRate: 0.1 }) as never)).path).toBe("decaySteps");
    expect(thrown(() => fromSpec(throwingGetter("type"))).path).toBe("type");
    expect(thrown(() => fromSpec({ type: "scale", factor: 2, schedule: throwingGetter("value", { type: "constant" }) })).path).toBe("schedule.value");
    const config = throwingGetter("decay_steps", { initial_learning_rate: 0.1 });
    expect(thrown(() => fromKeras({ class_name: "CosineDecay", config })).path).toBe("keras.config.decay_steps");
  });

  it("Proxy traps that throw, and revoked Proxies, as options, lists and nested schedules", () => {
    const trap = new Proxy({ value: 0.1 }, { ownKeys: () => { throw new Error("no keys"); } });
    expect(thrown(() => constant(trap)).path).toBe("constant options");
    const list = new Proxy([constant({ value: 1 }), constant({ value: 2 })], { get: (t, k) => (k === "length" ? (() => { throw new Error("no length"); })() : Reflect.get(t, k)) });
    expect(thrown(() => join(list as never, [5])).path).toBe("schedules");
    expect(thrown(() => constant(revoked() as never)).path).toBe("constant options");
    expect(thrown(() => scale(revoked() as never, 2)).path).toBe("schedule");
    expect(thrown(() => fromSpec(revoked())).path).toBe("spec");
    expect(thrown(() => fromKeras(revoked())).path).toBe("keras");
  });

  it("a user scaleFn that throws is reported with the field and the argument", () => {
    const c = cyclic({ baseLr: 0.1, maxLr: 1, stepSizeUp: 4, scaleFn: (x) => { if (x > 1) throw new RangeError("too far"); return 1; } });
    expect(c.at(3)).toBeCloseTo(0.775, 12);
    const e = thrown(() => c.at(9));
    expect(e.message).toBe("scaleFn threw for 2 (too far)");
    expect(e.cause).toBeInstanceOf(RangeError);
    expect(thrown(() => c.curve(12)).path).toBe("scaleFn");
  });
});

describe("only schedules built by lrsched are schedules", () => {
  const fake = { type: "constant", options: {}, at: () => -5, curve: () => new Float32Array(1), chunks: function* () {}, toSpec: () => ({ type: "constant", value: -5 }), toKeras: () => ({}), plan: null, maxStep: Infinity };

  it("isSchedule is false for a look-alike, true for what factories, fromSpec and fromKeras build", () => {
    expect(isSchedule(fake)).toBe(false);
    expect(isSchedule(s)).toBe(true);
    expect(isSchedule(fromSpec(s.toSpec()))).toBe(true);
    expect(isSchedule(fromKeras(s.toKeras()))).toBe(true);
    expect(isSchedule(Object.create(s))).toBe(false);
    expect(isSchedule({ ...s })).toBe(false);
  });

  it("a look-alike in a composite is refused (scale once gave -10)", () => {
    const e = thrown(() => scale(fake as never, 2));
    expect(e.path).toBe("schedule");
    expect(e.message).toMatch(/must be a schedule built by lrsched/);
    expect(thrown(() => multiply(s, { ...s } as never)).path).toBe("schedules[1]");
    expect(thrown(() => warmup({ ...s, plan: { op: 99, params: [], children: [] } } as never, { warmupSteps: 3 })).path).toBe("schedule");
  });
});
