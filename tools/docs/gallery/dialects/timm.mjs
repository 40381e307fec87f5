// One picture per timm scheduler class, from timm's constructor call `{class, kwargs}` (snake_case
// keyword arguments, as `fromTimm` and torch-compat's `fromTimmConfig` read them), lr 0.1, per epoch.
import { TIMM_CLASSES, fromTimm } from "@lrsched/ts-api";
import { fromTimmConfig } from "@lrsched/torch-compat";
import { num, optionWords, periodEnds } from "../describe.mjs";
import { markAt as at, markLevel as level } from "../draw.mjs";
import { drops, metricRates, ratesSchedule } from "../recorded.mjs";

const LR = 0.1;
const EPOCHS = 100;
const warm = (k) => (k.warmup_t > 0 ? [at(k.warmup_t, "warm-up end")] : []);

/** Each class: its keyword arguments and the marks they imply. */
const CLASSES = {
  CosineLRScheduler: {
    kwargs: { t_initial: 30, cycle_mul: 1.5, cycle_decay: 0.7, cycle_limit: 3, lr_min: 0.005, warmup_t: 5, warmup_lr_init: 0.001 },
    marks: (k) => [...warm(k), ...periodEnds(k.t_initial, k.cycle_mul, EPOCHS).slice(0, k.cycle_limit - 1).map((e) => at(e, "restart")), level(k.lr_min, `lr_min ${num(k.lr_min)}`)],
  },
  TanhLRScheduler: {
    kwargs: { t_initial: 40, cycle_limit: 2, lr_min: 0.005, warmup_t: 5, warmup_lr_init: 0.001 },
    marks: (k) => [...warm(k), at(k.t_initial, "restart"), level(k.lr_min, `lr_min ${num(k.lr_min)}`)],
  },
  StepLRScheduler: {
    kwargs: { decay_t: 30, decay_rate: 0.5, warmup_t: 5, warmup_lr_init: 0.001 },
    marks: (k) => [...warm(k), ...periodEnds(k.decay_t, 1, EPOCHS).map((e) => at(e, `× ${k.decay_rate}`))],
  },
  MultiStepLRScheduler: {
    kwargs: { decay_t: [30, 60, 80], decay_rate: 0.5, warmup_t: 5, warmup_lr_init: 0.001 },
    // timm counts a milestone as passed once t + 1 reaches it
    marks: (k) => [...warm(k), ...k.decay_t.map((m) => at(m - 1, "milestone"))],
  },
  PolyLRScheduler: {
    kwargs: { t_initial: 90, power: 2, lr_min: 0.005, warmup_t: 5, warmup_lr_init: 0.001 },
    marks: (k) => [...warm(k), at(k.t_initial, "t_initial"), level(k.lr_min, `lr_min ${num(k.lr_min)}`)],
  },
  PlateauLRScheduler: {
    kwargs: { decay_rate: 0.5, patience_t: 5, warmup_t: 5, warmup_lr_init: 0.001, mode: "min" },
    metric: true,
    marks: (k, rates) => [...warm(k), ...drops(rates).map((e) => at(e, "plateau: × 0.5"))],
  },
};

/** timm's epoch loop: after epoch e - 1 trains, `step(e, metric)` sets the rate of epoch e. */
function plateauRun(config) {
  const optimizer = { paramGroups: [{ lr: LR }] };
  const scheduler = fromTimmConfig(optimizer, config);
  return metricRates(optimizer, EPOCHS, (loss, epoch) => scheduler.step(epoch, loss));
}

export const timm = {
  name: "timm",
  heading: "timm schedulers",
  dir: "timm",
  pictures: () =>
    TIMM_CLASSES.map((name) => {
      const entry = CLASSES[name];
      if (!entry) throw new Error(`the timm gallery has no entry for ${name}`);
      const config = { class: name, kwargs: entry.kwargs };
      const rates = entry.metric ? plateauRun(config) : undefined;
      return {
        id: name,
        source: config,
        title: `${name} (timm, lr ${LR})`,
        subtitle: optionWords(entry.kwargs) + (entry.metric ? " · on a simulated validation loss" : ""),
        steps: EPOCHS,
        xTitle: "epoch",
        series: [{ label: name, schedule: rates ? ratesSchedule(rates) : fromTimm(config, { lr: LR }) }],
        marks: entry.marks(entry.kwargs, rates),
      };
    }),
};
