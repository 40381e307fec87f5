#!/usr/bin/env node
// `npm run docs`: redraws the gallery and the catalogue grid, then builds the API reference into docs/api/.
// Run it after any change to schedules or to the chart look; commit what it rewrites under docs/.
import { mkdirSync, writeFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { galleryFiles, galleryIndex, GALLERY_DIR } from "./gallery/index.mjs";
import { catalogueFiles } from "./gallery/catalogue.mjs";
import { buildApi } from "./api/build.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function writeAll(files) {
  for (const { path, text } of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
  }
}

/** Removes gallery files no picture produces any more (a renamed or dropped entry). */
function prune(dir, keep) {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) prune(path, keep);
    else if (/\.(svg|json)$/.test(entry.name) && !keep.has(path)) rmSync(join(ROOT, path));
  }
}

const started = performance.now();
const catalogue = await catalogueFiles();
const files = [...(await galleryFiles()), ...catalogue];
files.push(galleryIndex(catalogue));
writeAll(files);
prune(GALLERY_DIR, new Set(files.map((f) => f.path)));
console.log(`docs: ${files.filter((f) => f.path.endsWith(".svg")).length} pictures in ${GALLERY_DIR}/`);
if (!process.argv.includes("--gallery-only")) {
  const api = await buildApi(ROOT);
  console.log(`docs: API reference, ${api.pages} pages, ${api.warnings} warnings, in docs/api/`);
  if (api.warnings > 0 || api.errors > 0) process.exitCode = 1;
}
console.log(`docs: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
