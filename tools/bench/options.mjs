// run.mjs's command line and where its report goes. A run prints the report; only --write (the tracked
// BENCHMARKS.md) or --out FILE puts it in a file, so measuring never rewrites the committed numbers.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BENCHMARKS = fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url));

const FLAGS = ["--quick", "--no-check", "--write"];
const VALUED = ["--out", "--only"];

/** The options of `node tools/bench/run.mjs [--quick] [--no-check] [--write | --out FILE] [--only ID,...]`; throws on a bad line. */
export function benchOptions(argv) {
  const given = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (FLAGS.includes(a)) given.set(a, true);
    else if (VALUED.includes(a)) {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith("--")) throw new Error(`${a} needs a value`);
      given.set(a, argv[++i]);
    } else throw new Error(`unknown option ${a} (known: ${[...FLAGS, ...VALUED].join(", ")})`);
  }
  if (given.has("--write") && given.has("--out")) throw new Error("--write and --out both name the output: give one");
  return {
    quick: given.has("--quick"),
    check: !given.has("--no-check"),
    outFile: given.has("--write") ? BENCHMARKS : (given.get("--out") ?? null),
    // a subset of schedules, for working on one kernel (the report says so)
    only: given.has("--only") ? new Set(given.get("--only").split(",")) : null,
  };
}

/** Writes the report to `outFile` (saying so through `log`), or prints it when there is none. */
export function deliverReport(report, outFile, log, print = (text) => process.stdout.write(text)) {
  if (outFile === null) {
    print(`${report}\n`);
    log("printed the report (npm run bench -- --write puts it in BENCHMARKS.md)");
  } else {
    writeFileSync(outFile, report);
    log(`wrote ${outFile}`);
  }
}
