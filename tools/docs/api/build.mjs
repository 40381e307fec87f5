// Builds the API reference (TypeDoc, typedoc.json at the root: every package as one site, the
// guides as its documents) and reports what came out: pages, warnings, errors.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** HTML files under `dir`. */
export function countPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countPages(join(dir, e.name)) : e.name.endsWith(".html") ? 1 : 0),
    0,
  );
}

/** Runs TypeDoc from the repository root into `out` (default docs/api). */
export async function buildApi(root, out = join(root, "docs", "api")) {
  // the package's own bin script, next to its package.json (its exports do not list it)
  const bin = join(dirname(createRequire(join(root, "package.json")).resolve("typedoc/package.json")), "bin", "typedoc");
  const run = spawnSync(process.execPath, [bin, "--out", out], { cwd: root, encoding: "utf8" });
  const log = strip(`${run.stdout}${run.stderr}`);
  const warnings = log.split("\n").filter((l) => l.startsWith("[warning]") && !/Found \d+ errors/.test(l));
  const errors = log.split("\n").filter((l) => l.startsWith("[error]") && !/Found \d+ errors/.test(l));
  const failed = run.status !== 0;
  return {
    pages: failed ? 0 : countPages(out),
    warnings: warnings.length,
    errors: errors.length + (failed && errors.length === 0 && warnings.length === 0 ? 1 : 0),
    log,
  };
}
