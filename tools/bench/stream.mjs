// Streams 1e9 steps through the CLI (`lrsched curve ... --format f32`) and records wall time and
// the child's peak RSS. Writes a temp file (deleted afterwards) when the disk has room, else stdout
// into /dev/null.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const TIME = "/usr/bin/time";
export const STREAM_SPEC = { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1e9, alpha: 0.01 };

/** Peak RSS (kB) of a running process, from /proc (null once it has exited). */
function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export async function measureStream(steps, log) {
  const bytes = steps * 4;
  const dir = mkdtempSync(join(tmpdir(), "lrsched-bench-"));
  const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
  const toFile = free > bytes + 2e9;
  const file = join(dir, "curve.f32");
  const cli = [BIN, "curve", "--spec", JSON.stringify(STREAM_SPEC), "--steps", String(steps), "--format", "f32", "--quiet"];
  if (toFile) cli.push("--out", file);
  const useTime = existsSync(TIME);
  const timeOut = join(dir, "time.txt");
  const [cmd, args] = useTime ? [TIME, ["-f", "%M", "-o", timeOut, process.execPath, ...cli]] : [process.execPath, cli];
  log(`stream: ${steps} steps to ${toFile ? file : "/dev/null"} (${(free / 1e9).toFixed(0)} GB free)`);
  const devNull = toFile ? "ignore" : openSync("/dev/null", "w");
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ["ignore", devNull, "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  // /proc polling is the fallback when /usr/bin/time is missing (it sees the direct child only)
  let polled = 0;
  const timer = setInterval(() => (polled = Math.max(polled, vmHwm(child.pid) ?? 0)), 50);
  const code = await new Promise((resolve) => child.on("exit", resolve));
  const wallS = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (typeof devNull === "number") closeSync(devNull);
  let peakKb = polled;
  if (useTime && existsSync(timeOut)) peakKb = Number(readFileSync(timeOut, "utf8").trim().split("\n").pop());
  const written = toFile && existsSync(file) ? statSync(file).size : null;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) return { ok: false, error: `CLI exited ${code}: ${stderr.trim().split("\n").pop()}`, steps };
  if (toFile && written !== bytes) return { ok: false, error: `wrote ${written} bytes, expected ${bytes}`, steps };
  return {
    ok: true, steps, wallS, nsPerStep: (wallS * 1e9) / steps, peakMb: peakKb / 1024,
    sink: toFile ? "temp file" : "/dev/null", rssFrom: useTime ? "/usr/bin/time %M" : "/proc VmHWM polling",
    spec: STREAM_SPEC,
  };
}
