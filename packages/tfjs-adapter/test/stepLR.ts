// A minimal structural stand-in for a torch-compat scheduler: PyTorch's StepLR in closed form
// (lr = initialLr * gamma ** floor(epoch / stepSize)), stepping once in its constructor as
// PyTorch does. Used where @lrsched/torch-compat is not built yet.
import type { TorchLikeScheduler } from "../src/index";

interface Group {
  lr: number;
  initialLr?: number;
}

export class StandInStepLR implements TorchLikeScheduler {
  lastEpoch = -1;
  private lastLr: number[] = [];

  constructor(
    readonly optimizer: { paramGroups: Group[] },
    private readonly options: { stepSize: number; gamma?: number },
  ) {
    for (const g of optimizer.paramGroups) g.initialLr ??= g.lr;
    this.step();
  }

  step(): void {
    this.lastEpoch += 1;
    const factor = (this.options.gamma ?? 0.1) ** Math.floor(this.lastEpoch / this.options.stepSize);
    for (const g of this.optimizer.paramGroups) g.lr = g.initialLr! * factor;
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  getLastLr(): number[] {
    return this.lastLr;
  }
}
