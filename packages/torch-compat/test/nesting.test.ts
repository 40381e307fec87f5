// SequentialLR and ChainedScheduler obey the nesting limit of every lrsched composite: a config
// holding itself, a config nested 1e4 deep, or constructors nested past MAX_NESTING levels fail
// with an LrschedError naming the limit (once RangeError: Maximum call stack size exceeded).
import { LrschedError, MAX_NESTING } from "@lrsched/ts-api";
import { describe, expect, it } from "vitest";
import { caught } from "../../../tools/test/caught";
import { ChainedScheduler, ExponentialLR, SequentialLR, fromTorchConfig } from "../src";

const P = "torch.optim.lr_scheduler.";
const optimizer = () => ({ paramGroups: [{ lr: 0.1 }] });

function thrown(f: () => unknown): LrschedError {
  const e = caught(f);
  expect(e).toBeInstanceOf(LrschedError);
  return e as LrschedError;
}

/** A SequentialLR config nested `levels` deep around an ExponentialLR. */
function nestedConfig(levels: number): Record<string, unknown> {
  let c: Record<string, unknown> = { _target_: `${P}ExponentialLR`, gamma: 0.9 };
  for (let i = 0; i < levels; i++) c = { _target_: `${P}SequentialLR`, schedulers: [c], milestones: [] };
  return c;
}

describe("nested PyTorch schedulers", () => {
  it("a self-referencing SequentialLR config fails with an LrschedError naming the limit", () => {
    const config: Record<string, unknown> = { _target_: `${P}SequentialLR`, milestones: [] };
    config.schedulers = [config];
    const e = thrown(() => fromTorchConfig(config, optimizer()));
    expect(e.message).toMatch(/nests schedulers deeper than 32 levels \(lrsched's limit for composites\)/);
    expect(e.path).toMatch(/^config(\.schedulers\[0\]){33}$/); // the 33rd level below the top
  });

  it("a config nested 1e4 deep fails the same way; one at the limit builds and steps", () => {
    expect(thrown(() => fromTorchConfig(nestedConfig(10_000), optimizer())).rule).toMatch(/deeper than 32 levels/);
    const s = fromTorchConfig(nestedConfig(MAX_NESTING), optimizer());
    s.step();
    expect(Number.isFinite(s.getLastLr()[0])).toBe(true);
    expect(() => fromTorchConfig(nestedConfig(MAX_NESTING + 1), optimizer())).toThrow(LrschedError);
  });

  it("constructors nested past the limit: SequentialLR and ChainedScheduler", () => {
    const o = optimizer();
    let s: SequentialLR | ExponentialLR = new ExponentialLR(o, { gamma: 0.9 });
    for (let i = 0; i < MAX_NESTING; i++) s = new SequentialLR(o, { schedulers: [s], milestones: [] });
    const e = thrown(() => new SequentialLR(o, { schedulers: [s], milestones: [] }));
    expect(e.path).toBe("schedulers[0]");
    const c = thrown(() => new ChainedScheduler(o, { schedulers: [new ExponentialLR(o, { gamma: 0.5 }), s] }));
    expect(c.path).toBe("schedulers[1]");
  });
});
