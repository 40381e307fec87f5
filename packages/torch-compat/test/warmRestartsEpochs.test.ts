// CosineAnnealingWarmRestarts.step(epoch) places every integer epoch where real PyTorch does,
// including the restart epochs Python's log puts one period low (tools/conformance/cawr_epochs.json).
import { describe, expect, it } from "vitest";
import { CosineAnnealingWarmRestarts } from "../src/index";
import { relError, TOLERANCE } from "./compare";
import { readFixture } from "./fixtures";

interface EpochCase {
  T_0: number;
  T_mult: number;
  dense: [number, number, number][];
  edges: { epoch: number; T_i: number; T_cur: number; lr: number }[];
}

const fx = readFixture<EpochCase>("cawr_epochs.json") as ReturnType<typeof readFixture<EpochCase>> & {
  dense_epochs: number;
  lr: number;
};

/** Start of period n: T_0 (T_mult^n - 1) / (T_mult - 1), exact. */
const startOf = (t0: number, m: number, n: number) => Number((BigInt(t0) * (BigInt(m) ** BigInt(n) - 1n)) / BigInt(m - 1));

describe(`CosineAnnealingWarmRestarts.step(epoch) matches PyTorch ${fx.torch_version}`, () => {
  for (const c of fx.cases) {
    it(`T_0 ${c.T_0}, T_mult ${c.T_mult}: every epoch below ${fx.dense_epochs} in PyTorch's period`, () => {
      const s = new CosineAnnealingWarmRestarts({ paramGroups: [{ lr: fx.lr }] }, { t0: c.T_0, tMult: c.T_mult });
      let checked = 0;
      for (const [first, last, n] of c.dense) {
        const length = c.T_0 * c.T_mult ** n;
        const start = n === 0 ? 0 : startOf(c.T_0, c.T_mult, n);
        for (let epoch = first; epoch <= last; epoch++) {
          s.step(epoch);
          if (s.tI !== length || s.tCur !== epoch - start) {
            expect.fail(`epoch ${epoch}: T_i ${s.tI}, T_cur ${s.tCur}; PyTorch T_i ${length}, T_cur ${epoch - start}`);
          }
          checked++;
        }
      }
      expect(checked).toBe(fx.dense_epochs);
    });

    it(`T_0 ${c.T_0}, T_mult ${c.T_mult}: ${c.edges.length} restart epochs and neighbours up to 2^53`, () => {
      const opt = { paramGroups: [{ lr: fx.lr }] };
      const s = new CosineAnnealingWarmRestarts(opt, { t0: c.T_0, tMult: c.T_mult });
      for (const e of c.edges) {
        s.step(e.epoch);
        expect([s.tI, s.tCur], `epoch ${e.epoch}`).toEqual([e.T_i, e.T_cur]);
        const err = relError(opt.paramGroups[0].lr, e.lr, fx.lr);
        if (!(err <= TOLERANCE)) expect.fail(`epoch ${e.epoch}: lr ${opt.paramGroups[0].lr}, PyTorch ${e.lr}`);
      }
    });
  }

  it("T_0 1, T_mult 3, step(121): PyTorch's lr 0 and T_i 81, not the restart", () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    const s = new CosineAnnealingWarmRestarts(opt, { t0: 1, tMult: 3 });
    s.step(121);
    expect([opt.paramGroups[0].lr, s.tI, s.tCur]).toEqual([0, 81, 81]);
  });
});
