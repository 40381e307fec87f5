// Bad input: PyTorch's errors (and the crashes it leaves to Python) as LrschedError with a path.
import { describe, expect, it } from "vitest";
import {
  ChainedScheduler, ConstantLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, ExponentialLR,
  LambdaLR, LinearLR, LrschedError, MultiStepLR, MultiplicativeLR, OneCycleLR, PolynomialLR, ReduceLROnPlateau,
  SequentialLR, StepLR, fromTorchConfig, type Optimizer,
} from "../src/index";

const sgd = (): Optimizer => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.9 }] });
const adam = (): Optimizer => ({ paramGroups: [{ lr: 0.1, betas: [0.9, 0.999] }] });
const plain = (): Optimizer => ({ paramGroups: [{ lr: 0.1 }] });

/** [what, action, error path, words of the rule] */
const CASES: Array<[string, () => unknown, string, RegExp]> = [
  ["optimizer without param groups", () => new StepLR({ paramGroups: [] }, { stepSize: 1 }), "optimizer.paramGroups", /non-empty/],
  ["group without a numeric lr", () => new StepLR({ paramGroups: [{ lr: "0.1" as unknown as number }] }, { stepSize: 1 }), "optimizer.paramGroups[0].lr", /number/],
  ["unknown option", () => new StepLR(plain(), { stepSize: 1, gama: 0.5 } as never), "gama", /not an option of StepLR/],
  ["resume without initialLr", () => new StepLR(plain(), { stepSize: 2, lastEpoch: 3 }), "optimizer.paramGroups[0].initialLr", /initial_lr/],
  ["lastEpoch -2 without initialLr", () => new ExponentialLR(plain(), { gamma: 0.9, lastEpoch: -2 }), "optimizer.paramGroups[0].initialLr", /initial_lr/],
  ["lastEpoch NaN", () => new ExponentialLR(plain(), { gamma: 0.9, lastEpoch: NaN }), "lastEpoch", /finite number/],
  ["LambdaLR: one lambda per group", () => new LambdaLR(sgd(), { lrLambda: [(e) => e] }), "lrLambda", /expected 2, got 1/],
  ["LambdaLR: lambda returning a string", () => new LambdaLR(plain(), { lrLambda: () => "1" as unknown as number }), "lrLambda", /return a number/],
  ["MultiplicativeLR: not a function", () => new MultiplicativeLR(plain(), { lrLambda: 0.9 as never }), "lrLambda", /function/],
  ["StepLR: stepSize 0 at the first step", () => new StepLR(plain(), { stepSize: 0 }).step(), "stepSize", /integer modulo by zero/],
  ["StepLR: stepSize 0 in the closed form", () => new StepLR(plain(), { stepSize: 0 }).step(0), "stepSize", /integer modulo by zero/],
  ["MultiStepLR: a string milestone", () => new MultiStepLR(plain(), { milestones: ["2"] as never }), "milestones[0]", /finite number/],
  ["ConstantLR: factor above 1", () => new ConstantLR(plain(), { factor: 1.5 }), "factor", /between 0 and 1/],
  ["ConstantLR: factor 0 at totalIters", () => { const s = new ConstantLR(plain(), { factor: 0, totalIters: 1 }); s.step(); }, "factor", /division by zero/],
  ["LinearLR: startFactor above 1", () => new LinearLR(plain(), { startFactor: 1.2 }), "startFactor", /between 0 and 1/],
  ["LinearLR: negative endFactor", () => new LinearLR(plain(), { endFactor: -0.5 }), "endFactor", /between 0 and 1/],
  ["LinearLR: startFactor 0 at epoch 1", () => new LinearLR(plain(), { startFactor: 0 }).step(), "startFactor", /division by zero/],
  ["PolynomialLR: negative power at totalIters", () => { const s = new PolynomialLR(plain(), { totalIters: 2, power: -1 }); s.step(); s.step(); }, "power", /0.0 cannot be raised to a negative power/],
  ["CosineAnnealingLR: tMax 0 at the first step", () => new CosineAnnealingLR(plain(), { tMax: 0 }).step(), "tMax", /integer modulo by zero/],
  ["CyclicLR: a cycle of zero steps", () => new CyclicLR(sgd(), { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, stepSizeDown: -2 }), "stepSizeDown", /division by zero/],
  ["CyclicLR: stepSizeUp 0 divides at the cycle's start", () => new CyclicLR(sgd(), { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 0, stepSizeDown: 4 }), "stepSizeUp", /division by zero/],
  ["OneCycleLR: divFactor 0", () => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 10, divFactor: 0 }), "divFactor", /float division by zero/],
  ["OneCycleLR: finalDivFactor 0", () => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 10, finalDivFactor: 0 }), "finalDivFactor", /float division by zero/],
  ["ReduceLROnPlateau: NaN patience", () => new ReduceLROnPlateau(sgd(), { patience: NaN }), "patience", /number/],
  ["a negative lr in the optimizer", () => new StepLR({ paramGroups: [{ lr: -0.1 }] }, { stepSize: 2 }), "optimizer.paramGroups[0].lr", /Invalid learning rate/],
  ["a negative lr set between steps", () => { const o = plain(); const s = new StepLR(o, { stepSize: 2 }); o.paramGroups[0].lr = -1; s.step(); }, "optimizer.paramGroups[0].lr", /Invalid learning rate/],
  ["a string lr set between steps", () => { const o = plain(); const s = new ReduceLROnPlateau(o); (o.paramGroups[0] as { lr: unknown }).lr = "0.1"; s.step(1); }, "optimizer.paramGroups[0].lr", /Invalid learning rate/],
  ["CosineAnnealingWarmRestarts: t0 0", () => new CosineAnnealingWarmRestarts(plain(), { t0: 0 }), "t0", /positive integer T_0/],
  ["CosineAnnealingWarmRestarts: t0 2.5", () => new CosineAnnealingWarmRestarts(plain(), { t0: 2.5 }), "t0", /positive integer T_0/],
  ["CosineAnnealingWarmRestarts: tMult 0", () => new CosineAnnealingWarmRestarts(plain(), { t0: 2, tMult: 0 }), "tMult", /T_mult >= 1/],
  ["CosineAnnealingWarmRestarts: negative epoch", () => new CosineAnnealingWarmRestarts(plain(), { t0: 2 }).step(-1), "epoch", /non-negative/],
  ["CyclicLR: invalid mode", () => new CyclicLR(sgd(), { baseLr: 0.01, maxLr: 0.1, mode: "sine" }), "mode", /mode is invalid/],
  ["CyclicLR: momentum cycling without momentum", () => new CyclicLR(adam(), { baseLr: 0.01, maxLr: 0.1 }), "cycleMomentum", /must support momentum/],
  ["CyclicLR: baseLr per group count", () => new CyclicLR(sgd(), { baseLr: [0.1, 0.2, 0.3], maxLr: 1 }), "baseLr", /expected 2 values, got 3/],
  ["CyclicLR: maxMomentum per group count", () => new CyclicLR(sgd(), { baseLr: 0.1, maxLr: 1, maxMomentum: [0.9] }), "maxMomentum", /expected 2 values, got 1/],
  ["OneCycleLR: no totalSteps nor epochs", () => new OneCycleLR(sgd(), { maxLr: 0.1 }), "totalSteps", /epochs and stepsPerEpoch/],
  ["OneCycleLR: totalSteps 0", () => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 0 }), "totalSteps", /positive integer total_steps/],
  ["OneCycleLR: negative epochs", () => new OneCycleLR(sgd(), { maxLr: 0.1, epochs: -1, stepsPerEpoch: 3 }), "epochs", /positive integer epochs/],
  ["OneCycleLR: epochs without stepsPerEpoch", () => new OneCycleLR(sgd(), { maxLr: 0.1, epochs: 3 }), "stepsPerEpoch", /positive integer steps_per_epoch/],
  ["OneCycleLR: pctStart above 1", () => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 10, pctStart: 1.5 }), "pctStart", /between 0 and 1/],
  ["OneCycleLR: invalid annealStrategy", () => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 10, annealStrategy: "exp" as never }), "annealStrategy", /'cos', 'linear'/],
  ["OneCycleLR: maxLr per group count", () => new OneCycleLR(sgd(), { maxLr: [1, 2, 3], totalSteps: 10 }), "maxLr", /expected 2 values, got 3/],
  ["OneCycleLR: momentum cycling without momentum", () => new OneCycleLR(plain(), { maxLr: 1, totalSteps: 10 }), "cycleMomentum", /must support momentum/],
  ["OneCycleLR: a phase of zero steps", () => new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 10, pctStart: 0.1 }), "pctStart", /zero steps/],
  ["OneCycleLR: stepped past totalSteps", () => { const s = new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 3 }); for (let i = 0; i < 4; i++) s.step(); }, "step()", /tried to step 5 times.*total steps is 3/],
  ["ReduceLROnPlateau: factor 1", () => new ReduceLROnPlateau(sgd(), { factor: 1 }), "factor", /< 1/],
  ["ReduceLROnPlateau: invalid mode", () => new ReduceLROnPlateau(sgd(), { mode: "avg" as never }), "mode", /mode is unknown/],
  ["ReduceLROnPlateau: invalid thresholdMode", () => new ReduceLROnPlateau(sgd(), { thresholdMode: "pct" as never }), "thresholdMode", /threshold mode is unknown/],
  ["ReduceLROnPlateau: minLr per group count", () => new ReduceLROnPlateau(sgd(), { minLr: [0.1] }), "minLr", /expected 2 values, got 1/],
  ["ReduceLROnPlateau: step without a metric", () => new ReduceLROnPlateau(sgd()).step(), "metric", /needs the monitored value/],
  ["SequentialLR: milestone count", () => { const o = sgd(); return new SequentialLR(o, { schedulers: [new ConstantLR(o), new ExponentialLR(o, { gamma: 0.9 })], milestones: [1, 2] }); }, "milestones", /one entry fewer/],
  ["SequentialLR: non-increasing milestones", () => { const o = sgd(); return new SequentialLR(o, { schedulers: [new ConstantLR(o), new ExponentialLR(o, { gamma: 0.9 }), new StepLR(o, { stepSize: 2 })], milestones: [6, 3] }); }, "milestones[1]", /strictly increase/],
  ["SequentialLR: another optimizer", () => { const o = sgd(); return new SequentialLR(o, { schedulers: [new ConstantLR(o), new ExponentialLR(sgd(), { gamma: 0.9 })], milestones: [2] }); }, "schedulers[1]", /same optimizer/],
  ["SequentialLR: a ReduceLROnPlateau", () => { const o = sgd(); return new SequentialLR(o, { schedulers: [new ConstantLR(o), new ReduceLROnPlateau(o)], milestones: [2] }); }, "schedulers[1]", /ReduceLROnPlateau/],
  ["SequentialLR: a ChainedScheduler", () => { const o = sgd(); return new SequentialLR(o, { schedulers: [new ChainedScheduler([new ConstantLR(o)]), new ConstantLR(o)], milestones: [2] }); }, "schedulers[0]", /no lastEpoch/],
  ["SequentialLR: step(epoch)", () => { const o = sgd(); new SequentialLR(o, { schedulers: [new ConstantLR(o)], milestones: [] }).step(3); }, "epoch", /TypeError/],
  ["ChainedScheduler: another optimizer", () => new ChainedScheduler([new ConstantLR(sgd()), new ExponentialLR(sgd(), { gamma: 0.9 })]), "schedulers[1]", /same optimizer/],
  ["ChainedScheduler: empty", () => new ChainedScheduler([]), "schedulers", /non-empty/],
  // sparse arrays: the holes are missing schedulers, not skipped ones (found by the config fuzzer)
  ["MultiStepLR: a hole among milestones", () => new MultiStepLR(plain(), { milestones: [, 3] as never }), "milestones[0]", /finite number/],
  ["MultiplicativeLR: holes for lambdas", () => new MultiplicativeLR(sgd(), { lrLambda: [, ,] as never }), "lrLambda[0]", /must be a function/],
  ["optimizer with an infinite lr", () => new ReduceLROnPlateau({ paramGroups: [{ lr: -Infinity }] }), "optimizer.paramGroups[0].lr", /finite/],
  ["ChainedScheduler: a hole in the list", () => new ChainedScheduler([, new ConstantLR(sgd())] as never), "schedulers[0]", /must be a scheduler/],
  ["fromTorchConfig: holes in schedulers", () => fromTorchConfig({ _target_: "torch.optim.lr_scheduler.ChainedScheduler", schedulers: [, ,] }, sgd()), "config.schedulers[0]", /must be a scheduler/],
  ["fromTorchConfig: an array as the optimizer", () => fromTorchConfig({ _target_: "torch.optim.lr_scheduler.ChainedScheduler", schedulers: [] }, [, ,] as never), "optimizer.paramGroups", /non-empty/],
];

describe("bad input throws LrschedError naming the field", () => {
  for (const [what, action, path, rule] of CASES) {
    it(what, () => {
      let err: unknown;
      try {
        action();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LrschedError);
      expect((err as LrschedError).path).toBe(path);
      expect((err as LrschedError).message).toMatch(rule);
    });
  }

  it("validates every option before touching the optimizer", () => {
    const o = sgd();
    expect(() => new CyclicLR(o, { baseLr: 0.001, maxLr: 0.01, maxMomentum: [0.9] })).toThrow(LrschedError);
    expect(o.paramGroups.map((g) => [g.lr, g.momentum, g.initialLr])).toEqual([[0.1, 0.9, undefined], [0.05, 0.9, undefined]]);
  });

  it("leaves the optimizer as it was when the constructor fails, in a check or in the initial step", () => {
    const before = JSON.stringify(sgd().paramGroups);
    const failing: Array<(o: Optimizer) => unknown> = [
      (o) => new OneCycleLR(o, { maxLr: 0.1, totalSteps: 10, divFactor: 0 }),
      (o) => new OneCycleLR(o, { maxLr: 0.1, totalSteps: 10, finalDivFactor: 0 }),
      (o) => new OneCycleLR(o, { maxLr: 1, totalSteps: 10, pctStart: 0.1 }), // fails in the initial step
      (o) => new OneCycleLR(o, { maxLr: 1e308, totalSteps: 10, divFactor: 1e-10 }), // initialLr overflows
      (o) => new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 0, stepSizeDown: 4 }),
      (o) => new LambdaLR(o, { lrLambda: () => NaN }),
    ];
    for (const make of failing) {
      const o = sgd();
      expect(() => make(o)).toThrow(LrschedError);
      expect(JSON.stringify(o.paramGroups)).toBe(before);
    }
  });
});
