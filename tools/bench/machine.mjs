// Facts about the machine and the build, for the report's header.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WASM = fileURLToPath(new URL("../../packages/core/build/lrsched.wasm", import.meta.url));

const git = (...args) => {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};

export function machineFacts() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux: os.cpus() is enough */ }
  const commit = git("rev-parse", "--short", "HEAD");
  // uncommitted changes under packages/ mean the numbers describe a work-in-progress tree
  const dirty = git("status", "--porcelain", "--", "packages");
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memGb: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    v8: process.versions.v8,
    wasmBytes: existsSync(WASM) ? statSync(WASM).size : null,
    commit: commit ?? "unknown",
    dirty: dirty ? dirty.split("\n").length : 0,
    loadavg: os.loadavg(),
  };
}
