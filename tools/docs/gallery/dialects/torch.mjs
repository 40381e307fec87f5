// One picture per torch.optim.lr_scheduler class of @lrsched/torch-compat, from a `_target_` config
// (as `lrsched plot --torch` reads it) stepped as PyTorch steps it, lr 0.1.
import { TORCH_CLASSES, fromTorchConfig } from "@lrsched/torch-compat";
import { optionWords, periodEnds, num } from "../describe.mjs";
import { markAt as at, markLevel as level } from "../draw.mjs";
import { drops, metricRates, ratesSchedule, recordRates } from "../recorded.mjs";

const LR = 0.1;
const EPOCHS = 100;
const target = (name) => `torch.optim.lr_scheduler.${name}`;

/** Each class: its config's arguments, epochs to draw, and the marks they imply. */
const CLASSES = {
  LambdaLR: {
    args: { lr_lambda: (epoch) => (epoch < 10 ? (epoch + 1) / 10 : 0.96 ** (epoch - 9)) },
    marks: () => [at(9, "lambda peaks")],
  },
  MultiplicativeLR: { args: { lr_lambda: (epoch) => (epoch % 20 === 0 ? 0.6 : 1) }, marks: () => [20, 40, 60, 80].map((e) => at(e, "× 0.6")) },
  StepLR: { args: { step_size: 30, gamma: 0.5 }, marks: (a) => periodEnds(a.step_size, 1, EPOCHS).map((e) => at(e, `× ${a.gamma}`)) },
  MultiStepLR: { args: { milestones: [30, 70], gamma: 0.2 }, marks: (a) => a.milestones.map((m) => at(m, "milestone")) },
  ConstantLR: { args: { factor: 0.25, total_iters: 20 }, marks: (a) => [at(a.total_iters, "total_iters")] },
  LinearLR: { args: { start_factor: 0.1, end_factor: 1, total_iters: 25 }, marks: (a) => [at(a.total_iters, "total_iters")] },
  ExponentialLR: { args: { gamma: 0.96 }, marks: () => [] },
  PolynomialLR: { args: { total_iters: 80, power: 2 }, marks: (a) => [at(a.total_iters, "total_iters")] },
  CosineAnnealingLR: {
    args: { T_max: 50, eta_min: 0.01 },
    epochs: 150,
    marks: (a) => [at(a.T_max, "T_max"), level(a.eta_min, `eta_min ${num(a.eta_min)}`)],
  },
  CosineAnnealingWarmRestarts: {
    args: { T_0: 20, T_mult: 2, eta_min: 0.005 },
    epochs: 150,
    marks: (a) => [...periodEnds(a.T_0, a.T_mult, 150).map((e) => at(e, "restart")), level(a.eta_min, `eta_min ${num(a.eta_min)}`)],
  },
  CyclicLR: {
    args: { base_lr: 0.01, max_lr: 0.1, step_size_up: 20, mode: "exp_range", gamma: 0.99, cycle_momentum: false },
    epochs: 200,
    xTitle: "batch",
    marks: (a) => [at(a.step_size_up, "step_size_up"), level(a.base_lr, `base_lr ${num(a.base_lr)}`)],
  },
  OneCycleLR: {
    args: { max_lr: 0.1, total_steps: 100, cycle_momentum: false },
    xTitle: "batch",
    marks: (a) => [at(29, "peak: pct_start × total_steps - 1"), level(a.max_lr / 25, "max_lr / div_factor")],
  },
  ReduceLROnPlateau: {
    args: { mode: "min", factor: 0.5, patience: 5, threshold: 0.01 },
    metric: true,
    marks: (a, rates) => drops(rates).map((e) => at(e, "plateau: × 0.5")),
  },
  SequentialLR: {
    args: {
      schedulers: [
        { _target_: target("LinearLR"), start_factor: 0.1, total_iters: 10 },
        { _target_: target("CosineAnnealingLR"), T_max: 90 },
      ],
      milestones: [10],
    },
    marks: (a) => a.milestones.map((m) => at(m, "milestone")),
  },
  ChainedScheduler: {
    args: {
      schedulers: [
        { _target_: target("ConstantLR"), factor: 0.5, total_iters: 15 },
        { _target_: target("ExponentialLR"), gamma: 0.97 },
      ],
    },
    marks: () => [at(15, "ConstantLR ends")],
  },
};

export const torch = {
  name: "torch",
  heading: "PyTorch schedulers (`@lrsched/torch-compat`)",
  dir: "torch",
  pictures: () =>
    Object.keys(TORCH_CLASSES).map((name) => {
      const entry = CLASSES[name];
      if (!entry) throw new Error(`the torch gallery has no entry for ${name}`);
      const config = { _target_: target(name), ...entry.args };
      const optimizer = { paramGroups: [{ lr: LR }] };
      const scheduler = fromTorchConfig(config, optimizer);
      const epochs = entry.epochs ?? EPOCHS;
      const rates = entry.metric ? metricRates(optimizer, epochs, (loss) => scheduler.step(loss)) : recordRates(scheduler, epochs);
      return {
        id: name,
        source: config,
        title: `${name} (lr ${LR})`,
        subtitle: optionWords(entry.args) + (entry.metric ? " · on a simulated validation loss" : ""),
        steps: epochs,
        xTitle: entry.xTitle ?? "epoch",
        series: [{ label: name, schedule: ratesSchedule(rates) }],
        marks: entry.marks(entry.args, rates),
      };
    }),
};
