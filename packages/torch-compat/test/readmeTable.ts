// The epoch -> lr table of README.md, computed by the schedulers themselves (readme.test.ts keeps
// the README in step with it).
import { ConstantLR, CosineAnnealingLR, ExponentialLR, LinearLR, MultiStepLR, OneCycleLR, StepLR, type Scheduler } from "../src/index";

const opt = () => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });

export const TABLE_COLUMNS: Array<[string, () => Scheduler]> = [
  ["StepLR(stepSize 3, gamma 0.5)", () => new StepLR(opt(), { stepSize: 3, gamma: 0.5 })],
  ["MultiStepLR([2, 5])", () => new MultiStepLR(opt(), { milestones: [2, 5] })],
  ["ExponentialLR(0.8)", () => new ExponentialLR(opt(), { gamma: 0.8 })],
  ["ConstantLR()", () => new ConstantLR(opt())],
  ["LinearLR(0.25, totalIters 4)", () => new LinearLR(opt(), { startFactor: 0.25, totalIters: 4 })],
  ["CosineAnnealingLR(tMax 4)", () => new CosineAnnealingLR(opt(), { tMax: 4 })],
  ["OneCycleLR(maxLr 0.1, 8 steps)", () => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 8 })],
];

const fmt = (x: number) => (Math.abs(x) < 1e-15 ? "0" : Number(x.toPrecision(4)).toString());

export function readmeTable(epochs = 9): string {
  const columns = TABLE_COLUMNS.map(([name, make]) => {
    const s = make();
    const lrs = [s.getLastLr()[0]];
    for (let e = 1; e < epochs; e++) {
      s.step();
      lrs.push(s.getLastLr()[0]);
    }
    return { name, lrs };
  });
  const head = `| epoch | ${columns.map((c) => c.name).join(" | ")} |`;
  const rule = `|---:|${columns.map(() => "---:").join("|")}|`;
  const rows = Array.from({ length: epochs }, (_, e) => `| ${e} | ${columns.map((c) => fmt(c.lrs[e])).join(" | ")} |`);
  return [head, rule, ...rows].join("\n");
}
