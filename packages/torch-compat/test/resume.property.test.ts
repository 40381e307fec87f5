// Resume, property-tested over every class: a scheduler saved with stateDict() through JSON at a
// random step and loaded into a fresh one (built the way a PyTorch checkpoint is restored)
// continues with exactly the rates of the uninterrupted run.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { TORCH_CLASSES, fromTorchConfig, loadParamGroups, saveParamGroups, type Optimizer, type Scheduler } from "../src/index";

const P = "torch.optim.lr_scheduler.";

/** Functions cannot travel in a state dict: both runs get the same one, by index. */
const LAMBDAS: ((e: number) => number)[] = [(e) => 0.95 ** e, (e) => 1 / (1 + e), (e) => (e < 5 ? (e + 1) / 5 : 1)];
const FACTORS: ((e: number) => number)[] = [() => 0.9, (e) => (e % 3 === 0 ? 0.5 : 1)];

const gammaArb = fc.double({ min: 0.1, max: 1, noNaN: true });
const iters = (min: number, max: number) => fc.integer({ min, max });

/** A random valid config per class (horizon: steps the run will take, for OneCycleLR). */
type ConfigArb = (horizon: number) => fc.Arbitrary<Record<string, unknown>>;

const simple: ConfigArb = () =>
  fc.oneof(
    fc.record({ _target_: fc.constant(`${P}StepLR`), step_size: iters(1, 10), gamma: gammaArb }),
    fc.record({ _target_: fc.constant(`${P}ExponentialLR`), gamma: gammaArb }),
    fc.record({ _target_: fc.constant(`${P}ConstantLR`), factor: fc.double({ min: 0.01, max: 1, noNaN: true }), total_iters: iters(0, 10) }),
    fc.record({ _target_: fc.constant(`${P}LinearLR`), start_factor: fc.double({ min: 0.01, max: 1, noNaN: true }), end_factor: fc.double({ min: 0, max: 1, noNaN: true }), total_iters: iters(1, 20) }),
    fc.record({ _target_: fc.constant(`${P}CosineAnnealingLR`), T_max: iters(1, 30), eta_min: fc.double({ min: 0, max: 1e-3, noNaN: true }) }),
    fc.record({ _target_: fc.constant(`${P}PolynomialLR`), total_iters: iters(1, 30), power: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
  );

const CONFIGS: Record<string, ConfigArb> = {
  LambdaLR: () => fc.record({ _target_: fc.constant(`${P}LambdaLR`), lr_lambda: fc.constantFrom(...LAMBDAS) }),
  MultiplicativeLR: () => fc.record({ _target_: fc.constant(`${P}MultiplicativeLR`), lr_lambda: fc.constantFrom(...FACTORS) }),
  StepLR: () => fc.record({ _target_: fc.constant(`${P}StepLR`), step_size: iters(1, 10), gamma: gammaArb }),
  MultiStepLR: () =>
    fc.record({ _target_: fc.constant(`${P}MultiStepLR`), milestones: fc.array(iters(1, 40), { maxLength: 5 }).map((m) => m.sort((a, b) => a - b)), gamma: gammaArb }),
  ConstantLR: () => fc.record({ _target_: fc.constant(`${P}ConstantLR`), factor: fc.double({ min: 0.01, max: 1, noNaN: true }), total_iters: iters(0, 10) }),
  LinearLR: () =>
    fc.record({ _target_: fc.constant(`${P}LinearLR`), start_factor: fc.double({ min: 0.01, max: 1, noNaN: true }), end_factor: fc.double({ min: 0, max: 1, noNaN: true }), total_iters: iters(1, 20) }),
  ExponentialLR: () => fc.record({ _target_: fc.constant(`${P}ExponentialLR`), gamma: gammaArb }),
  PolynomialLR: () => fc.record({ _target_: fc.constant(`${P}PolynomialLR`), total_iters: iters(1, 30), power: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
  CosineAnnealingLR: () => fc.record({ _target_: fc.constant(`${P}CosineAnnealingLR`), T_max: iters(1, 30), eta_min: fc.double({ min: 0, max: 1e-3, noNaN: true }) }),
  CosineAnnealingWarmRestarts: () =>
    fc.record({ _target_: fc.constant(`${P}CosineAnnealingWarmRestarts`), T_0: iters(1, 10), T_mult: iters(1, 3), eta_min: fc.double({ min: 0, max: 1e-3, noNaN: true }) }),
  CyclicLR: () =>
    fc.record({
      _target_: fc.constant(`${P}CyclicLR`), base_lr: fc.double({ min: 1e-4, max: 1e-2, noNaN: true }), max_lr: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      step_size_up: iters(1, 10), step_size_down: fc.option(iters(1, 10), { nil: null }), mode: fc.constantFrom("triangular", "triangular2", "exp_range"),
      gamma: fc.double({ min: 0.9, max: 1, noNaN: true }), cycle_momentum: fc.boolean(), base_momentum: fc.constant(0.8), max_momentum: fc.constant(0.9),
    }),
  OneCycleLR: (horizon) =>
    fc.record({
      _target_: fc.constant(`${P}OneCycleLR`), max_lr: fc.double({ min: 0.01, max: 1, noNaN: true }), total_steps: iters(horizon + 1, horizon + 50),
      pct_start: fc.double({ min: 0.1, max: 0.45, noNaN: true }), anneal_strategy: fc.constantFrom("cos", "linear"), three_phase: fc.boolean(),
      cycle_momentum: fc.boolean(), div_factor: fc.double({ min: 2, max: 100, noNaN: true }), final_div_factor: fc.double({ min: 10, max: 1e4, noNaN: true }),
    }),
  ReduceLROnPlateau: () =>
    fc.record({
      _target_: fc.constant(`${P}ReduceLROnPlateau`), mode: fc.constantFrom("min", "max"), factor: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      patience: iters(0, 3), threshold: fc.double({ min: 0, max: 0.1, noNaN: true }), threshold_mode: fc.constantFrom("rel", "abs"),
      cooldown: iters(0, 2), min_lr: fc.double({ min: 0, max: 1e-4, noNaN: true }), eps: fc.constant(1e-8),
    }),
  SequentialLR: (h) =>
    fc.record({ _target_: fc.constant(`${P}SequentialLR`), schedulers: fc.tuple(simple(h), simple(h)), milestones: fc.tuple(iters(1, 30)) }),
  ChainedScheduler: (h) => fc.record({ _target_: fc.constant(`${P}ChainedScheduler`), schedulers: fc.tuple(simple(h), simple(h)) }),
};

const runArb = fc.record({
  lrs: fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
  k: iters(0, 60),
  n: iters(1, 30),
  metrics: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 100, maxLength: 100 }),
});

const optimizer = (lrs: readonly number[]): Optimizer => ({ paramGroups: lrs.map((lr) => ({ lr, momentum: 0.9 })) });

/** JSON has no -0: a rate of -0 comes back as 0, the same rate (compared as numbers). */
const num = (x: unknown) => (x === 0 ? 0 : x);

/** What a step leaves behind: the scheduler's last rates and every group's lr and momentum. */
const snapshot = (s: Scheduler) => ({
  last: s.getLastLr().map(num),
  groups: s.optimizer.paramGroups.map((g) => [num(g.lr), num(g.momentum)]),
});

const NUM_RUNS = 300;
let cases = 0;

describe("resume from a JSON state dict continues exactly", () => {
  it("covers every class", () => {
    expect(Object.keys(CONFIGS).sort()).toEqual(Object.keys(TORCH_CLASSES).sort());
  });

  for (const cls of Object.keys(CONFIGS)) {
    it(`${cls}: stateDict at a random step, loaded into a fresh scheduler`, () => {
      const arb = runArb.chain((run) => CONFIGS[cls](run.k + run.n).map((config) => ({ run, config })));
      fc.assert(
        fc.property(arb, ({ run, config }) => {
          cases++;
          const step = (s: Scheduler, i: number) => (cls === "ReduceLROnPlateau" ? s.step(run.metrics[i]) : s.step());
          const optA = optimizer(run.lrs);
          const a = fromTorchConfig(config, optA);
          for (let i = 0; i < run.k; i++) step(a, i);

          // a checkpoint: scheduler and optimizer state, through JSON
          const checkpoint = JSON.stringify({ scheduler: a.stateDict(), groups: saveParamGroups(optA) });
          const want: ReturnType<typeof snapshot>[] = [];
          for (let i = run.k; i < run.k + run.n; i++) {
            step(a, i);
            want.push(snapshot(a));
          }

          // PyTorch's restore: fresh optimizer and scheduler, then optimizer.load_state_dict
          // (every group field, initial_lr included), then scheduler.load_state_dict
          const saved = JSON.parse(checkpoint) as { scheduler: unknown; groups: unknown };
          const optB = optimizer(run.lrs);
          const b = fromTorchConfig(config, optB);
          loadParamGroups(optB, saved.groups);
          b.loadStateDict(saved.scheduler);
          expect(JSON.parse(JSON.stringify(b.stateDict()))).toEqual(saved.scheduler);
          const got: ReturnType<typeof snapshot>[] = [];
          for (let i = run.k; i < run.k + run.n; i++) {
            step(b, i);
            got.push(snapshot(b));
          }
          expect(got).toEqual(want);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  afterAll(() => {
    console.log(`resume.property.test.ts: ${cases} resume cases over ${Object.keys(CONFIGS).length} classes`);
  });
});
