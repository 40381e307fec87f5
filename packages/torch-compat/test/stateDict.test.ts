// loadStateDict rejects corrupted or mismatched dicts and changes nothing when it does.
import { describe, expect, it } from "vitest";
import {
  ChainedScheduler, ConstantLR, CosineAnnealingLR, CyclicLR, ExponentialLR, LrschedError, MultiStepLR, OneCycleLR, loadParamGroups, saveParamGroups,
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

describe("state dicts from other PyTorch versions, and strict JSON", () => {
  it("loads verbose as PyTorch 1.13 may save it (an int) and as 2.x did ('deprecated')", () => {
    const s = new StepLR(opt(), { stepSize: 3 });
    s.loadStateDict({ ...json(s.stateDict()), verbose: 1 });
    expect(s.verbose).toBe(true);
    s.loadStateDict({ ...json(s.stateDict()), verbose: "deprecated" });
    expect(s.verbose).toBe(false);
    expectRejected(s, { ...json(s.stateDict()), verbose: "loud" }, /verbose/);
  });

  it("applies the constructor's rules to every loaded value", () => {
    const c = new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1 });
    expectRejected(c, { ...json(c.stateDict()), mode: "bogus" }, /mode/);
    expectRejected(c, { ...json(c.stateDict()), total_size: 0 }, /total_size/);
    expectRejected(c, { ...json(c.stateDict()), _scale_fn_ref: "_exp_range_scale_fn" }, /_scale_fn_ref/);
    expectRejected(c, { ...json(c.stateDict()), use_beta1: true }, /use_beta1/);
    const p = new ReduceLROnPlateau(opt());
    expectRejected(p, { ...json(p.stateDict()), patience: "nan" }, /patience/);
    const o = new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10 });
    expectRejected(o, { ...json(o.stateDict()), _anneal_func_type: "linear" }, /_anneal_func_type/);
  });

  it("loads the natural JSON of PyTorch's dicts: callables left out, 2.x keys, a Counter with '2.0' keys", () => {
    const o = new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, annealStrategy: "linear" });
    const { anneal_func: _a, verbose: _v, ...v2 } = json(o.stateDict());
    o.loadStateDict({ ...v2, _anneal_func_type: "cos", _is_initial: false });
    expect(o.annealStrategy).toBe("cos");
    o.loadStateDict(v2); // no annealing function at all: the constructed one stays
    expect(o.annealStrategy).toBe("cos");
    const m = new MultiStepLR(opt(), { milestones: [2, 4] });
    m.loadStateDict({ ...json(m.stateDict()), milestones: { "2.0": 1, "4": 2, "1.5": 1 } });
    expect([...m.milestones.entries()].sort((x, y) => x[0] - y[0])).toEqual([[1.5, 1], [2, 1], [4, 2]]);
    const p = new ReduceLROnPlateau(opt());
    const { verbose: _pv, ...p2 } = json(p.stateDict());
    p.loadStateDict({ ...p2, default_min_lr: 0, _last_lr: [0.1, 0.05] });
    expect(p.getLastLr()).toEqual([0.1, 0.05]);
  });

  it("writes strict JSON: every non-finite number as 'inf', '-inf' or 'nan'", () => {
    const o = opt();
    const plateau = new ReduceLROnPlateau(o, { mode: "max", patience: Infinity, cooldown: -Infinity });
    plateau.step(Infinity);
    const all: Scheduler[] = [plateau, new ExponentialLR(opt(), { gamma: 0.9 }), new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1 })];
    for (const s of all) {
      const text = JSON.stringify(s.stateDict());
      // JSON.stringify would write Infinity and NaN as null: the parsed text must be the dict itself
      expect(text).not.toMatch(/Infinity|NaN/);
      expect(JSON.parse(text)).toEqual(s.stateDict());
    }
    expect(plateau.stateDict()).toMatchObject({ best: "inf", mode_worse: "-inf", patience: "inf", cooldown: "-inf" });
    const again = new ReduceLROnPlateau(opt(), { mode: "max" });
    again.loadStateDict(JSON.parse(JSON.stringify(plateau.stateDict())));
    expect([again.best, again.patience, again.cooldown]).toEqual([Infinity, Infinity, -Infinity]);
  });
});

describe("saveParamGroups / loadParamGroups", () => {
  it("saves PyTorch's names and loads them, or this package's, all or nothing", () => {
    const a = { paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] };
    new OneCycleLR(a, { maxLr: 0.1, totalSteps: 10 });
    const saved = saveParamGroups(a);
    expect(Object.keys(saved[0]).sort()).toEqual(["base_momentum", "initial_lr", "lr", "max_lr", "max_momentum", "min_lr", "momentum"]);
    const b = { paramGroups: [{ lr: 1 }, { lr: 2 }] };
    loadParamGroups(b, saved);
    expect(saveParamGroups(b)).toEqual(saved);
    loadParamGroups(b, [{ lr: 0.3, initialLr: 0.5, weight_decay: 1e-4 }, { lr: 0.4 }]);
    expect(b.paramGroups[0]).toMatchObject({ lr: 0.3, initialLr: 0.5 });
    expect("weight_decay" in b.paramGroups[0]).toBe(false);
    const before = JSON.stringify(b.paramGroups);
    for (const bad of [[{ lr: 0.1 }], [{ lr: 0.1 }, { lr: "0.2" }], [{ lr: 0.1 }, { momentum: 0.9 }], [{ lr: 0.1 }, { lr: 0.1, betas: [] }], {}]) {
      expect(() => loadParamGroups(b, bad)).toThrow(LrschedError);
      expect(JSON.stringify(b.paramGroups)).toBe(before);
    }
  });

  it("keeps a saved rate a schedule made negative, which a rate set by hand may not be", () => {
    const o = { paramGroups: [{ lr: 0.1 }] };
    const s = new ExponentialLR(o, { gamma: -1 });
    loadParamGroups(o, [{ lr: -0.1, initial_lr: 0.1 }]);
    s.step();
    expect(o.paramGroups[0].lr).toBeCloseTo(0.1, 15);
    o.paramGroups[0].lr = -0.5;
    expect(() => s.step()).toThrow(/Invalid learning rate/);
  });
});
