// The README's examples, run.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CosineAnnealingLR, fromTorchConfig, getScheduler, LinearLR, loadParamGroups, ReduceLROnPlateau, saveParamGroups, SequentialLR, StepLR,
  transformersScheduler, fromTimmConfig,
} from "../src/index";
import { readFixture } from "./fixtures";

describe("README examples", () => {
  it("timm's create_scheduler_v2", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }, { lr: 0.1, lrScale: 0.5 }] };
    const scheduler = fromTimmConfig(optimizer, {
      class: "create_scheduler_v2",
      kwargs: { sched: "cosine", num_epochs: 10, warmup_epochs: 2, warmup_lr: 0.001 },
    });
    expect(scheduler.numEpochs).toBe(10);
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.001, 0.0005]);
    for (let epoch = 0; epoch < 5; epoch++) scheduler.step(epoch + 1);
    optimizer.paramGroups.map((g) => g.lr).forEach((v, i) => expect(v).toBeCloseTo([0.05, 0.025][i]!, 15));
  });

  it("StepLR loop", () => {
    const optimizer = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
    const scheduler = new StepLR(optimizer, { stepSize: 30, gamma: 0.1 });
    for (let epoch = 0; epoch < 100; epoch++) scheduler.step();
    expect(scheduler.getLastLr()).toEqual([0.00010000000000000003]);
  });

  it("warm-up then cosine", () => {
    const optimizer = { paramGroups: [{ lr: 3e-4 }] };
    const warmup = new LinearLR(optimizer, { startFactor: 0.01, totalIters: 500 });
    const cosine = new CosineAnnealingLR(optimizer, { tMax: 9500, etaMin: 1e-6 });
    const scheduler = new SequentialLR(optimizer, { schedulers: [warmup, cosine], milestones: [500] });
    expect(optimizer.paramGroups[0].lr).toBeCloseTo(3e-6, 15);
    for (let batch = 0; batch < 500; batch++) scheduler.step();
    expect(optimizer.paramGroups[0].lr).toBe(3e-4);
  });

  it("warm-up, then ReduceLROnPlateau", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const warmup = new LinearLR(optimizer, { startFactor: 0.5, totalIters: 2 });
    const plateau = new ReduceLROnPlateau(optimizer, { factor: 0.5, patience: 1 });
    const scheduler = new SequentialLR(optimizer, { schedulers: [warmup, plateau], milestones: [2], plateauLast: true });
    const seen = [optimizer.paramGroups[0].lr];
    for (const valLoss of [9, 1.0, 0.9, 0.9, 0.9]) {
      scheduler.step(valLoss);
      seen.push(optimizer.paramGroups[0].lr);
    }
    [0.05, 0.075, 0.1, 0.1, 0.1, 0.05].forEach((want, k) => expect(seen[k]).toBeCloseTo(want, 15));
  });

  it("Hugging Face get_scheduler", () => {
    const optimizer = { paramGroups: [{ lr: 5e-5 }, { lr: 1e-5 }], defaults: { lr: 5e-5 } };
    const scheduler = transformersScheduler(optimizer, "linear", { numWarmupSteps: 100, numTrainingSteps: 1000 });
    for (let step = 0; step < 50; step++) scheduler.step();
    expect(scheduler.getLastLr()).toEqual([2.5e-5, 5e-6]);
    const greedy = transformersScheduler({ paramGroups: [{ lr: 0.1 }] }, "greedy", { patience: 2, factor: 0.8 });
    for (const loss of [1, 0.9, 0.8]) greedy.step(loss);
    expect(greedy.getLastLr()[0]).toBeCloseTo(0.125, 15);
  });

  it("ReduceLROnPlateau", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const plateau = new ReduceLROnPlateau(optimizer, { mode: "min", factor: 0.5, patience: 2 });
    const seen: number[] = [];
    for (const loss of [1.0, 0.9, 0.9, 0.9, 0.9]) {
      plateau.step(loss);
      seen.push(optimizer.paramGroups[0].lr);
    }
    expect(seen).toEqual([0.1, 0.1, 0.1, 0.1, 0.05]);
  });

  it("stop, save, resume", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 100 });
    for (let i = 0; i < 40; i++) scheduler.step();
    const checkpoint = JSON.stringify({ groups: saveParamGroups(optimizer), scheduler: scheduler.stateDict() });
    scheduler.step();
    const uninterrupted = optimizer.paramGroups[0].lr;

    const saved = JSON.parse(checkpoint);
    const optimizer2 = { paramGroups: [{ lr: 0.1 }] };
    const scheduler2 = new CosineAnnealingLR(optimizer2, { tMax: 100 });
    loadParamGroups(optimizer2, saved.groups);
    scheduler2.loadStateDict(saved.scheduler);
    scheduler2.step();
    expect(optimizer2.paramGroups[0].lr).toBe(uninterrupted);
  });

  it("move a run between PyTorch and lrsched: the files, read and written as the README does", () => {
    // scheduler.json / groups.json as lrsched_torch.py wrote them from PyTorch 2.13's StepLR run
    const c = readFixture<{ name: string; scheduler: { class: string }; at: number; torch_to_lrsched: { state: unknown; groups: unknown; records: { lr: number[] }[] } }>(
      "interop_torch2.json",
    ).cases.find((x) => x.scheduler.class === "StepLR" && x.name === "step_size 7 gamma 0.9")!;
    const dir = mkdtempSync(join(tmpdir(), "lrsched-readme-"));
    writeFileSync(join(dir, "scheduler.json"), JSON.stringify(c.torch_to_lrsched.state));
    writeFileSync(join(dir, "groups.json"), JSON.stringify(c.torch_to_lrsched.groups));

    const optimizer = { paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] };
    const scheduler = new StepLR(optimizer, { stepSize: 7, gamma: 0.9 });
    loadParamGroups(optimizer, JSON.parse(readFileSync(join(dir, "groups.json"), "utf8")));
    scheduler.loadStateDict(JSON.parse(readFileSync(join(dir, "scheduler.json"), "utf8")));
    scheduler.step();
    expect(scheduler.getLastLr()).toEqual(c.torch_to_lrsched.records[0].lr);

    writeFileSync(join(dir, "scheduler.json"), JSON.stringify(scheduler.stateDict()));
    writeFileSync(join(dir, "groups.json"), JSON.stringify(saveParamGroups(optimizer)));
    expect(JSON.parse(readFileSync(join(dir, "scheduler.json"), "utf8"))).toMatchObject({ last_epoch: c.at + 1, step_size: 7 });
    expect(JSON.parse(readFileSync(join(dir, "groups.json"), "utf8"))[0]).toMatchObject({ initial_lr: 0.1, momentum: 0.9 });
  });

  it("configs, getScheduler, curves", () => {
    const optimizer = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
    const config = {
      _target_: "torch.optim.lr_scheduler.SequentialLR",
      schedulers: [
        { _target_: "torch.optim.lr_scheduler.LinearLR", start_factor: 0.1, total_iters: 5 },
        { _target_: "torch.optim.lr_scheduler.StepLR", step_size: 30, gamma: 0.1 },
      ],
      milestones: [5],
    };
    const s = fromTorchConfig(config, optimizer);
    expect(s.toTorchConfig()).toMatchObject({ milestones: [5], schedulers: [{ start_factor: 0.1, total_iters: 5 }, { step_size: 30, gamma: 0.1 }] });
    const policy = getScheduler({ paramGroups: [{ lr: 2e-4 }] }, { lrPolicy: "linear", niter: 100, niterDecay: 100 });
    expect(policy.className).toBe("LambdaLR");
    const curve = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 1000, gamma: 0.9 }).toSchedule().curve(2001);
    expect(curve[2000]).toBeCloseTo(0.081, 7);
  });
});
