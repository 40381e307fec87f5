// Every ```ts block in an @example of the packages' sources runs against the built packages, and
// every `// → value` in it holds.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
// @ts-expect-error plain ES module
import { exampleBlocks, read, runBlock, runnable } from "../examples/blocks.mjs";
import { ROOT } from "./repo";

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const PACKAGES = readdirSync(join(ROOT, "packages"));

for (const pkg of PACKAGES) {
  const files = [...sources(`packages/${pkg}/src`), ...(pkg === "core" ? ["packages/core/assembly/opcodes.ts"] : [])];
  const blocks = files.flatMap((file) => runnable(exampleBlocks(read(ROOT, file))).map((b: { line: number }) => ({ ...b, file })));
  describe(`@lrsched/${pkg} examples`, () => {
    for (const block of blocks) {
      it(`${block.file}:${block.line}`, async () => {
        await runBlock(block, { file: block.file, line: block.line });
      });
    }
  });
}
