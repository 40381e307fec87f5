// Config errors name real config paths: keys such as `toString` or `constructor` are ordinary
// unknown keys (they once printed Object.prototype's functions), and an error about the scheduler
// itself (`ExponentialLR.step`) is not rewritten as if it were a config key (`config._exponential_l_r`).
import { LrschedError } from "@lrsched/ts-api";
import { describe, expect, it } from "vitest";
import { caught } from "../../../tools/test/caught";
import { fromTorchConfig } from "../src";

const P = "torch.optim.lr_scheduler.";

function message(config: unknown, group: { lr: number; initialLr?: number } = { lr: 0.1 }): string {
  const e = caught(() => fromTorchConfig(config, { paramGroups: [group] }));
  expect(e).toBeInstanceOf(LrschedError);
  return (e as Error).message;
}

describe("config error paths", () => {
  it("keys named like Object.prototype's members", () => {
    expect(message({ _target_: `${P}StepLR`, step_size: 10, toString: 1 })).toBe("config.toString must be a PyTorch snake_case keyword argument");
    expect(message({ _target_: `${P}StepLR`, step_size: 10, constructor: 1 })).toBe("config.constructor is not an option of StepLR (options: stepSize, gamma, lastEpoch, verbose)");
    expect(message({ _target_: `${P}StepLR`, step_size: 10, valueOf: 1 })).toMatch(/^config\.valueOf /);
    expect(message({ _target_: `${P}StepLR`, step_size: 10, hasOwnProperty: 1 })).toMatch(/^config\.hasOwnProperty /);
  });

  it("an error about the scheduler's own step keeps its name (once config._cyclic_l_r.step)", () => {
    // resumed at epoch 5, the first step's rate 1e300 * 1e300^6 overflows
    const m = message({ _target_: `${P}ExponentialLR`, gamma: 1e300, last_epoch: 5 }, { lr: 1e300, initialLr: 1e300 });
    expect(m).toBe("ExponentialLR.step would set param group 0's lr to a non-finite value, got Infinity");
    const c = message(
      { _target_: `${P}CyclicLR`, base_lr: 1e308, max_lr: 1e308, step_size_up: 1, cycle_momentum: false, mode: "exp_range", gamma: 1e300, last_epoch: 3 },
      { lr: 0.1, initialLr: 1 },
    );
    expect(c).toBe("CyclicLR.step would set param group 0's lr to a non-finite value, got NaN");
  });
});
