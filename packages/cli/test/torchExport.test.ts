// Specs exported as PyTorch configs give the same rates when torch-compat runs them the way PyTorch
// does (stepped, and in closed form). torch-compat's stepping is itself checked against real PyTorch.
import { fromSpec, type Schedule } from "@lrsched/ts-api";
import { fromTorchConfig } from "@lrsched/torch-compat";
import { describe, expect, it } from "vitest";
import { optimizerAt } from "../src/input/torch";
import { specToTorch } from "../src/input/torchExport";

const CASES: [string, Record<string, unknown>, number][] = [
  ["constant", { type: "constant", value: 0.05 }, 50],
  ["exponential staircase -> StepLR", { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 30, decayRate: 0.5, staircase: true }, 200],
  ["exponential per step -> ExponentialLR", { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.95 }, 300],
  ["exponential over 10 steps -> ExponentialLR", { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }, 300],
  ["cosineAnnealing, past T_max", { type: "cosineAnnealing", initialLearningRate: 0.1, tMax: 100, etaMin: 0.001 }, 250],
  ["cosine restarts -> CosineAnnealingWarmRestarts", { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 20, tMul: 2, alpha: 0.1 }, 300],
  ["polynomial to 0 -> PolynomialLR", { type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 50, endLearningRate: 0, power: 2 }, 80],
  ["cyclic triangular2", { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 20, stepSizeDown: 10, mode: "triangular2" }, 200],
  ["cyclic exp_range", { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 15, mode: "exp_range", gamma: 0.99 }, 200],
  ["oneCycle, three phases", { type: "oneCycle", maxLr: 0.1, totalSteps: 100, threePhase: true, annealStrategy: "linear" }, 101],
];

// PyTorch's chainable forms multiply a factor in per step: their rounding grows with the step count
const close = (got: number, want: number, where: string) => expect(Math.abs(got - want), where).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(want), 1e-6));

describe("specs as PyTorch configs", () => {
  it.each(CASES)("%s: the same rates, stepped and in closed form", (_, raw, steps) => {
    const schedule = fromSpec(raw);
    const want = schedule.curve(steps, { dtype: "float64" });
    const { config, lr } = specToTorch(schedule.toSpec() as Record<string, unknown>);
    expect(String(config._target_)).toMatch(/^torch\.optim\.lr_scheduler\.\w+$/);
    const scheduler = fromTorchConfig(config, optimizerAt(lr));
    for (let t = 0; t < steps; t++) {
      if (t > 0) scheduler.step();
      close(scheduler.getLastLr()[0], want[t], `stepped, step ${t}`);
    }
    const closedForm = fromTorchConfig(config, optimizerAt(lr)) as unknown as { toSchedule(): Schedule };
    const closed = closedForm.toSchedule().curve(steps, { dtype: "float64" });
    want.forEach((v, t) => close(closed[t], v, `closed form, step ${t}`));
  });

  it("says when PyTorch has no counterpart, and why", () => {
    expect(() => specToTorch(fromSpec({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 10 }).toSpec() as Record<string, unknown>)).toThrow(
      /^cosineDecay has no PyTorch equivalent \(PyTorch schedulers exist for constant, exponentialDecay/,
    );
    expect(() => specToTorch(fromSpec({ type: "polynomialDecay", initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01 }).toSpec() as Record<string, unknown>)).toThrow(
      "polynomialDecay has no PyTorch equivalent with these options: PolynomialLR decays to 0",
    );
    expect(() => specToTorch(fromSpec({ type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 10, mMul: 0.5 }).toSpec() as Record<string, unknown>)).toThrow(/mMul 1/);
  });
});
