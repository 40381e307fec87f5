import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { readmeTable } from "./readmeTable";

it("README's epoch -> lr table is what the schedulers compute", () => {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../README.md"), "utf8");
  expect(readme).toContain(readmeTable());
});
