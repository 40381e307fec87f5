// Fuzzing fromTorchConfig and loadStateDict: malformed configs and corrupted or mismatched state
// dicts end in LrschedError (never another exception, never a non-finite rate), and a rejected
// load leaves the scheduler exactly as it was.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, TORCH_CLASSES, fromTorchConfig, type Optimizer, type Scheduler } from "../src/index";
import { editable, setOwn } from "../../../tools/test/mutation";

const P = "torch.optim.lr_scheduler.";

/** A valid config per class: the seeds the mutations start from. */
const VALID: Record<string, unknown>[] = [
  { _target_: `${P}LambdaLR`, lr_lambda: (e: number) => 0.9 ** e },
  { _target_: `${P}MultiplicativeLR`, lr_lambda: () => 0.9 },
  { _target_: `${P}StepLR`, step_size: 3, gamma: 0.5 },
  { _target_: `${P}MultiStepLR`, milestones: [2, 5], gamma: 0.5 },
  { _target_: `${P}ConstantLR`, factor: 0.5, total_iters: 3 },
  { _target_: `${P}LinearLR`, start_factor: 0.2, total_iters: 4 },
  { _target_: `${P}ExponentialLR`, gamma: 0.9 },
  { _target_: `${P}PolynomialLR`, total_iters: 6, power: 2 },
  { _target_: `${P}CosineAnnealingLR`, T_max: 5, eta_min: 0.001 },
  { _target_: `${P}CosineAnnealingWarmRestarts`, T_0: 3, T_mult: 2 },
  { _target_: `${P}CyclicLR`, base_lr: 0.01, max_lr: [0.1, 0.2], step_size_up: 3 },
  { _target_: `${P}OneCycleLR`, max_lr: 0.1, total_steps: 40, three_phase: true },
  { _target_: `${P}ReduceLROnPlateau`, patience: 1 },
  { _target_: `${P}SequentialLR`, schedulers: [{ _target_: `${P}LinearLR`, start_factor: 0.5, total_iters: 2 }, { _target_: `${P}CosineAnnealingLR`, T_max: 6 }], milestones: [2] },
  { _target_: `${P}ChainedScheduler`, schedulers: [{ _target_: `${P}ConstantLR`, factor: 0.5, total_iters: 2 }, { _target_: `${P}ExponentialLR`, gamma: 0.9 }] },
];

const EVIL_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  fc.constantFrom(
    NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 2 ** 53, 1e-320, 0.5, 1.5, "", "0.1", "inf", "nan", "-inf", true, false,
    null, undefined, [], {}, [1, 2], [NaN], [0.1, 0.1, 0.1], { _target_: `${P}StepLR` }, [{ _target_: `${P}StepLR`, step_size: 0 }],
    () => NaN, () => Infinity, () => "x", () => -1,
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  fc.integer({ min: 1000, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
);


interface Edit {
  path: number[];
  op: number;
  key: string;
  bad: unknown;
}

/** One random edit: replace the whole value, a field, delete a field or add a key, at some depth. */
function mutate(value: unknown, edit: Edit, depth = 0): unknown {
  if (depth === 0 && edit.op === 0) return edit.bad;
  if (!editable(value)) return depth === 0 ? value : edit.bad;
  const keys = Object.keys(value);
  if (keys.length === 0 || edit.op === 3 || depth >= edit.path.length) {
    if (Array.isArray(value)) value.push(edit.bad);
    else setOwn(value, edit.key, edit.bad);
    return value;
  }
  const k = keys[edit.path[depth] % keys.length];
  if (depth === edit.path.length - 1) {
    if (edit.op === 2 && !Array.isArray(value)) Reflect.deleteProperty(value, k);
    else setOwn(value, k, edit.bad);
  } else setOwn(value, k, mutate(value[k], edit, depth + 1));
  return value;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }),
  op: fc.nat(4),
  key: fc.oneof(fc.constantFrom(...EVIL_KEYS, "_target_", "optimizer", "gamma", "last_epoch", "base_lrs", "_last_lr", "_schedulers", "T_max", "stepSize"), fc.string({ maxLength: 8 })),
  bad: badValue,
});

/** Deep copy keeping functions (lr_lambda) by reference. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

const optimizer = (): Optimizer => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] });

const configInput = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(VALID.length - 1), fc.array(editArb, { minLength: 1, maxLength: 3 })).map(([i, edits]) => edits.reduce<unknown>((v, e) => mutate(v, e), copy(VALID[i]))) },
  {
    weight: 1,
    arbitrary: fc.record({ base: fc.nat(VALID.length - 1), key: fc.constantFrom(...EVIL_KEYS), inner: fc.constantFrom('{"polluted":1}', "1", "null") })
      .map(({ base, key, inner }) => {
        const v = copy(VALID[base]) as Record<string, unknown>;
        setOwn(v, key, JSON.parse(inner));
        return v;
      }),
  },
  { weight: 1, arbitrary: badValue },
  { weight: 1, arbitrary: fc.record({ _target_: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...Object.keys(TORCH_CLASSES)), badValue) }, { requiredKeys: [] }) },
);

/** Optimizers too: mostly good, sometimes malformed. */
const optimizerInput: fc.Arbitrary<() => unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(optimizer) },
  { weight: 1, arbitrary: badValue.map((b) => () => b) },
  { weight: 1, arbitrary: fc.tuple(fc.array(editArb, { minLength: 1, maxLength: 2 })).map(([edits]) => () => edits.reduce<unknown>((v, e) => mutate(v, e), optimizer())) },
);

const RUNS = 10_000;
const PER_INPUT_MS = 1000;
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

function expectNotPolluted(): void {
  expect(prototypeKeys()).toEqual(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

function describeInput(x: unknown): string {
  try {
    return JSON.stringify(x)?.slice(0, 300) ?? String(x);
  } catch {
    return String(x);
  }
}

/** Rates are finite after each of a few steps (ReduceLROnPlateau gets a metric). */
function checkRates(s: Scheduler, steps: number): void {
  for (let i = 0; i < steps; i++) {
    s.step(s.className === "ReduceLROnPlateau" ? 1 / (1 + i) : undefined);
    for (const v of s.getLastLr()) if (!Number.isFinite(v)) throw new Error(`non-finite rate ${v} after ${i + 1} steps`);
  }
}

const tally = { config: { inputs: 0, built: 0, rejected: 0 }, load: { inputs: 0, loaded: 0, rejected: 0 } };

/** Runs `f`: fine, or an LrschedError with a one-line message; anything else fails, naming the input. */
function expectCleanOutcome(f: () => void, input: unknown): "ok" | "rejected" {
  const started = performance.now();
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(performance.now() - started, "milliseconds for one input").toBeLessThan(PER_INPUT_MS);
  if (err === undefined) return "ok";
  if (!(err instanceof LrschedError)) throw new Error(`${String(err)} (not an LrschedError) for ${describeInput(input)}`);
  expect(err.message.split("\n")).toHaveLength(1);
  return "rejected";
}

describe("fromTorchConfig on malformed configs", () => {
  it(`${RUNS} configs build schedulers with finite rates or throw LrschedError`, { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(configInput, optimizerInput, (config, opt) => {
        tally.config.inputs++;
        const outcome = expectCleanOutcome(() => checkRates(fromTorchConfig(config, opt() as Optimizer), 5), config);
        tally.config[outcome === "ok" ? "built" : "rejected"]++;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expectNotPolluted();
  });
});

/** Schedulers of every class, stepped a little, with their (JSON) state dicts. */
function subjects(): { s: Scheduler; sd: unknown }[] {
  return VALID.map((config, i) => {
    const s = fromTorchConfig(config, optimizer());
    for (let k = 0; k < i % 4; k++) s.step(s.className === "ReduceLROnPlateau" ? 1 : undefined);
    return { s, sd: json(s.stateDict()) };
  });
}

describe("loadStateDict on corrupted or mismatched dicts", () => {
  it(`${RUNS} dicts: loaded, or rejected with LrschedError and nothing changed`, { timeout: 180_000 }, () => {
    const pool = subjects();
    const input = fc.record({
      target: fc.nat(pool.length - 1),
      // another class's dict (a mismatch), or this class's dict, then corrupted
      source: fc.oneof(fc.constant(-1), fc.nat(pool.length - 1)),
      edits: fc.array(editArb, { minLength: 0, maxLength: 3 }),
    });
    fc.assert(
      fc.property(input, ({ target, source, edits }) => {
        tally.load.inputs++;
        const { s } = pool[target];
        const dict = edits.reduce<unknown>((v, e) => mutate(v, e), copy(pool[source === -1 ? target : source].sd));
        const before = json(s.stateDict());
        const groups = json(s.optimizer.paramGroups);
        const outcome = expectCleanOutcome(() => s.loadStateDict(dict), dict);
        if (outcome === "rejected") {
          tally.load.rejected++;
          expect(json(s.stateDict())).toEqual(before);
          expect(json(s.optimizer.paramGroups)).toEqual(groups);
          return;
        }
        tally.load.loaded++;
        // a dict that loads must leave a scheduler that steps to finite rates (or says why not)
        expectCleanOutcome(() => checkRates(s, 2), dict);
        // restore for the next input
        s.loadStateDict(pool[target].sd);
        s.optimizer.paramGroups.forEach((g, i) => Object.assign(g, (groups as Record<string, unknown>[])[i]));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expectNotPolluted();
  });

  afterAll(() => {
    console.log(
      `torch-compat fuzz.test.ts: fromTorchConfig ${tally.config.inputs} inputs (${tally.config.built} built, ${tally.config.rejected} rejected); ` +
        `loadStateDict ${tally.load.inputs} inputs (${tally.load.loaded} loaded, ${tally.load.rejected} rejected)`,
    );
  });
});
