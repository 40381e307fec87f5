// Reference evaluations of the Keras schedules in plain f64, written from the formulas Keras
// documents in its source (docstrings of keras/src/optimizers/schedules/learning_rate_schedule.py
// and tf-keras's LinearCosineDecay / NoisyLinearCosineDecay) and from the numpy helpers of Keras's
// own test suite (np_cosine_decay, np_cosine_decay_restarts). They deliberately use the
// straightforward forms (loops for restarts) rather than lrsched's closed forms.

export function exponential(step: number, lr: number, decaySteps: number, rate: number, staircase: boolean) {
  const p = staircase ? Math.floor(step / decaySteps) : step / decaySteps;
  return lr * rate ** p;
}

export function inverseTime(step: number, lr: number, decaySteps: number, rate: number, staircase: boolean) {
  const p = staircase ? Math.floor(step / decaySteps) : step / decaySteps;
  return lr / (1 + rate * p);
}

export function naturalExp(step: number, lr: number, decaySteps: number, rate: number, staircase: boolean) {
  // tf.compat.v1.train.natural_exp_decay: ExponentialDecay with decay_rate = exp(-rate)
  const p = staircase ? Math.floor(step / decaySteps) : step / decaySteps;
  return lr * Math.exp(-rate * p);
}

export function piecewise(step: number, boundaries: number[], values: number[]) {
  if (step <= boundaries[0]) return values[0];
  if (step > boundaries[boundaries.length - 1]) return values[values.length - 1];
  for (let i = 1; i < boundaries.length; i++) {
    if (step > boundaries[i - 1] && step <= boundaries[i]) return values[i];
  }
  throw new Error("unreachable");
}

export function polynomial(step: number, lr: number, decaySteps: number, end: number, power: number, cycle: boolean) {
  let s = step;
  let d = decaySteps;
  if (cycle) d = decaySteps * (step === 0 ? 1 : Math.ceil(step / decaySteps));
  else s = Math.min(step, decaySteps);
  return (lr - end) * (1 - s / d) ** power + end;
}

export function npCosineDecay(step: number, decaySteps: number, alpha = 0) {
  const s = Math.min(step, decaySteps);
  const decay = 0.5 * (1 + Math.cos(Math.PI * (s / decaySteps)));
  return (1 - alpha) * decay + alpha;
}

export function cosineWithWarmup(step: number, lr: number, decaySteps: number, alpha: number, target: number | null, warmupSteps: number) {
  if (target === null) return lr * npCosineDecay(step, decaySteps, alpha);
  if (step < warmupSteps) return (target - lr) * (step / warmupSteps) + lr;
  return target * npCosineDecay(step - warmupSteps, decaySteps, alpha);
}

export function npCosineDecayRestarts(step: number, decaySteps: number, tMul = 2, mMul = 1, alpha = 0) {
  let s = step;
  let d = decaySteps;
  let fac = 1;
  while (s >= d) {
    s -= d;
    d *= tMul;
    fac *= mMul;
  }
  const decay = fac * 0.5 * (1 + Math.cos(Math.PI * (s / d)));
  return (1 - alpha) * decay + alpha;
}

export function linearCosine(step: number, lr: number, decaySteps: number, periods: number, alpha: number, beta: number, eps = 0) {
  const s = Math.min(step, decaySteps);
  const linear = (decaySteps - s) / decaySteps;
  const cosine = 0.5 * (1 + Math.cos(Math.PI * 2 * periods * (s / decaySteps)));
  return lr * ((alpha + linear + eps) * cosine + beta);
}
