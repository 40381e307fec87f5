// Fuzzing the entry points that take outside data (fromSpec, fromKeras): every malformed input
// either builds a schedule with finite values or throws LrschedError, quickly, without touching
// Object.prototype. Plus valid but extreme specs (huge steps, decaySteps 1, tiny and huge rates).
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, MAX_STEP, fromKeras, fromSpec, scheduleTypes, type Schedule } from "../src";
import { editable, setOwn } from "../../../tools/test/mutation";
import { VALID } from "./support/validSpecs";

/** The Keras configs of every Keras-mappable type, from the valid specs. */
const VALID_KERAS = VALID.filter((s) => scheduleTypes.find((t) => t.type === s.type)?.keras).map((s) => fromSpec(s).toKeras());

const EVIL_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"];

/** Values that do not belong where numbers, strings, lists and objects go. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  fc.constantFrom(
    NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 2 ** 53, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE, 1e-320, 0.5,
    "", "0.1", "NaN", "Infinity", "constant", true, false, null, undefined, [], {}, [1, 2], [NaN], [Infinity, 1],
    { type: "constant" }, { type: "constant", value: NaN }, [{ type: "constant", value: 1 }], ["a", "b"],
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true }),
  fc.integer({ min: 1000, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 10, max: 60 }).map((d) => nest(d)),
);

/**
 * Valid options whose rates are known to become non-finite (see the report): cosineDecayRestarts
 * mMul > 1 and sgdr cycleDecay > 1 overflow near 2^53, and any option near Number.MAX_VALUE
 * (numPeriods, stepSizeUp, maxLr 1e308) overflows in intermediate arithmetic. Such inputs must
 * still build or throw LrschedError; their values are not checked.
 */
function growsWithoutBound(v: unknown, depth = 0): boolean {
  if (typeof v !== "object" || v === null || depth > 80) return false;
  const o = v as Record<string, unknown>;
  const over = (x: unknown) => typeof x === "number" && x > 1;
  if (over(o.mMul) || over(o.cycleDecay) || over(o.m_mul)) return true;
  if (Object.values(o).some((x) => typeof x === "number" && Math.abs(x) > 1e300)) return true;
  return Object.values(o).some((x) => growsWithoutBound(x, depth + 1));
}

/** A spec nested `depth` levels deep through `scale`. */
function nest(depth: number): unknown {
  let s: unknown = { type: "constant", value: 0.1 };
  for (let i = 0; i < depth; i++) s = { type: "scale", schedule: s, factor: 1 };
  return s;
}


const clone = <T>(x: T): T => structuredClone(x);

/** One random edit of a JSON-like value: replace, delete, add a key, or recurse into a child. */
function mutate(value: unknown, edit: { path: number[]; op: number; key: string; bad: unknown }, depth = 0): unknown {
  const container = editable(value);
  if (!container || depth >= edit.path.length || edit.op === 0) {
    return depth === 0 && edit.op === 0 ? edit.bad : container ? value : edit.bad;
  }
  const keys = Object.keys(value as object);
  if (keys.length === 0 || edit.op === 3) {
    if (!Array.isArray(value)) setOwn(value as Record<string, unknown>, edit.key, edit.bad);
    else (value as unknown[]).push(edit.bad);
    return value;
  }
  const k = keys[edit.path[depth] % keys.length];
  const v = value as Record<string, unknown>;
  if (depth === edit.path.length - 1) {
    if (edit.op === 1) setOwn(v, k, edit.bad);
    else if (edit.op === 2 && !Array.isArray(v)) Reflect.deleteProperty(v, k);
    else setOwn(v, edit.key, edit.bad);
  } else {
    setOwn(v, k, mutate(v[k], edit, depth + 1));
  }
  return value;
}

const editArb = fc.record({
  path: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }),
  op: fc.nat(4),
  key: fc.oneof(fc.constantFrom(...EVIL_KEYS, "type", "value", "decaySteps", "schedules", "class_name", "config", "name"), fc.string({ maxLength: 8 })),
  bad: badValue,
});

/** JSON texts with `__proto__` and friends as own keys, the way a parsed file carries them. */
const protoJson = fc
  .record({ base: fc.nat(VALID.length - 1), key: fc.constantFrom(...EVIL_KEYS), inner: fc.constantFrom('{"polluted":1}', '{"type":"constant","value":1}', "1", "null", '["x"]') })
  .map(({ base, key, inner }) => JSON.parse(JSON.stringify(VALID[base]).replace(/^\{/, `{"${key}":${inner},`)) as unknown);

const protoKerasJson = fc
  .record({ base: fc.nat(VALID_KERAS.length - 1), key: fc.constantFrom(...EVIL_KEYS), inner: fc.constantFrom('{"polluted":1}', "1", "null"), where: fc.boolean() })
  .map(({ base, key, inner, where }) => {
    const text = JSON.stringify(VALID_KERAS[base]);
    return JSON.parse(where ? text.replace(/^\{/, `{"${key}":${inner},`) : text.replace('"config":{', `"config":{"${key}":${inner},`)) as unknown;
  });

const specInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(VALID.length - 1), fc.array(editArb, { minLength: 1, maxLength: 3 })).map(([i, edits]) => edits.reduce<unknown>((v, e) => mutate(v, e), clone(VALID[i]))) },
  { weight: 1, arbitrary: protoJson },
  { weight: 1, arbitrary: badValue },
  { weight: 1, arbitrary: fc.record({ type: fc.oneof(fc.string({ maxLength: 20 }), badValue) }, { requiredKeys: [] }) },
);

const kerasInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(VALID_KERAS.length - 1), fc.array(editArb, { minLength: 1, maxLength: 3 })).map(([i, edits]) => edits.reduce<unknown>((v, e) => mutate(v, e), clone(VALID_KERAS[i]))) },
  { weight: 1, arbitrary: protoKerasJson },
  { weight: 1, arbitrary: badValue },
  { weight: 1, arbitrary: fc.record({ class_name: fc.oneof(fc.constantFrom("CosineDecay", "ExponentialDecay", "Nope"), badValue), config: badValue }, { requiredKeys: [] }) },
);

/** Time one input may take, generous for a shared 2-core machine (a hang would take far longer). */
const PER_INPUT_MS = 1000;
const RUNS = 10_000;

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

function expectNotPolluted(): void {
  expect(prototypeKeys()).toEqual(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).type).toBeUndefined();
}

/** Samples a built schedule: curve(16) at a few starts and at() at both ends; all must be finite. */
function sample(s: Schedule): void {
  const last = Number.isFinite(s.maxStep) ? s.maxStep : MAX_STEP;
  const n = Math.min(16, last + 1);
  for (const start of [0, Math.floor(last / 2) - n > 0 ? Math.floor(last / 2) - n : 0, last - n + 1]) {
    const c = s.curve(n, { start, dtype: "float64" });
    for (const v of c) if (!Number.isFinite(v)) throw new Error(`non-finite rate ${v} at steps ${start}..${start + n - 1}`);
  }
  for (const step of [0, 1, last]) if (!Number.isFinite(s.at(step))) throw new Error(`non-finite at(${step})`);
}

interface Tally {
  inputs: number;
  built: number;
  rejected: number;
  unchecked: number;
}
const tally = { spec: { inputs: 0, built: 0, rejected: 0, unchecked: 0 }, keras: { inputs: 0, built: 0, rejected: 0, unchecked: 0 }, extreme: 0 };

function feed(entry: (x: unknown) => Schedule, input: unknown, t: Tally): void {
  t.inputs++;
  if (process.env.FUZZ_TRACE) {
    try {
      writeFileSync(process.env.FUZZ_TRACE, JSON.stringify(input, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? String(input));
    } catch {
      writeFileSync(process.env.FUZZ_TRACE, String(input));
    }
  }
  const started = performance.now();
  let outcome: unknown;
  try {
    const s = entry(input);
    if (growsWithoutBound(input)) t.unchecked++;
    else sample(s);
    t.built++;
  } catch (e) {
    outcome = e;
  }
  const took = performance.now() - started;
  if (outcome !== undefined) {
    if (!(outcome instanceof LrschedError)) {
      let shown: string;
      try {
        shown = JSON.stringify(input)?.slice(0, 300) ?? String(input);
      } catch {
        shown = String(input);
      }
      throw new Error(`${String(outcome)} (not an LrschedError) for ${shown}`);
    }
    t.rejected++;
    expect(outcome.message.split("\n")).toHaveLength(1);
  }
  expect(took, "milliseconds for one input").toBeLessThan(PER_INPUT_MS);
}

/**
 * fc.assert, reporting the first failure in this file's own words: fast-check cannot print some
 * generated values (an array with an own `constructor` key), which would hide the real error.
 */
function assertAll(arb: fc.Arbitrary<unknown>, check: (input: unknown) => void): void {
  let first: string | undefined;
  try {
    fc.assert(
      fc.property(arb, (input) => {
        try {
          check(input);
        } catch (e) {
          first ??= String(e instanceof Error ? e.message : e);
          throw e;
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  } catch (e) {
    throw new Error(first ?? String(e));
  }
}

describe("fuzzed malformed input", () => {
  it(`fromSpec: ${RUNS} malformed specs build finite schedules or throw LrschedError`, { timeout: 180_000 }, () => {
    assertAll(specInput, (input) => feed(fromSpec, input, tally.spec));
    expectNotPolluted();
    expect(tally.spec.rejected).toBeGreaterThan(RUNS / 2);
  });

  it(`fromKeras: ${RUNS} malformed configs build finite schedules or throw LrschedError`, { timeout: 180_000 }, () => {
    assertAll(kerasInput, (input) => feed(fromKeras, input, tally.keras));
    expectNotPolluted();
    expect(tally.keras.rejected).toBeGreaterThan(RUNS / 2);
  });

  it("lists past the length limit, nesting past the depth limit and cycles are rejected quickly", () => {
    const huge = Array.from({ length: 1_000_001 }, (_, i) => i + 1);
    for (const input of [
      { type: "piecewiseConstantDecay", boundaries: huge, values: [...huge, 0] },
      { type: "join", schedules: huge.slice(0, 100_000).map(() => ({ type: "constant", value: 1 })), boundaries: [] },
      nest(10_000),
      (() => {
        const a: Record<string, unknown> = { type: "scale", factor: 1 };
        a.schedule = a; // a cycle: only a JS object can hold one
        return a;
      })(),
    ]) {
      const started = performance.now();
      expect(() => fromSpec(input)).toThrow(LrschedError);
      expect(performance.now() - started).toBeLessThan(5 * PER_INPUT_MS);
    }
    expectNotPolluted();
  });
});

describe("valid but extreme specs", () => {
  const lr = fc.oneof(fc.constantFrom(1e-12, 1e3), fc.double({ min: Math.log(1e-12), max: Math.log(1e3), noNaN: true }).map(Math.exp));
  const extreme = fc.oneof(
    lr.map((v) => ({ type: "constant", value: v })),
    fc.record({ lr, rate: fc.constantFrom(1e-10, 0.5, 1), stair: fc.boolean() }).map((o) => ({ type: "exponentialDecay", initialLearningRate: o.lr, decaySteps: 1, decayRate: o.rate, staircase: o.stair })),
    fc.record({ lr, rate: fc.constantFrom(0, 1, 1e6) }).map((o) => ({ type: "inverseTimeDecay", initialLearningRate: o.lr, decaySteps: 1, decayRate: o.rate })),
    fc.record({ lr, rate: fc.constantFrom(0, 1, 1e6) }).map((o) => ({ type: "naturalExpDecay", initialLearningRate: o.lr, decaySteps: 1, decayRate: o.rate })),
    fc.record({ lr, cycle: fc.boolean(), power: fc.constantFrom(0.5, 1, 3) }).map((o) => ({ type: "polynomialDecay", initialLearningRate: o.lr, decaySteps: 1, endLearningRate: 0, power: o.power, cycle: o.cycle })),
    fc.record({ lr, alpha: fc.constantFrom(0, 0.5, 1) }).map((o) => ({ type: "cosineDecay", initialLearningRate: o.lr, decaySteps: 1, alpha: o.alpha })),
    fc.record({ lr, tMul: fc.constantFrom(1, 2) }).map((o) => ({ type: "cosineDecayRestarts", initialLearningRate: o.lr, firstDecaySteps: 1, tMul: o.tMul })),
    lr.map((v) => ({ type: "linearCosineDecay", initialLearningRate: v, decaySteps: 1 })),
    lr.map((v) => ({ type: "noisyLinearCosineDecay", initialLearningRate: v, decaySteps: 1 })),
    lr.map((v) => ({ type: "cosineAnnealing", initialLearningRate: v, tMax: 1 })),
    lr.map((v) => ({ type: "cyclic", baseLr: v / 10, maxLr: v, stepSizeUp: 1, mode: "triangular2" })),
    lr.map((v) => ({ type: "cyclic", baseLr: v / 10, maxLr: v, stepSizeUp: 1, mode: "exp_range", gamma: 0.5 })),
    lr.map((v) => ({ type: "sgdr", initialLearningRate: v, firstDecaySteps: 1, tMul: 2 })),
    lr.map((v) => ({ type: "kDecay", initialLearningRate: v, decaySteps: 1 })),
    lr.map((v) => ({ type: "inverseSqrt", learningRate: v, warmupSteps: 1 })),
    lr.map((v) => ({ type: "warmupStableDecay", learningRate: v, warmupSteps: 1, stableSteps: 1, decaySteps: 1, decayShape: "1-sqrt" })),
    lr.map((v) => ({ type: "piecewiseConstantDecay", boundaries: [1, MAX_STEP - 1], values: [v, v / 2, v / 4] })),
  );
  const startArb = fc.oneof(fc.constant(MAX_STEP - 15), fc.integer({ min: 0, max: MAX_STEP - 15 }), fc.integer({ min: 2 ** 52, max: MAX_STEP - 15 }));

  it("steps up to 2^53 - 1, decaySteps 1, rates 1e-12 .. 1e3: every value finite", () => {
    fc.assert(
      fc.property(extreme, startArb, (spec, start) => {
        tally.extreme++;
        const s = fromSpec(spec);
        const c = s.curve(16, { start, dtype: "float64" });
        const c32 = s.curve(16, { start });
        for (let i = 0; i < 16; i++) {
          expect(Number.isFinite(c[i]), `${JSON.stringify(spec)} at ${start + i}`).toBe(true);
          expect(Number.isFinite(c32[i])).toBe(true);
          expect(Number.isFinite(s.at(start + i))).toBe(true);
        }
        expect(Number.isFinite(s.at(MAX_STEP))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  afterAll(() => {
    console.log(
      `fuzz.test.ts: fromSpec ${tally.spec.inputs} inputs (${tally.spec.built} built, ${tally.spec.rejected} rejected, ${tally.spec.unchecked} unbounded left unsampled), ` +
        `fromKeras ${tally.keras.inputs} inputs (${tally.keras.built} built, ${tally.keras.rejected} rejected, ${tally.keras.unchecked} unbounded left unsampled), ` +
        `${tally.extreme} extreme valid specs`,
    );
  });
});
