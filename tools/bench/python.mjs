// Runs peer.py (PyTorch stepping, numpy formulas) under /usr/bin/python3 and checks that each
// numpy formula computes the same rates as the schedule's at(), so the comparison is like for like.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PYTHON = "/usr/bin/python3";
const PEER = fileURLToPath(new URL("./peer.py", import.meta.url));

export function runPython({ cases, torchCases, count, reps, torchSteps, torchReps }, log) {
  if (!existsSync(PYTHON)) return { available: false, reason: `${PYTHON} not found` };
  const checkSteps = [0, 1, 12_345, 1_234_567, count / 2 + 17, count - 1];
  const job = {
    checkSteps,
    numpy: { count, reps, cases: cases.filter((c) => c.numpy).map((c) => ({ id: c.id, spec: c.numpy })) },
    torch: { steps: torchSteps, reps: torchReps, cases: torchCases.map(({ cls, kwargs }) => ({ cls, kwargs })) },
  };
  log(`python peer: numpy ${job.numpy.cases.length} formulas x ${count} steps, PyTorch ${torchCases.length} classes x ${torchSteps} steps`);
  const p = spawnSync(PYTHON, [PEER], { input: JSON.stringify(job), encoding: "utf8", maxBuffer: 1 << 24, timeout: 600_000 });
  if (p.status !== 0) {
    return { available: false, reason: `peer.py failed (exit ${p.status}): ${(p.stderr || "").trim().split("\n").pop()}` };
  }
  const res = JSON.parse(p.stdout);
  if (!res.available) return res;
  // the numpy formula must agree with at() (noise aside): otherwise its timing is not comparable
  for (const c of cases) {
    const r = res.numpy[c.id];
    if (!r) continue;
    if (c.id === "noisy") { r.agrees = null; continue; }
    const s = c.make();
    r.agrees = checkSteps.every((step, i) => {
      const want = s.at(step);
      return Math.abs(r.check[i] - want) <= 1e-9 * Math.max(Math.abs(want), 1e-6 * 0.1);
    });
    if (!r.agrees) log(`  numpy formula of ${c.id} disagrees with at(): ${r.check.join(", ")}`);
  }
  return res;
}
