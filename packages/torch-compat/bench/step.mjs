// step() cost per call, and toSchedule().curve(n) against stepping n times.
// Run after a build: node bench/step.mjs [n]   (n defaults to 1e7)
import { CosineAnnealingLR, CosineAnnealingWarmRestarts, OneCycleLR, StepLR } from "../dist/index.js";

const N = Number(process.argv[2] ?? 1e7);
const optimizer = () => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });
const makers = {
  StepLR: () => new StepLR(optimizer(), { stepSize: 1000, gamma: 0.9 }),
  CosineAnnealingLR: () => new CosineAnnealingLR(optimizer(), { tMax: 1e6 }),
  OneCycleLR: () => new OneCycleLR(optimizer(), { maxLr: 0.1, totalSteps: N }),
  CosineAnnealingWarmRestarts: () => new CosineAnnealingWarmRestarts(optimizer(), { t0: 1000, tMult: 2 }),
};

function timeSteps(make, n) {
  const s = make();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) s.step();
  return Number(process.hrtime.bigint() - t0) / 1e6; // ms
}

function timeCurve(make, n, dtype) {
  const schedule = make().toSchedule();
  schedule.curve(1000, { dtype }); // compile the plan, instantiate the core
  const t0 = process.hrtime.bigint();
  schedule.curve(n, { dtype });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const rows = [];
for (const [name, make] of Object.entries(makers)) {
  timeSteps(make, Math.min(N, 1e5)); // warm up the JIT
  const stepMs = timeSteps(make, N);
  const row = { scheduler: name, "step() ns/call": ((stepMs * 1e6) / N).toFixed(1), [`${N} steps (ms)`]: stepMs.toFixed(0) };
  if (typeof make().toSchedule === "function") {
    row["curve f64 (ms)"] = timeCurve(make, N, "float64").toFixed(0);
    row["curve f32 (ms)"] = timeCurve(make, N, "float32").toFixed(0);
    row["speed-up f32"] = `${(stepMs / Number(row["curve f32 (ms)"])).toFixed(1)}x`;
  }
  rows.push(row);
}
console.table(rows);
