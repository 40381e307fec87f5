// The benchmarked schedules: every ts-api factory, sized for a 1e7-step curve.
//
// target: the class for curve(1e7, float32) / new Float32Array(1e7).fill(v)
//   'fill'   <= 1.5x  constant, piecewise constant, staircase/step forms
//   'smooth' <= 3x    exponential, inverse time, natural exp, polynomial, cosine (+warm-up, restarts),
//                     linear cosine, cyclic, one-cycle, and joins of these
//   'noisy'  <= 6x    noisy linear cosine
//   null              forms the issue names no target for (reported, not judged)
// plain: a hand-written per-step loop of the same formula (the "naive TS" peer), writing out[0..n).
// numpy: the formula's name and parameters for tools/bench/peer.py (null: no numpy peer).
import * as L from "@lrsched/ts-api";

const N = 1e7;
const { cos, pow, exp, sqrt, PI, min, floor, ceil } = Math;

const up = (mode) => (mode === "triangular2" ? 20000 : 2000);
const cosineLoop = (lr, d, alpha) => (n, out) => {
  for (let i = 0; i < n; i++) {
    const s = min(i, d);
    out[i] = lr * ((1 - alpha) * 0.5 * (1 + cos((PI * s) / d)) + alpha);
  }
};
const polyLoop = (lr, d, end, p, cycle) => (n, out) => {
  for (let i = 0; i < n; i++) {
    let s = i, span = d;
    if (cycle) span = d * (i === 0 ? 1 : ceil(i / d));
    else s = min(i, d);
    out[i] = (lr - end) * pow(1 - s / span, p) + end;
  }
};

/** @returns {Array<{id:string,label:string,target:string|null,make:()=>any,plain?:Function,numpy?:object|null,edges?:number[]}>} */
export function scheduleCases() {
  return [
    {
      id: "constant", label: "constant", target: "fill",
      make: () => L.constant({ value: 0.1 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.1; },
      numpy: { fn: "constant", value: 0.1 },
    },
    {
      id: "piecewise", label: "piecewiseConstantDecay (3 boundaries)", target: "fill",
      make: () => L.piecewiseConstantDecay({ boundaries: [1e6, 4e6, 8e6], values: [0.1, 0.05, 0.01, 0.001] }),
      numpy: { fn: "piecewise", boundaries: [1e6, 4e6, 8e6], values: [0.1, 0.05, 0.01, 0.001] },
      edges: [1e6, 1e6 + 1, 4e6, 4e6 + 1, 8e6, 8e6 + 1],
    },
    {
      id: "exp", label: "exponentialDecay", target: "smooth",
      make: () => L.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1e6, decayRate: 0.5 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.1 * pow(0.5, i / 1e6); },
      numpy: { fn: "exponential", lr: 0.1, d: 1e6, rate: 0.5, staircase: false },
    },
    {
      id: "exp-stair", label: "exponentialDecay staircase", target: "fill",
      make: () => L.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1e5, decayRate: 0.96, staircase: true }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.1 * pow(0.96, floor(i / 1e5)); },
      numpy: { fn: "exponential", lr: 0.1, d: 1e5, rate: 0.96, staircase: true },
      edges: [1e5 - 1, 1e5, 5e6],
    },
    {
      id: "invtime", label: "inverseTimeDecay", target: "smooth",
      make: () => L.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1e5, decayRate: 0.5 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.1 / (1 + (0.5 * i) / 1e5); },
      numpy: { fn: "inverse_time", lr: 0.1, d: 1e5, rate: 0.5, staircase: false },
    },
    {
      id: "invtime-stair", label: "inverseTimeDecay staircase", target: "fill",
      make: () => L.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1e5, decayRate: 0.5, staircase: true }),
      numpy: { fn: "inverse_time", lr: 0.1, d: 1e5, rate: 0.5, staircase: true },
      edges: [1e5 - 1, 1e5],
    },
    {
      id: "natexp", label: "naturalExpDecay", target: "smooth",
      make: () => L.naturalExpDecay({ initialLearningRate: 0.1, decaySteps: 1e6, decayRate: 0.5 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.1 * exp((-0.5 * i) / 1e6); },
      numpy: { fn: "natural_exp", lr: 0.1, d: 1e6, rate: 0.5, staircase: false },
    },
    {
      id: "natexp-stair", label: "naturalExpDecay staircase", target: "fill",
      make: () => L.naturalExpDecay({ initialLearningRate: 0.1, decaySteps: 1e5, decayRate: 0.05, staircase: true }),
      numpy: { fn: "natural_exp", lr: 0.1, d: 1e5, rate: 0.05, staircase: true },
    },
    ...[1, 0.5, 2].flatMap((power) => [false, true].map((cycle) => {
      const d = cycle ? 1e6 : N;
      return {
        id: `poly-p${power}${cycle ? "-cycle" : ""}`,
        label: `polynomialDecay power ${power}${cycle ? ", cycle" : ""}`,
        target: "smooth",
        make: () => L.polynomialDecay({ initialLearningRate: 0.1, decaySteps: d, endLearningRate: 1e-4, power, cycle }),
        plain: polyLoop(0.1, d, 1e-4, power, cycle),
        numpy: { fn: "polynomial", lr: 0.1, d, end: 1e-4, power, cycle },
        edges: cycle ? [1e6 - 1, 1e6, 1e6 + 1, 2e6] : [N - 2, N - 1],
      };
    })),
    {
      id: "cosine", label: "cosineDecay", target: "smooth",
      make: () => L.cosineDecay({ initialLearningRate: 0.1, decaySteps: N, alpha: 0.01 }),
      plain: cosineLoop(0.1, N, 0.01),
      numpy: { fn: "cosine", lr: 0.1, d: N, alpha: 0.01, warmupSteps: 0, warmupTarget: null },
    },
    {
      id: "cosine-warmup", label: "cosineDecay with warm-up", target: "smooth",
      make: () => L.cosineDecay({ initialLearningRate: 0, decaySteps: N - 1e5, warmupTarget: 0.1, warmupSteps: 1e5 }),
      numpy: { fn: "cosine", lr: 0, d: N - 1e5, alpha: 0, warmupSteps: 1e5, warmupTarget: 0.1 },
      edges: [1e5 - 1, 1e5, 1e5 + 1],
    },
    {
      id: "restarts", label: "cosineDecayRestarts (tMul 2, mMul 0.9)", target: "smooth",
      make: () => L.cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 1e5, tMul: 2, mMul: 0.9 }),
      numpy: { fn: "restarts", lr: 0.1, first: 1e5, tMul: 2, mMul: 0.9, alpha: 0 },
      edges: [1e5 - 1, 1e5, 3e5 - 1, 3e5],
    },
    {
      id: "lincos", label: "linearCosineDecay (8 periods)", target: "smooth",
      make: () => L.linearCosineDecay({ initialLearningRate: 0.1, decaySteps: N, numPeriods: 8 }),
      plain: (n, out) => {
        for (let i = 0; i < n; i++) {
          const s = min(i, N);
          out[i] = 0.1 * (((N - s) / N) * 0.5 * (1 + cos((PI * 2 * 8 * s) / N)) + 0.001);
        }
      },
      numpy: { fn: "linear_cosine", lr: 0.1, d: N, periods: 8, alpha: 0, beta: 0.001 },
    },
    {
      id: "noisy", label: "noisyLinearCosineDecay", target: "noisy",
      make: () => L.noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: N, initialVariance: 0.01 }),
      numpy: { fn: "noisy_linear_cosine", lr: 0.1, d: N, periods: 0.5, alpha: 0, beta: 0.001, variance: 0.01, decay: 0.55 },
    },
    ...["triangular", "triangular2", "exp_range"].map((mode) => ({
      id: `cyclic-${mode}`, label: `cyclic ${mode}`, target: "smooth",
      // triangular2 halves its amplitude every cycle: longer cycles keep it above f32's range for 250 of them
      make: () => L.cyclic({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: up(mode), mode, gamma: mode === "exp_range" ? 0.9999995 : 1 }),
      plain: mode === "triangular" ? (n, out) => {
        for (let i = 0; i < n; i++) {
          const c = floor(1 + i / 4000);
          const x = Math.abs(i / 2000 - 2 * c + 1);
          out[i] = 0.001 + 0.099 * Math.max(0, 1 - x);
        }
      } : undefined,
      numpy: { fn: "cyclic", base: 0.001, max: 0.1, up: up(mode), down: up(mode), mode, gamma: mode === "exp_range" ? 0.9999995 : 1 },
      edges: [1999, 2000, 2001, 3999, 4000],
    })),
    {
      id: "onecycle", label: "oneCycle (cos)", target: "smooth",
      make: () => L.oneCycle({ maxLr: 0.1, totalSteps: N }),
      numpy: { fn: "one_cycle", max: 0.1, total: N, pct: 0.3, div: 25, finalDiv: 1e4, cos: true },
      edges: [3e6 - 2, 3e6 - 1, 3e6],
    },
    {
      id: "onecycle-lin3", label: "oneCycle (linear, three phases)", target: "smooth",
      make: () => L.oneCycle({ maxLr: 0.1, totalSteps: N, annealStrategy: "linear", threePhase: true }),
      numpy: null,
    },
    {
      id: "cosann", label: "cosineAnnealing (tMax 1e6, rises after)", target: "smooth",
      make: () => L.cosineAnnealing({ initialLearningRate: 0.1, tMax: 1e6, etaMin: 0.001 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.001 + 0.099 * 0.5 * (1 + cos((PI * i) / 1e6)); },
      numpy: { fn: "cosine_annealing", lr: 0.1, tMax: 1e6, etaMin: 0.001 },
    },
    {
      id: "warmupcos", label: "warmupCosine", target: "smooth",
      make: () => L.warmupCosine({ learningRate: 0.1, warmupSteps: 1e5, totalSteps: N }),
      numpy: { fn: "cosine", lr: 0, d: N - 1e5, alpha: 0, warmupSteps: 1e5, warmupTarget: 0.1 },
    },
    {
      id: "sgdr", label: "sgdr (warm-up every period)", target: "smooth",
      make: () => L.sgdr({ initialLearningRate: 0.1, firstDecaySteps: 1e6, cycleDecay: 0.8, warmupSteps: 1e4 }),
      numpy: null,
    },
    ...["linear", "cosine", "1-sqrt"].map((decayShape) => ({
      id: `wsd-${decayShape}`, label: `warmupStableDecay ${decayShape}`, target: decayShape === "1-sqrt" ? null : "smooth",
      make: () => L.warmupStableDecay({ learningRate: 0.1, warmupSteps: 1e5, stableSteps: 7.9e6, decaySteps: 2e6, decayShape }),
      numpy: { fn: "wsd", lr: 0.1, w: 1e5, stable: 7.9e6, d: 2e6, shape: decayShape },
    })),
    {
      id: "invsqrt", label: "inverseSqrt", target: null,
      make: () => L.inverseSqrt({ learningRate: 0.1, warmupSteps: 4000 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = i < 4000 ? 0.1 * (i / 4000) : 0.1 / sqrt(i / 4000); },
      numpy: { fn: "inverse_sqrt", lr: 0.1, w: 4000 },
    },
    {
      id: "kdecay", label: "kDecay (k 2)", target: null,
      make: () => L.kDecay({ initialLearningRate: 0.1, decaySteps: N, k: 2 }),
      plain: (n, out) => { for (let i = 0; i < n; i++) out[i] = 0.5 * 0.1 * (1 + cos(PI * pow(i / N, 2))); },
      numpy: { fn: "k_decay", lr: 0.1, d: N, k: 2 },
    },
    // the Hugging Face names that add shapes not covered above (the rest are the same ramps and joins)
    ...["cosine", "cosine_with_restarts", "polynomial", "warmup_stable_decay"].map((name) => ({
      id: `hf-${name}`, label: `transformers ${name}`,
      target: "smooth",
      make: () => L.transformers(name, {
        learningRate: 0.1, numWarmupSteps: 1e5, numTrainingSteps: N,
        ...(name === "cosine_with_restarts" ? { numCycles: 5 } : {}),
        ...(name === "polynomial" ? { power: 2 } : {}),
        ...(name === "cosine_with_min_lr" ? { minLrRate: 0.1 } : {}),
        ...(name === "warmup_stable_decay" ? { numDecaySteps: 2e6 } : {}),
      }),
      numpy: null,
    })),
    {
      id: "join", label: "join(warmup+cosine, exponential)", target: "smooth",
      make: () => L.join([
        L.warmup(L.cosineDecay({ initialLearningRate: 0.1, decaySteps: 5e6 }), { warmupSteps: 1e5 }),
        L.exponentialDecay({ initialLearningRate: 0.01, decaySteps: 1e6, decayRate: 0.5 }),
      ], [5.1e6]),
      numpy: null,
      edges: [1e5 - 1, 1e5, 5.1e6 - 1, 5.1e6],
    },
    {
      id: "join-pw-cyclic", label: "join(piecewise, cyclic)", target: "smooth",
      make: () => L.join([
        L.piecewiseConstantDecay({ boundaries: [1e6, 2e6], values: [0.1, 0.05, 0.02] }),
        L.cyclic({ baseLr: 0.001, maxLr: 0.02, stepSizeUp: 5000, mode: "triangular2" }),
      ], [3e6]),
      numpy: null,
    },
    {
      id: "warmup-exp", label: "warmup (exponential ramp) + exponentialDecay", target: "smooth",
      make: () => L.warmup(L.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1e6, decayRate: 0.7 }),
        { warmupSteps: 1e5, initialLr: 1e-4, shape: "exponential" }),
      numpy: null,
    },
    {
      id: "warmup-cos-ramp", label: "warmup (cosine ramp) + constant", target: "smooth",
      make: () => L.warmup(L.constant({ value: 0.1 }), { warmupSteps: 1e6, shape: "cosine" }),
      numpy: null,
    },
    {
      id: "multiply", label: "multiply(cosineDecay, cyclic)", target: null,
      make: () => L.multiply(L.cosineDecay({ initialLearningRate: 1, decaySteps: N }),
        L.cyclic({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2000 })),
      numpy: null,
    },
    {
      id: "clamp", label: "clamp(cosineAnnealing, 0.01..0.08)", target: null,
      make: () => L.clamp(L.cosineAnnealing({ initialLearningRate: 0.1, tMax: 1e6 }), { min: 0.01, max: 0.08 }),
      numpy: null,
    },
    {
      id: "scale", label: "scale(exponentialDecay, 0.5)", target: null,
      make: () => L.scale(L.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1e6, decayRate: 0.5 }), 0.5),
      numpy: null,
    },
  ];
}

/** Factories in ts-api's registry that no case above exercises (the report lists them). */
export function uncoveredTypes(cases) {
  const seen = new Set();
  const visit = (spec) => {
    if (spec === null || typeof spec !== "object") return;
    if (Array.isArray(spec)) return spec.forEach(visit);
    if (typeof spec.type === "string") seen.add(spec.type);
    Object.values(spec).forEach(visit);
  };
  for (const c of cases) visit(c.make().toSpec());
  return L.scheduleTypes.map((t) => t.type).filter((t) => !seen.has(t));
}
