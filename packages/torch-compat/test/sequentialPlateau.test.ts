// SequentialLR with plateauLast: a warm-up handing over to ReduceLROnPlateau. Checked by hand,
// against the loop PyTorch users write instead (recorded from torch 2.13 by
// tools/conformance/generate_plateau_fixtures.py), and through state dict round trips.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConstantLR, fromTorchConfig, LinearLR, LrschedError, ReduceLROnPlateau, SequentialLR, type Optimizer, type ParamGroup } from "../src/index";
import { relError, TOLERANCE } from "./compare";
import { FIXTURES } from "./fixtures";

interface TorchCase {
  label: string;
  groups: number[];
  warmup: { start_factor: number; total_iters: number };
  milestone: number;
  plateau: Record<string, unknown>;
  metrics: number[];
  lrs: number[][];
}

const file = JSON.parse(readFileSync(join(FIXTURES, "plateau_warmup.json"), "utf8")) as { torch_version: string; torch: TorchCase[] };
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function build(c: TorchCase, optimizer: Optimizer = { paramGroups: c.groups.map((lr) => ({ lr })) }) {
  const warm = new LinearLR(optimizer, { startFactor: c.warmup.start_factor, totalIters: c.warmup.total_iters });
  const plateau = new ReduceLROnPlateau(optimizer, Object.fromEntries(Object.entries(c.plateau).map(([k, v]) => [camel(k), v])));
  return new SequentialLR(optimizer, { schedulers: [warm, plateau], milestones: [c.milestone], plateauLast: true });
}

const rates = (s: SequentialLR) => s.optimizer.paramGroups.map((g) => g.lr);

describe("SequentialLR([warm-up, ReduceLROnPlateau], {plateauLast: true})", () => {
  it("a sequence computed by hand", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const warm = new LinearLR(optimizer, { startFactor: 0.5, totalIters: 2 });
    const plateau = new ReduceLROnPlateau(optimizer, { factor: 0.5, patience: 1 });
    const s = new SequentialLR(optimizer, { schedulers: [warm, plateau], milestones: [2], plateauLast: true });
    const seen = [optimizer.paramGroups[0].lr];
    for (const m of [9, 1.0, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8]) {
      s.step(m);
      seen.push(optimizer.paramGroups[0].lr);
    }
    // 0.05 after construction (factor 0.5), 0.075 at epoch 1 (0.5 + 0.5 / 2; its metric 9 is
    // ignored); at the milestone (epoch 2) the rate goes back to 0.1 and the plateau takes 1.0 as
    // its best; 0.9 improves; then two epochs without improvement exceed patience 1: halved at
    // epoch 5; 0.8 improves at 6; halved again at 8
    const want = [0.05, 0.075, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025];
    seen.forEach((lr, k) => expect(lr, `after step ${k}`).toBeCloseTo(want[k], 15)); // LinearLR's chainable rule rounds
    expect(s.getLastLr()).toEqual([0.025]);
    expect(s.lastEpoch).toBe(8);
  });

  it("the metric is optional before the last milestone and required from it on", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const s = new SequentialLR(optimizer, {
      schedulers: [new LinearLR(optimizer, { totalIters: 2 }), new ReduceLROnPlateau(optimizer)],
      milestones: [2],
      plateauLast: true,
    });
    s.step();
    const before = JSON.stringify(s.stateDict());
    expect(() => s.step()).toThrow("metric must be a number from epoch 2 on: SequentialLR.step(metric) hands it to the ReduceLROnPlateau");
    expect(JSON.stringify(s.stateDict())).toBe(before);
    s.step(1);
    expect(optimizer.paramGroups[0].lr).toBe(0.1);
  });

  it.each(file.torch.map((c) => [c.label, c] as const))(`equals the warm-up-then-plateau loop of torch ${file.torch_version}: %s`, (_, c) => {
    const s = build(c);
    const scale = Math.max(...c.lrs.flat());
    const check = (k: number) => c.lrs[k].forEach((want, g) => {
      const got = rates(s)[g];
      const err = relError(got, want, scale);
      if (!(err <= TOLERANCE)) expect.fail(`after step ${k}, group ${g}: got ${got}, PyTorch ${want}`);
    });
    check(0);
    c.metrics.forEach((m, i) => {
      s.step(m);
      check(i + 1);
    });
    // the case reduces more than once after the hand-over
    expect(new Set(c.lrs.slice(c.milestone).map((r) => r[0])).size).toBeGreaterThan(2);
  });

  it.each(file.torch.map((c) => [c.label, c] as const))("stateDict / loadStateDict resume it exactly: %s", (_, c) => {
    const full = build(c);
    const want = c.metrics.map((m) => (full.step(m), rates(full)));
    for (const at of [1, c.milestone - 1, c.milestone, c.milestone + 3, c.metrics.length - 2]) {
      const first = build(c);
      c.metrics.slice(0, at).forEach((m) => first.step(m));
      const saved = JSON.parse(JSON.stringify({ groups: first.optimizer.paramGroups, state: first.stateDict() })) as {
        groups: ParamGroup[];
        state: Record<string, unknown>;
      };
      const optimizer: Optimizer = { paramGroups: c.groups.map((lr) => ({ lr })) };
      const resumed = build(c, optimizer);
      saved.groups.forEach((g, i) => Object.assign(optimizer.paramGroups[i], g));
      resumed.loadStateDict(saved.state);
      const rest = c.metrics.slice(at).map((m) => (resumed.step(m), rates(resumed)));
      expect(rest, `resumed after step ${at}`).toEqual(want.slice(at));
    }
  });

  it("toTorchConfig carries the flag and fromTorchConfig rebuilds it", () => {
    const c = file.torch[0];
    const config = build(c).toTorchConfig();
    expect(config.plateau_last).toBe(true);
    const again = fromTorchConfig(config, { paramGroups: c.groups.map((lr) => ({ lr })) }) as SequentialLR;
    c.metrics.forEach((m) => again.step(m));
    expect(rates(again)).toEqual(c.lrs[c.lrs.length - 1]);
  });

  it("without the flag the behaviour stays PyTorch's; with it only a last plateau is accepted", () => {
    const o = { paramGroups: [{ lr: 0.1 }] };
    const plateau = () => new ReduceLROnPlateau(o);
    expect(() => new SequentialLR(o, { schedulers: [new ConstantLR(o), plateau()], milestones: [2] }))
      .toThrow("schedulers[1] cannot be a ReduceLROnPlateau: SequentialLR steps without a metric (PyTorch fails on it); as the last of several, pass plateauLast: true");
    expect(() => new SequentialLR(o, { schedulers: [plateau(), new ConstantLR(o)], milestones: [2], plateauLast: true })).toThrow(LrschedError);
    expect(() => new SequentialLR(o, { schedulers: [plateau()], milestones: [], plateauLast: true })).toThrow("schedulers[0] cannot be a ReduceLROnPlateau");
    expect(() => new SequentialLR(o, { schedulers: [new ConstantLR(o)], milestones: [], plateauLast: 1 as never })).toThrow("plateauLast must be true or false");
    const plain = new SequentialLR(o, { schedulers: [new ConstantLR(o), new ConstantLR(o)], milestones: [2] });
    expect(() => plain.step(1)).toThrow("epoch is not accepted by SequentialLR.step()");
    // a plateau-ending SequentialLR cannot sit inside a composite that steps without a metric
    const inner = new SequentialLR(o, { schedulers: [new ConstantLR(o), plateau()], milestones: [2], plateauLast: true });
    expect(() => new SequentialLR(o, { schedulers: [inner, new ConstantLR(o)], milestones: [3] })).toThrow("schedulers[0] cannot be a SequentialLR ending in a ReduceLROnPlateau");
  });
});
