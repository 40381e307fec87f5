// CosineAnnealingWarmRestarts with a huge T_mult once spun forever in its closed form's period
// search. Each case runs in a worker under a generous limit, so a hang fails instead of stalling.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { valueOf as value, watchdog } from "../../../tools/test/watchdog";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.cjs");
const dog = watchdog({ torch: dist });
afterAll(() => dog.close());

describe("CosineAnnealingWarmRestarts with T_mult 1e308", () => {
  it("steps, and its closed form's curve and at() return (the second period lasts 1e308 epochs)", async () => {
    const got = value(await dog.run(`
      const s = lib.torch.fromTorchConfig(
        { _target_: "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts", T_0: 1, T_mult: 1e308 },
        { paramGroups: [{ lr: 0.1 }] },
      );
      const stepped = [];
      for (let i = 0; i < 20000; i++) { s.step(); if (i % 5000 === 0) stepped.push(s.getLastLr()[0]); }
      const c = s.toSchedule();
      return { stepped, curve: Array.from(c.curve(20000, { dtype: "float64" }).subarray(8190, 8200)), far: c.at(1e9) };
    `)) as { stepped: number[]; curve: number[]; far: number };
    for (const v of [...got.stepped, ...got.curve, got.far]) expect(v).toBeCloseTo(0.1, 12);
  });
});
