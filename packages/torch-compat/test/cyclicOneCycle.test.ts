// cyclic_onecycle.json: single-group rate sequences of CyclicLR / OneCycleLR without momentum.
import { describe, expect, it } from "vitest";
import { fromTorchConfig, type Optimizer } from "../src/index";
import { relError, TOLERANCE } from "./compare";
import { readFixture } from "./fixtures";

interface Sequence {
  name: string;
  class: string;
  kwargs: Record<string, unknown>;
  lrs: number[];
}

describe("cyclic_onecycle.json sequences", () => {
  for (const c of readFixture<Sequence>("cyclic_onecycle.json").cases) {
    it(c.name, () => {
      const opt: Optimizer = { paramGroups: [{ lr: 0.1 }] };
      const s = fromTorchConfig({ _target_: `torch.optim.lr_scheduler.${c.class}`, ...c.kwargs, cycle_momentum: false }, opt);
      const scale = Math.max(...c.lrs);
      const schedule = (s as unknown as { toSchedule(): { at(e: number): number } }).toSchedule();
      c.lrs.forEach((want, e) => {
        if (e > 0) s.step();
        expect(relError(opt.paramGroups[0].lr, want, scale), `step ${e}`).toBeLessThanOrEqual(TOLERANCE);
        expect(relError(schedule.at(e), want, scale), `at(${e})`).toBeLessThanOrEqual(TOLERANCE);
      });
    });
  }
});
