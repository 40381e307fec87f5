// Warm-up then plateau, and a schedule times plateau, in real tfjs training on iris. The plateau
// decisions are checked against real Keras 3 (tools/conformance/generate_plateau_fixtures.py):
// a metric sequence is fed through the epoch logs and the rates must change exactly where Keras's
// ReduceLROnPlateau changed them; the warm-up must equal ts-api's warmup ramp on every batch.
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constant, cosineDecay, LrschedError, warmup } from "@lrsched/ts-api";
import { getLearningRate, lrScheduler, reduceLROnPlateau, type PlateauWarmup } from "../src/index";
import { iris, mlp, recordRates, type Split } from "./data";

interface KerasCase {
  label: string;
  kwargs: { factor: number; patience: number; mode: "min" | "max"; min_delta?: number; cooldown?: number; min_lr?: number };
  lr: number;
  metrics: number[];
  /** The optimizer's rate after each epoch end (float32, as Keras stores it). */
  lrs: number[];
}

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../tools/conformance/fixtures/plateau_warmup.json", import.meta.url)), "utf8"),
) as { keras_version: string; keras: KerasCase[] };

const f32 = Math.fround;
const BATCH = 8;
const PER_EPOCH = 5; // 40 samples in batches of 8

let data: Split;
beforeAll(async () => {
  await tf.setBackend("cpu");
  const all = iris();
  data = { xs: all.xs.slice(0, 40), ys: all.ys.slice(0, 40) };
  tf.dispose([all.xs, all.ys]);
});
afterAll(() => tf.dispose([data.xs, data.ys]));

/** Writes `values[epoch]` as the log `fed` at each epoch end (it must run before the plateau callback). */
class Feed extends tf.Callback {
  constructor(private readonly values: readonly number[]) {
    super();
  }
  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    logs!.fed = this.values[epoch];
  }
}

/** Keras's options in the adapter's names. */
const plateauOf = (c: KerasCase) => ({
  monitor: "fed",
  factor: c.kwargs.factor,
  patience: c.kwargs.patience,
  mode: c.kwargs.mode,
  minDelta: c.kwargs.min_delta ?? 0,
  cooldown: c.kwargs.cooldown ?? 0,
  minLr: c.kwargs.min_lr ?? 0,
});

async function train(lr: number, epochs: number, callbacks: tf.Callback[]) {
  const model = mlp(4, 4, 3);
  model.compile({ optimizer: tf.train.sgd(lr), loss: "categoricalCrossentropy" });
  const used = recordRates(model.optimizer);
  const history = await model.fit(data.xs, data.ys, { epochs, batchSize: BATCH, shuffle: false, verbose: 0, callbacks });
  model.dispose();
  return { used, logged: history.history.lr as number[] };
}

// 12 batches of warm-up: epochs 0 and 1 end inside it, epoch 2 (batches 10-14) ends after it
const STEPS = 12;
const FIRST = 2;
const WARMUPS: PlateauWarmup[] = [
  { steps: STEPS },
  { steps: STEPS, shape: "cosine" },
  { steps: STEPS, shape: "exponential", initialLr: 1e-3 },
  { steps: STEPS, initialLr: 0.01 },
];

describe(`reduceLROnPlateau with a warm-up: the ramp on every batch, then Keras ${fixture.keras_version}'s reductions`, () => {
  it.each(fixture.keras.map((c, i) => [c.label, c, WARMUPS[i % WARMUPS.length]] as const))("%s", async (_, c, w) => {
    // in the warm-up epochs the fed values would reduce the rate at once if they counted
    const fed = [1, 2, ...c.metrics];
    const cb = reduceLROnPlateau({ ...plateauOf(c), warmup: w });
    const { used, logged } = await train(c.lr, fed.length, [new Feed(fed), cb]);
    const ramp = warmup(constant({ value: c.lr }), { warmupSteps: w.steps, initialLr: w.initialLr ?? 0, shape: w.shape ?? "linear" });
    // the rate each batch really trained with (SGD multiplies by a float32 tensor)
    const expected = used.map((_, b) => {
      if (b < STEPS) return f32(ramp.at(b));
      const epoch = Math.floor(b / PER_EPOCH);
      return epoch <= FIRST ? f32(c.lr) : c.lrs[epoch - 1 - FIRST];
    });
    expect(used).toEqual(expected);
    // history: the rate in force at each epoch's last batch
    expect(logged.slice(0, FIRST).map(f32)).toEqual([f32(ramp.at(PER_EPOCH - 1)), f32(ramp.at(2 * PER_EPOCH - 1))]);
    expect(logged.slice(FIRST).map(f32)).toEqual([f32(c.lr), ...c.lrs.slice(0, -1)]);
    expect(cb.warmupLeft).toBe(0);
  });

  it("the ramp carries on across fit calls and the plateau starts after it", async () => {
    const model = mlp(4, 4, 3);
    model.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
    const used = recordRates(model.optimizer);
    const cb = reduceLROnPlateau({ monitor: "fed", patience: 0, factor: 0.5, warmup: { steps: 7 } });
    const fit = (values: number[]) =>
      model.fit(data.xs, data.ys, { epochs: values.length, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [new Feed(values), cb] });
    await fit([5]); // batches 0-4 of the ramp; the epoch does not count
    expect([cb.warmupLeft, cb.best]).toEqual([2, Infinity]);
    // batches 5-6 end the ramp, 7-9 run at the compiled rate; that epoch counts (best 1), and each
    // later epoch without improvement halves the rate at its end (patience 0)
    await fit([1, 2, 2]);
    const ramp = warmup(constant({ value: 0.1 }), { warmupSteps: 7 });
    expect(used).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6].map((b) => f32(ramp.at(b))),
      ...Array(8).fill(f32(0.1)),
      ...Array(5).fill(f32(0.05)),
    ]);
    expect(getLearningRate(model.optimizer)).toBe(f32(0.025));
    model.dispose();
  });

  it("rejects a bad warm-up", () => {
    expect(() => reduceLROnPlateau({ warmup: { steps: -1 } })).toThrowError(/^warmup\.steps must be an integer >= 0/);
    expect(() => reduceLROnPlateau({ warmup: { steps: 5, shape: "exponential" } })).toThrowError(/^warmup\.initialLr must be > 0 for the exponential shape/);
    expect(() => reduceLROnPlateau({ warmup: { steps: 5, shape: "square" as never } })).toThrowError(LrschedError);
    expect(() => reduceLROnPlateau({ warmup: { steps: 5, start: 0 } as never })).toThrowError(/^warmup\.start is not an option/);
  });
});

/** The epochs at whose end Keras reduced the rate. */
const reductions = (c: KerasCase) => c.lrs.flatMap((lr, e) => (lr < (e === 0 ? f32(c.lr) : c.lrs[e - 1]) ? [e] : []));

describe(`lrScheduler(schedule, {plateau}): the schedule times a factor that Keras ${fixture.keras_version}'s decisions reduce`, () => {
  const unfloored = fixture.keras.filter((c) => !c.kwargs.min_lr);
  it.each(unfloored.map((c) => [c.label, c] as const))("cosine x plateau, %s", async (_, c) => {
    const epochs = c.metrics.length;
    const schedule = cosineDecay({ initialLearningRate: 0.1, decaySteps: epochs * PER_EPOCH, alpha: 0.1 });
    const cb = lrScheduler(schedule, { plateau: plateauOf(c) });
    const { used, logged } = await train(0.1, epochs, [new Feed(c.metrics), cb]);
    const cuts = reductions(c);
    expect(cuts.length).toBeGreaterThan(1);
    // the running factor in force during an epoch: one multiplication per earlier reduction
    const factorIn = (epoch: number) => cuts.filter((r) => r < epoch).reduce((f) => f * c.kwargs.factor, 1);
    expect(used).toEqual(used.map((_, b) => f32(schedule.at(b) * factorIn(Math.floor(b / PER_EPOCH)))));
    expect(logged).toEqual(logged.map((_, e) => schedule.at(e * PER_EPOCH + PER_EPOCH - 1) * factorIn(e)));
    expect(cb.factor).toBe(factorIn(epochs));
  });

  it("a constant schedule x plateau with a floor is Keras's ReduceLROnPlateau", async () => {
    const c = fixture.keras.find((k) => k.kwargs.min_lr)!;
    const cb = lrScheduler(constant({ value: c.lr }), { per: "epoch", plateau: plateauOf(c) });
    const { used } = await train(c.lr, c.metrics.length, [new Feed(c.metrics), cb]);
    const perEpoch = used.filter((_, b) => b % PER_EPOCH === 0);
    expect(perEpoch).toEqual([f32(c.lr), ...c.lrs.slice(0, -1)]);
  });

  it("the floor only stops what the plateau takes away: the schedule may go below it", async () => {
    const ramp = (step: number) => 0.1 - 0.002 * step; // 0.1 down to 0.052 over 25 batches
    const cb = lrScheduler(ramp, { plateau: { monitor: "fed", patience: 0, factor: 0.5, minLr: 0.06 } });
    const { used } = await train(0.1, 5, [new Feed([1, 1, 1, 1, 1]), cb]);
    // epoch 0 sets the best; epoch 1 reduces (factor 0.5). From then on the halved rate is below
    // 0.06, so the rate sits on the floor while the schedule is above it and follows the schedule
    // below it; a rate at the floor is not reduced again (f32(rate) > f32(minLr) fails, as in Keras)
    const want = used.map((_, b) => {
      const at = ramp(b);
      return f32(b < 10 ? at : Math.max(at * 0.5, Math.min(at, 0.06)));
    });
    expect(used).toEqual(want);
    expect(used.slice(10, 20)).toEqual(Array(10).fill(f32(0.06)));
    expect(used[24]).toBe(f32(0.052));
    expect(cb.factor).toBe(0.5);
  });

  it("rejects plateau on a torch-compat scheduler and names bad plateau options", () => {
    const torchLike = { step: () => undefined, getLastLr: () => [0.1] };
    expect(() => lrScheduler(torchLike, { plateau: {} })).toThrowError(/^plateau applies to schedules and functions/);
    expect(() => lrScheduler(() => 0.1, { plateau: { factor: 2 } })).toThrowError(/^plateau\.factor must be a finite number < 1/);
    expect(() => lrScheduler(() => 0.1, { plateau: { patience: 1, metric: "x" } as never })).toThrowError(/^plateau\.metric is not an option/);
  });
});
