// Speed is measured, not claimed: README prose states no durations ("in a second or two", "6 s",
// "~3 minutes per run"). Times live in what a script measures (BENCHMARKS.md, a test's artifacts),
// and output shown in a README elides them (`…`). Every tracked README is scanned: its prose, its
// tables and the comments of its code blocks.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { ROOT, readText } from "./repo";

const DURATION = /\b\d+(?:\.\d+)?(?:\s?[–-]\s?\d+(?:\.\d+)?)?\s?(?:ms|s|sec|secs|seconds?|min|mins|minutes?|hours?|h)\b(?![-\w])/;
const VAGUE = /\b(?:a (?:second|minute) or two|a few (?:seconds|minutes)|(?:well )?under (?:a|one) (?:second|minute)|in (?:about )?(?:a|one) (?:second|minute))\b/i;

it("no README states a duration in its prose", () => {
  const readmes = spawnSync("git", ["ls-files", "README.md", "**/README.md"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\n").filter(Boolean);
  expect(readmes.length).toBeGreaterThan(5);
  const claims = readmes.flatMap((file) => {
    let inCode = false;
    return readText(file).split("\n").flatMap((line, i) => {
      if (line.startsWith("```")) {
        inCode = !inCode;
        return [];
      }
      // in code, only comments are prose (output shown elides its times)
      const prose = inCode ? (line.match(/(?:^|\s)(?:#|\/\/)\s(.*)$/)?.[1] ?? "") : line.replace(/`[^`]*`/g, "");
      const m = prose.match(DURATION) ?? prose.match(VAGUE);
      return m ? [`${file}:${i + 1}: "${m[0]}" in: ${line.trim()}`] : [];
    });
  });
  expect(claims).toEqual([]);
});
