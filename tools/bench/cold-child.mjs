// Run in a fresh process by cold.mjs: import ts-api and take the first curve (which instantiates
// the WASM core), then report the times in ms on stdout.
const t0 = performance.now();
const { cosineDecay } = await import("@lrsched/ts-api");
const t1 = performance.now();
cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }).curve(1000);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstCurveMs: t2 - t1, totalMs: t2 - t0, sinceStartMs: t2 }));
