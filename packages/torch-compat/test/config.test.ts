// fromTorchConfig / toTorchConfig: Hydra-style configs in, the same configs out.
import { describe, expect, it } from "vitest";
import {
  ChainedScheduler, CosineAnnealingLR, fromTorchConfig, LambdaLR, LinearLR, LrschedError, SequentialLR,
  StepLR, TORCH_CLASSES, type Optimizer, type Scheduler,
} from "../src/index";

const opt = (): Optimizer => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] });

function rates(s: Scheduler, n: number): number[][] {
  const out = [s.optimizer.paramGroups.map((g) => g.lr)];
  for (let i = 0; i < n; i++) {
    s.step();
    out.push(s.optimizer.paramGroups.map((g) => g.lr));
  }
  return out;
}

const MINIMAL: Record<string, Record<string, unknown>> = {
  LambdaLR: { lr_lambda: (e: number) => 0.9 ** e },
  MultiplicativeLR: { lr_lambda: () => 0.9 },
  StepLR: { step_size: 3, gamma: 0.5 },
  MultiStepLR: { milestones: [2, 5], gamma: 0.5 },
  ConstantLR: { factor: 0.5, total_iters: 3 },
  LinearLR: { start_factor: 0.2, total_iters: 4 },
  ExponentialLR: { gamma: 0.9 },
  PolynomialLR: { total_iters: 6, power: 2 },
  CosineAnnealingLR: { T_max: 5, eta_min: 0.001 },
  CosineAnnealingWarmRestarts: { T_0: 3, T_mult: 2 },
  CyclicLR: { base_lr: 0.01, max_lr: [0.1, 0.2], step_size_up: 3 },
  OneCycleLR: { max_lr: 0.1, total_steps: 20, three_phase: true },
  ReduceLROnPlateau: { patience: 1 },
  SequentialLR: {
    schedulers: [
      { _target_: "torch.optim.lr_scheduler.LinearLR", start_factor: 0.5, total_iters: 2 },
      { _target_: "torch.optim.lr_scheduler.CosineAnnealingLR", T_max: 6 },
    ],
    milestones: [2],
  },
  ChainedScheduler: {
    schedulers: [
      { _target_: "torch.optim.lr_scheduler.ConstantLR", factor: 0.5, total_iters: 2 },
      { _target_: "torch.optim.lr_scheduler.ExponentialLR", gamma: 0.9 },
    ],
  },
};

describe("fromTorchConfig / toTorchConfig", () => {
  it("covers every class", () => {
    expect(Object.keys(MINIMAL).sort()).toEqual(Object.keys(TORCH_CLASSES).sort());
  });

  for (const [cls, kwargs] of Object.entries(MINIMAL)) {
    it(`${cls}: config -> scheduler -> config -> the same rates`, () => {
      const a = fromTorchConfig({ _target_: `torch.optim.lr_scheduler.${cls}`, ...kwargs }, opt());
      expect(a.className).toBe(cls);
      const config = a.toTorchConfig();
      expect(config._target_).toBe(`torch.optim.lr_scheduler.${cls}`);
      const b = fromTorchConfig(config, opt());
      if (cls === "ReduceLROnPlateau") {
        for (const m of [1, 1, 1, 0.5, 0.5, 0.5]) {
          a.step(m);
          b.step(m);
        }
        expect(b.getLastLr()).toEqual(a.getLastLr());
        return;
      }
      expect(rates(b, 15)).toEqual(rates(a, 15));
    });
  }

  it("builds nested schedulers in order on the same optimizer", () => {
    const o = opt();
    const s = fromTorchConfig({
      _target_: "torch.optim.lr_scheduler.ChainedScheduler",
      schedulers: [
        {
          _target_: "torch.optim.lr_scheduler.SequentialLR",
          schedulers: [
            { _target_: "torch.optim.lr_scheduler.ConstantLR", factor: 0.5, total_iters: 2 },
            { _target_: "torch.optim.lr_scheduler.ExponentialLR", gamma: 0.9 },
          ],
          milestones: [3],
        },
        { _target_: "torch.optim.lr_scheduler.StepLR", step_size: 4, gamma: 0.5 },
      ],
    }, o) as ChainedScheduler;
    expect(s.schedulers.map((c) => c.className)).toEqual(["SequentialLR", "StepLR"]);
    expect((s.schedulers[0] as SequentialLR).schedulers.every((c) => c.optimizer === o)).toBe(true);
  });

  it("accepts a JS lr_lambda and ready-made schedulers", () => {
    const o = opt();
    const lam = fromTorchConfig({ _target_: "torch.optim.lr_scheduler.LambdaLR", lr_lambda: (e: number) => 1 / (e + 1) }, o);
    expect(lam).toBeInstanceOf(LambdaLR);
    const o2 = opt();
    const seq = fromTorchConfig({
      _target_: "torch.optim.lr_scheduler.SequentialLR",
      schedulers: [new LinearLR(o2, { totalIters: 2 }), new StepLR(o2, { stepSize: 2 })],
      milestones: [2],
    }, o2);
    expect(seq.getLastLr()).toEqual([0.1 / 3, 0.05 / 3]);
  });

  it("names the config path in errors", () => {
    const bad = (config: unknown, path: string) => {
      try {
        fromTorchConfig(config, opt());
      } catch (e) {
        expect(e).toBeInstanceOf(LrschedError);
        expect((e as LrschedError).path).toBe(path);
        return;
      }
      expect.fail("no error");
    };
    bad({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: "2" }, "config.step_size");
    bad({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: 2, gama: 0.1 }, "config.gama");
    bad({ _target_: "torch.optim.lr_scheduler.CosineAnnealingLR", T_max: null }, "config.T_max");
    bad({ _target_: "torch.optim.lr_scheduler.Nope" }, "config._target_");
    bad({ step_size: 3 }, "config._target_");
    bad({ _target_: "torch.optim.lr_scheduler.StepLR", stepSize: 3 }, "config.stepSize");
    bad({
      _target_: "torch.optim.lr_scheduler.SequentialLR",
      schedulers: [{ _target_: "torch.optim.lr_scheduler.ConstantLR" }, { _target_: "torch.optim.lr_scheduler.ExponentialLR" }],
      milestones: [2],
    }, "config.schedulers[1].gamma");
    bad("StepLR", "config");
  });

  it("keeps lastEpoch in the config", () => {
    const o: Optimizer = { paramGroups: [{ lr: 0.1, initialLr: 0.1 }] };
    const s = new CosineAnnealingLR(o, { tMax: 10, lastEpoch: 4 });
    expect(s.toTorchConfig()).toEqual({ _target_: "torch.optim.lr_scheduler.CosineAnnealingLR", T_max: 10, eta_min: 0, last_epoch: 4, verbose: false });
  });
});
