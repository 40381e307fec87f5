// tools/conformance/README.md names the library versions that produced the fixtures: the ones the
// fixture files record.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, readJson, readText } from "./repo";

const readme = readText("tools/conformance/README.md").replace(/\s+/g, " ");
const fixtures = readdirSync(join(ROOT, "tools/conformance/fixtures")).filter((f) => f.endsWith(".json"));

it.each(fixtures)("%s: every library version it records is named in the README", (file) => {
  const fixture = readJson<Record<string, unknown>>(`tools/conformance/fixtures/${file}`);
  const versions = Object.entries(fixture).filter(([k, v]) => k.endsWith("_version") && k !== "python_version" && typeof v === "string");
  // at least major.minor (the README says "torch 2.13" where the file has 2.13.0+cpu)
  for (const [key, version] of versions) expect(readme, `${file}: ${key} ${version}`).toContain(String(version).split(".").slice(0, 2).join("."));
});

it("the tolerances the README says the tests use", () => {
  expect(readme).toContain("`packages/torch-compat/test/` (every case, 1e-12 relative)");
  expect(readText("packages/torch-compat/test/compare.ts")).toContain("export const TOLERANCE = 1e-12;");
});
