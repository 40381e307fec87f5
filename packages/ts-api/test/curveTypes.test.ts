// The types users compile against: test/types/curve.types.ts holds what curve() and chunks() must
// infer, and this runs `tsc --strict` on it against the built declarations (dist/index.d.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const TYPES = join(dirname(fileURLToPath(import.meta.url)), "types");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

it("curve() and chunks() return the array type their options name, under tsc --strict", () => {
  const r = spawnSync(process.execPath, [tsc, "-p", TYPES, "--strict", "--pretty", "false"], { encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
});
