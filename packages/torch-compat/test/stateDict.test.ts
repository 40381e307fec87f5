// loadStateDict rejects corrupted or mismatched dicts and changes nothing when it does.
import { describe, expect, it } from "vitest";
import {
  ChainedScheduler, ConstantLR, CosineAnnealingLR, CyclicLR, ExponentialLR, LrschedError, MultiStepLR, OneCycleLR,
  ReduceLROnPlateau, SequentialLR, StepLR, type Optimizer, type Scheduler,
} from "../src/index";

const opt = (): Optimizer => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] });
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

function expectRejected(s: Scheduler, bad: unknown, path: RegExp): void {
  const before = json(s.stateDict());
  const lrs = s.optimizer.paramGroups.map((g) => g.lr);
  let err: unknown;
  try {
    s.loadStateDict(bad);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(LrschedError);
  expect((err as LrschedError).path).toMatch(path);
  expect(json(s.stateDict())).toEqual(before);
  expect(s.optimizer.paramGroups.map((g) => g.lr)).toEqual(lrs);
}

describe("loadStateDict", () => {
  it("round-trips through JSON, Infinity included", () => {
    const a = new ReduceLROnPlateau(opt(), { patience: 1 });
    const b = new ReduceLROnPlateau(opt(), { patience: 1 });
    b.loadStateDict(json(a.stateDict()));
    expect(b.best).toBe(Infinity);
    expect(b.stateDict()).toEqual(a.stateDict());
  });

  it("rejects a dict of another class", () => {
    const o = opt();
    const cos = new CosineAnnealingLR(o, { tMax: 10 });
    expectRejected(cos, new StepLR(opt(), { stepSize: 3 }).stateDict(), /step_size|T_max/);
  });

  it("rejects a missing key, a bad value, a wrong group count", () => {
    const s = new StepLR(opt(), { stepSize: 3 });
    s.step();
    const good = json(s.stateDict());
    const { last_epoch: _drop, ...missing } = good;
    expectRejected(s, missing, /last_epoch/);
    expectRejected(s, { ...good, gamma: "0.1" }, /gamma/);
    expectRejected(s, { ...good, step_size: null }, /step_size/);
    expectRejected(s, { ...good, base_lrs: [0.1, , ] }, /base_lrs\[1\]/); // a sparse list
    expectRejected(s, { ...good, _last_lr: ["nan", 0.05] }, /_last_lr\[0\]/);
    expectRejected(s, { ...good, base_lrs: [0.1] }, /base_lrs/);
    expectRejected(s, { ...good, _last_lr: [0.1, null] }, /_last_lr\[1\]/);
    expectRejected(s, null, /stateDict/);
    expectRejected(s, [good], /stateDict/);
  });

  it("accepts dicts without the keys other PyTorch versions leave out", () => {
    const s = new StepLR(opt(), { stepSize: 3 });
    const { verbose: _v, _get_lr_called_within_step: _g, ...older } = s.stateDict();
    expect(() => s.loadStateDict(older)).not.toThrow();
  });

  it("checks MultiStepLR's counter and ReduceLROnPlateau's modes", () => {
    const m = new MultiStepLR(opt(), { milestones: [2, 4] });
    expectRejected(m, { ...m.stateDict(), milestones: { two: 1 } }, /milestones/);
    expectRejected(m, { ...m.stateDict(), milestones: { 2: 0 } }, /milestones/);
    const p = new ReduceLROnPlateau(opt());
    expectRejected(p, { ...p.stateDict(), mode: "avg" }, /mode/);
    expectRejected(p, { ...p.stateDict(), factor: 1 }, /factor/);
    expectRejected(p, { ...p.stateDict(), best: "infinite" }, /best/);
  });

  it("checks OneCycleLR phases and momentum kind", () => {
    const o = new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10 });
    const sd = json(o.stateDict());
    expectRejected(o, { ...sd, _schedule_phases: sd._schedule_phases.slice(0, 1) }, /_schedule_phases/);
    expectRejected(o, { ...sd, anneal_func: "_annealing_exp" }, /anneal_func/);
    expectRejected(o, { ...sd, use_beta1: true }, /use_beta1/);
  });

  it("CyclicLR needs a custom scale function to load a dict that used one", () => {
    const withFn = new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, scaleFn: () => 1 });
    const plain = new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1 });
    expectRejected(plain, withFn.stateDict(), /_scale_fn_custom/);
  });

  it("loads nested dicts all or nothing", () => {
    const o = opt();
    const seq = new SequentialLR(o, {
      schedulers: [new ConstantLR(o, { factor: 0.5, totalIters: 2 }), new ExponentialLR(o, { gamma: 0.9 })],
      milestones: [3],
    });
    for (let i = 0; i < 5; i++) seq.step();
    const sd = json(seq.stateDict());
    const fresh = (() => {
      const o2 = opt();
      return new SequentialLR(o2, {
        schedulers: [new ConstantLR(o2, { factor: 0.5, totalIters: 2 }), new ExponentialLR(o2, { gamma: 0.9 })],
        milestones: [3],
      });
    })();
    // the second child's dict is corrupt: neither child, nor the parent, may change
    const bad = json(sd);
    bad._schedulers[1].gamma = "x";
    expectRejected(fresh, bad, /_schedulers\[1\]\.gamma/);
    expectRejected(fresh, { ...sd, _schedulers: [sd._schedulers[0]] }, /_schedulers/);
    expectRejected(fresh, { ...sd, _milestones: [3, 5] }, /_milestones/);
    fresh.loadStateDict(sd);
    expect(json(fresh.stateDict())).toEqual(sd);

    const o3 = opt();
    const chained = new ChainedScheduler([new ConstantLR(o3), new ExponentialLR(o3, { gamma: 0.9 })]);
    const bad2 = json(chained.stateDict());
    bad2._schedulers[0].total_iters = "1.5";
    expectRejected(chained, bad2, /_schedulers\[0\]\.total_iters/);
  });
});
