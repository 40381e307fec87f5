// How fast loadTable reads a large file: writes a 100,000-row x 50-feature CSV (and the same rows as
// JSON Lines) to a temp directory, loads each five times, prints the median and what is held.
// Run after a build: node tools/explore/measure-load.mjs
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTable } from "../../packages/explore/dist/index.js";

const ROWS = 100_000;
const FEATURES = 50;
const dir = mkdtempSync(join(tmpdir(), "lrsched-load-"));
try {
  let s = 1;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1;
  const header = [...Array.from({ length: FEATURES }, (_, i) => `x${i + 1}`), "label"];
  const csv = [header.join(",")];
  const jsonl = [];
  for (let r = 0; r < ROWS; r++) {
    const values = Array.from({ length: FEATURES }, () => Number(u().toFixed(5)));
    const label = `class${r % 10}`;
    csv.push(`${values.join(",")},${label}`);
    jsonl.push(JSON.stringify(Object.fromEntries([...values.map((v, i) => [header[i], v]), ["label", label]])));
  }
  const files = { csv: join(dir, "wide.csv"), jsonl: join(dir, "wide.jsonl") };
  writeFileSync(files.csv, `${csv.join("\n")}\n`);
  writeFileSync(files.jsonl, `${jsonl.join("\n")}\n`);
  for (const [kind, file] of Object.entries(files)) {
    const times = [];
    let table;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      table = await loadTable(file, { target: "label" });
      times.push((performance.now() - t0) / 1000);
    }
    times.sort((a, b) => a - b);
    const mb = (n) => (n / 2 ** 20).toFixed(1);
    console.log(
      `${kind}: ${table.rows} rows x ${table.features.length} features, ${mb(statSync(file).size)} MB on disk: median ${times[2].toFixed(2)} s (runs ${times.map((t) => t.toFixed(2)).join(", ")}); features held as one Float32Array of ${mb(table.x.values.byteLength)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
