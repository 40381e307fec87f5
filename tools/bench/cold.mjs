// Cold import of @lrsched/ts-api, WASM instantiation included, each in a fresh node process.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./timing.mjs";

const CHILD = fileURLToPath(new URL("./cold-child.mjs", import.meta.url));

export function measureCold(runs) {
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = JSON.parse(execFileSync(process.execPath, [CHILD], { encoding: "utf8" }));
    r.processMs = performance.now() - t0;
    if (i > 0) samples.push(r); // the first run warms the OS file cache
  }
  const med = (k) => median(samples.map((s) => s[k]));
  return { runs, importMs: med("importMs"), firstCurveMs: med("firstCurveMs"), totalMs: med("totalMs"), processMs: med("processMs") };
}
