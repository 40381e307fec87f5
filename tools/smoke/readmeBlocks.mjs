// The TypeScript and JavaScript examples of the READMEs, as the smoke test compiles and runs them.
import { readFileSync } from "node:fs";

/** The ```ts / ```js blocks of a markdown file, with the line each starts on. */
export function codeBlocks(markdownFile) {
  const text = readFileSync(markdownFile, "utf8");
  const blocks = [];
  for (const m of text.matchAll(/^```(ts|typescript|js|javascript)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ lang: m[1].startsWith("t") ? "ts" : "js", code: m[2], line: text.slice(0, m.index).split("\n").length + 1 });
  }
  return blocks;
}

/**
 * Names a README example uses without defining (a model, data, a training step: the surroundings
 * it stands in), among `provided`: each is then imported from the app's context module.
 */
export function freeNames(code, provided) {
  return provided.filter((name) => {
    if (!new RegExp(`(?<![.\\w$])${name}\\b`).test(code)) return false;
    const declared = new RegExp(`(?:const|let|var|function|class)\\s+${name}\\b|import\\s+(?:\\*\\s+as\\s+)?${name}\\b|import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`);
    return !declared.test(code);
  });
}
