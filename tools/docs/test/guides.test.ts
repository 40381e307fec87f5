// Every code block of the guides in docs/ runs: ```ts blocks against the built packages (their
// `// → value` lines checked), ```sh blocks in a scratch directory with `lrsched` on the path.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ES module
import { markdownBlocks, read, runBlock } from "../examples/blocks.mjs";
import { ROOT } from "./repo";

const GUIDES = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
const BIN = join(ROOT, "packages", "cli", "dist", "bin.js");

type Block = { lang: string; code: string; line: number };

function runShell(code: string, cwd: string, where: string): void {
  const script = `set -euo pipefail\nlrsched() { node ${JSON.stringify(BIN)} "$@"; }\n${code}`;
  const run = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", timeout: 240_000 });
  if (run.status !== 0) throw new Error(`${where}: exit ${run.status}\n${run.stderr}`);
}

describe("the guides", () => {
  it("are the three guides and the index", () => {
    expect(GUIDES.sort()).toEqual(["docs/README.md", "docs/choose-a-schedule.md", "docs/find-the-best-schedule.md", "docs/port-a-config.md"]);
  });
});

for (const guide of GUIDES) {
  const blocks: Block[] = markdownBlocks(read(ROOT, guide));
  describe(guide, () => {
    const scratch = mkdtempSync(join(tmpdir(), "lrsched-guide-"));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    it("has only blocks a test runs (```ts or ```sh)", () => {
      for (const b of blocks) expect(["ts", "sh"], `${guide}:${b.line} is a \`\`\`${b.lang} block`).toContain(b.lang);
    });
    for (const block of blocks) {
      it(`${block.lang} block at line ${block.line}`, async () => {
        const where = { file: guide, line: block.line };
        if (block.lang === "ts") await runBlock(block, where);
        else runShell(block.code, scratch, `${guide}:${block.line}`);
      });
    }
  });
}
