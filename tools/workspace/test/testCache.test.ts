// `FC_SEED=<n> npm test` must run the property tests under another seed: nx caches test results by
// their inputs, so FC_SEED has to be one of them, for every project's test target.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, readText } from "./repo";

interface Graph {
  graph: { nodes: Record<string, { data: { targets: Record<string, { inputs?: unknown[]; cache?: boolean }> } }> };
}

function projectGraph(): Graph {
  const dir = mkdtempSync(join(tmpdir(), "lrsched-graph-"));
  try {
    const file = join(dir, "graph.json");
    const r = spawnSync("npx", ["nx", "graph", `--file=${file}`], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (r.status !== 0) throw new Error(`nx graph failed: ${r.stderr}`);
    return JSON.parse(readFileSync(file, "utf8")) as Graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it("every cached test target has FC_SEED among its inputs", () => {
  const tests = Object.entries(projectGraph().graph.nodes).flatMap(([name, node]) =>
    node.data.targets.test ? [{ name, target: node.data.targets.test }] : [],
  );
  expect(tests.length).toBeGreaterThan(1);
  const missing = tests.filter(({ target }) => target.cache !== false && !(target.inputs ?? []).some((i) => JSON.stringify(i) === '{"env":"FC_SEED"}'));
  expect(missing.map((t) => t.name)).toEqual([]);
});

it("the README says how to run the tests without the cache", () => {
  const readme = readText("README.md");
  expect(readme).toContain("`NX_SKIP_NX_CACHE=true npm test`");
  expect(readme).toContain("`npm test -- --skip-nx-cache`");
  expect(readme).toContain("`FC_SEED=<n> npm test`");
});

it("the fast-check setup reads FC_SEED", () => {
  expect(readText("tools/test/fast-check-seed.ts")).toMatch(/process\.env\.FC_SEED/);
});
