// The seed's catalogue as `lrsched demo` draws it: its SVG charts, for the grid near the top of the
// root README.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "@lrsched/cli";
import { GALLERY_DIR } from "./index.mjs";

export const CATALOGUE_DIR = `${GALLERY_DIR}/catalogue`;

/** `{path, text}` of every chart `lrsched demo --quiet` writes, in the demo's order. */
export async function catalogueFiles() {
  const dir = mkdtempSync(join(tmpdir(), "lrsched-catalogue-"));
  try {
    const code = await main(["demo", "--out", dir, "--quiet"]);
    if (code !== 0) throw new Error(`lrsched demo exited with ${code}`);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".svg"))
      .sort()
      .map((f) => ({ path: `${CATALOGUE_DIR}/${f}`, text: readFileSync(join(dir, f), "utf8") }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
