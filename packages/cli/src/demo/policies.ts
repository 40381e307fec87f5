// The seed's get_scheduler(optimizer, opt) policies, per epoch. With @lrsched/torch-compat's
// getScheduler they follow PyTorch exactly (plateau driven by a simulated validation loss); without
// it the closed-form policies come from ts-api and plateau is left out.
import type { Labeled } from "../input/sources";
import { optimizerAt, replayedSchedule, scheduleOf, torchBridge, type TorchOptimizer, type TorchScheduler } from "../input/torch";
import { collect, type PanelSeries } from "./series";

const LR = 0.1;
const OPT = { epochCount: 1, niter: 100, niterDecay: 100, lrDecayIters: 50 };
const POLICIES = ["linear", "step", "plateau", "cosine"] as const;

/**
 * A toy training run for ReduceLROnPlateau: the validation loss relaxes toward a floor that a
 * smaller rate lowers, so the rate is cut each time progress stalls.
 */
function plateauRun(scheduler: TorchScheduler, optimizer: TorchOptimizer, epochs: number): number[] {
  const rates: number[] = [];
  let loss = 2;
  for (let e = 0; e < epochs; e++) {
    const lr = optimizer.paramGroups[0].lr;
    rates.push(lr);
    loss += (0.2 + 3 * lr - loss) * 0.15;
    scheduler.step(loss);
  }
  return rates;
}

export async function policySeries(): Promise<PanelSeries> {
  const { getScheduler } = await torchBridge();
  if (getScheduler) {
    const schedules: Labeled[] = [];
    for (const lrPolicy of POLICIES) {
      const optimizer = optimizerAt(LR);
      const scheduler = getScheduler(optimizer, { lrPolicy, ...OPT });
      const label = lrPolicy === "plateau" ? "plateau (simulated loss)" : lrPolicy;
      const schedule =
        lrPolicy === "plateau"
          ? replayedSchedule(plateauRun(scheduler, optimizer, 200), label)
          : scheduleOf(scheduler, label);
      schedules.push({ label, schedule });
    }
    return { schedules, missing: [] };
  }
  // closed forms of the same rules, per epoch
  const keep = OPT.niter - OPT.epochCount; // LambdaLR keeps the full rate through this epoch
  const closed = collect([
    [
      "linear",
      {
        type: "join",
        boundaries: [keep],
        schedules: [
          { type: "constant", value: LR },
          { type: "polynomialDecay", initialLearningRate: LR, decaySteps: OPT.niterDecay + 1, endLearningRate: 0, power: 1 },
        ],
      },
    ],
    ["step", { type: "exponentialDecay", initialLearningRate: LR, decaySteps: OPT.lrDecayIters, decayRate: 0.1, staircase: true }],
    ["cosine (to T_max)", { type: "cosineDecay", initialLearningRate: LR, decaySteps: OPT.niter }],
  ]);
  return { schedules: closed.schedules, missing: [...closed.missing, "plateau (needs @lrsched/torch-compat)"] };
}
