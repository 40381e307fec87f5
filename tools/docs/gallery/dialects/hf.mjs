// One picture per Hugging Face transformers get_scheduler name: the closed-form names as
// `transformers` specs of @lrsched/ts-api, the metric-driven ones as torch-compat's
// transformersScheduler on a simulated validation loss.
import { TRANSFORMERS_METRIC_NAMES, TRANSFORMERS_NAMES, fromSpec } from "@lrsched/ts-api";
import { transformersScheduler } from "@lrsched/torch-compat";
import { num, optionWords } from "../describe.mjs";
import { markAt as at, markLevel as level } from "../draw.mjs";
import { drops, metricRates, ratesSchedule } from "../recorded.mjs";

const LR = 0.1;
const STEPS = 1000;
const WARMUP = 100;
const warm = (s) => (s.numWarmupSteps > 0 ? [at(s.numWarmupSteps, "warm-up end")] : []);

/** Extra get_scheduler arguments per name, and the marks they imply. */
const NAMES = {
  linear: { marks: warm },
  cosine: { marks: warm },
  cosine_with_restarts: {
    args: { numCycles: 3 },
    marks: (s) => [...warm(s), ...[1, 2].map((k) => at(s.numWarmupSteps + (k * (s.numTrainingSteps - s.numWarmupSteps)) / 3, "restart"))],
  },
  polynomial: { args: { power: 2, lrEnd: 0.01 }, marks: (s) => [...warm(s), level(s.lrEnd, `lr_end ${num(s.lrEnd)}`)] },
  constant: { args: { numWarmupSteps: null, numTrainingSteps: null }, marks: () => [] },
  constant_with_warmup: { args: { numTrainingSteps: null }, marks: warm },
  inverse_sqrt: { args: { numTrainingSteps: null }, marks: warm },
  cosine_with_min_lr: { args: { minLr: 0.01 }, marks: (s) => [...warm(s), level(s.minLr, `min_lr ${num(s.minLr)}`)] },
  cosine_warmup_with_min_lr: {
    args: { minLrRate: 0.1 },
    marks: (s) => [...warm(s), level(s.minLrRate * LR, `min_lr_rate × lr = ${num(s.minLrRate * LR)}`)],
  },
  warmup_stable_decay: {
    args: { numDecaySteps: 200, decayType: "cosine", minLrRatio: 0.05 },
    marks: (s) => [...warm(s), at(s.numTrainingSteps - s.numDecaySteps, "decay start"), level(s.minLrRatio * LR, `min_lr_ratio × lr = ${num(s.minLrRatio * LR)}`)],
  },
};

/** Metric-driven names: get_scheduler's arguments for them, fed the simulated loss every 10 steps. */
const METRIC_NAMES = {
  reduce_lr_on_plateau: { args: { factor: 0.5, patience: 3 } },
  greedy: { args: { factor: 0.8, patience: 3, cooldown: 2, smooth: false } },
};

function closedForm(name) {
  const entry = NAMES[name];
  if (!entry) throw new Error(`the Hugging Face gallery has no entry for ${name}`);
  const spec = { type: "transformers", name, learningRate: LR, numWarmupSteps: WARMUP, numTrainingSteps: STEPS, ...entry.args };
  for (const [k, v] of Object.entries(spec)) if (v === null) delete spec[k];
  return {
    id: name,
    source: spec,
    title: `${name} (transformers get_scheduler)`,
    subtitle: optionWords(spec, ["type", "name"]),
    steps: STEPS,
    series: [{ label: name, schedule: fromSpec(spec) }],
    marks: entry.marks(spec),
  };
}

/** Evaluated every `every` steps, as a Trainer evaluates: one `step(metric)` per evaluation. */
function metricDriven(name) {
  const entry = METRIC_NAMES[name];
  if (!entry) throw new Error(`the Hugging Face gallery has no entry for ${name}`);
  const optimizer = { paramGroups: [{ lr: LR }] };
  const scheduler = transformersScheduler(optimizer, name, entry.args);
  const evaluations = 100;
  const rates = metricRates(optimizer, evaluations, (loss) => scheduler.step(loss));
  return {
    id: name,
    source: { name, lr: LR, ...entry.args },
    title: `${name} (transformers get_scheduler)`,
    subtitle: `${optionWords(entry.args)} · on a simulated validation loss`,
    steps: evaluations,
    xTitle: "evaluation",
    series: [{ label: name, schedule: ratesSchedule(rates) }],
    marks: drops(rates).map((k) => at(k, "cut")),
  };
}

export const hf = {
  name: "hf",
  heading: "Hugging Face get_scheduler names",
  dir: "hf",
  pictures: () => [...TRANSFORMERS_NAMES.map(closedForm), ...TRANSFORMERS_METRIC_NAMES.map(metricDriven)],
};
