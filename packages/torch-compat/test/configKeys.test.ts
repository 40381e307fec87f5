// Config errors name real config paths: keys such as `toString` or `constructor` are ordinary
// unknown keys (they once printed Object.prototype's functions), and an error about the scheduler
// itself (`OneCycleLR.step`) is not rewritten as if it were a config key (`config._one_cycle_l_r`).
import { LrschedError } from "@lrsched/ts-api";
import { describe, expect, it } from "vitest";
import { fromTorchConfig } from "../src";

const P = "torch.optim.lr_scheduler.";

function message(config: unknown, lr = 0.1): string {
  try {
    fromTorchConfig(config, { paramGroups: [{ lr }] });
  } catch (e) {
    expect(e).toBeInstanceOf(LrschedError);
    return (e as Error).message;
  }
  throw new Error("built");
}

describe("config error paths", () => {
  it("keys named like Object.prototype's members", () => {
    expect(message({ _target_: `${P}StepLR`, step_size: 10, toString: 1 })).toBe("config.toString must be a PyTorch snake_case keyword argument");
    expect(message({ _target_: `${P}StepLR`, step_size: 10, constructor: 1 })).toBe("config.constructor is not an option of StepLR (options: stepSize, gamma, lastEpoch, verbose)");
    expect(message({ _target_: `${P}StepLR`, step_size: 10, valueOf: 1 })).toMatch(/^config\.valueOf /);
    expect(message({ _target_: `${P}StepLR`, step_size: 10, hasOwnProperty: 1 })).toMatch(/^config\.hasOwnProperty /);
  });

  it("an error about the scheduler's own step keeps its name", () => {
    const m = message({ _target_: `${P}OneCycleLR`, max_lr: 1e308, total_steps: 10, div_factor: 1e-10, cycle_momentum: false });
    expect(m).toBe("OneCycleLR.step would set param group 0's lr to a non-finite value, got Infinity");
  });
});
