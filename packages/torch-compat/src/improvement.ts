// The improvement rule PyTorch's ReduceLROnPlateau and transformers' GreedyLR share: a metric
// improves on the best one so far when it beats it by more than a threshold, absolute or relative.

/** How a plateau scheduler judges a metric. */
export interface ImprovementRule {
  readonly mode: "min" | "max";
  readonly thresholdMode: "rel" | "abs";
  readonly threshold: number;
}

/** Whether `current` improves on `best` under `rule` (PyTorch's `is_better`). */
export function improves(rule: ImprovementRule, current: number, best: number): boolean {
  const t = rule.threshold;
  if (rule.mode === "min") return rule.thresholdMode === "rel" ? current < best * (1 - t) : current < best - t;
  return rule.thresholdMode === "rel" ? current > best * (1 + t) : current > best + t;
}
