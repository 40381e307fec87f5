// plateauRates: the sweep's plateau rate source replayed against a metric series.
import { describe, expect, it } from "vitest";
import { plateauRates } from "../src/index";

describe("plateauRates", () => {
  it("reduces where PyTorch's ReduceLROnPlateau does, in abs mode with max", () => {
    // mode max, threshold 0.05 abs: better means value > best + 0.05. patience 1, no cooldown.
    // 0.50 best; 0.52 bad 1; 0.54 bad 2 > 1 -> 0.1 x 0.1 = 0.01; 0.60 best; 0.62 bad 1; 0.63 bad 2 -> 0.001
    const { rates, after, policy } = plateauRates({ lr: 0.1, mode: "max", threshold: 0.05, thresholdMode: "abs", patience: 1 }, [0.5, 0.52, 0.54, 0.6, 0.62, 0.63], 2);
    // each reduction is old_lr * factor in doubles, as PyTorch computes it
    const once = 0.1 * 0.1;
    expect(Array.from(rates)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, once, once, once, once, once, once]);
    expect(after).toBe(once * 0.1);
    expect(policy.factor).toBe(0.1);
    expect(policy.cooldown).toBe(0);
  });

  it("names the field and the rule of every bad input", () => {
    expect(() => plateauRates({ lr: 0.1 }, [])).toThrow("metrics must hold at least one value");
    expect(() => plateauRates({ lr: 0.1 }, [1, Number.NaN])).toThrow("metrics[1] must be a finite number");
    expect(() => plateauRates({ lr: 0.1 }, [1], 0)).toThrow("stepsPerEpoch must be an integer >= 1");
    expect(() => plateauRates({ lr: 0.1, monitor: "loss" }, [1])).toThrow("plateau.monitor is not an option here");
    expect(() => plateauRates({ lr: 0.1, factor: 2 }, [1])).toThrow("plateau.factor must be < 1");
  });
});
