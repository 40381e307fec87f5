// Code blocks of the guides and of the API's @example comments, and how to run them: each ```ts
// block is transpiled, its `// → value` comments become checks, and it runs against the built
// packages as an ES module of its own.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Where transpiled blocks are written: inside the workspace, so `@lrsched/*` imports resolve. */
export const RUN_DIR = join(HERE, "..", ".run");

/** The fenced blocks of a markdown text: `{lang, code, line}`; `line` is the first code line. */
export function markdownBlocks(text) {
  const blocks = [];
  for (const m of text.matchAll(/^```([\w-]*)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ lang: m[1], code: m[2], line: text.slice(0, m.index).split("\n").length + 1 });
  }
  return blocks;
}

/** The fenced blocks inside the `@example` sections of a source file's doc comments. */
export function exampleBlocks(source) {
  const blocks = [];
  for (const m of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const at = m[0].indexOf("@example");
    if (at < 0) continue;
    const startLine = source.slice(0, m.index).split("\n").length;
    const lines = m[0].split("\n");
    const body = lines.map((l) => l.replace(/^\s*\*(?: |$)/, "")).join("\n");
    const firstLine = startLine + m[0].slice(0, at).split("\n").length - 1;
    for (const b of markdownBlocks(body.slice(body.indexOf("@example")))) blocks.push({ ...b, line: firstLine + b.line - 1 });
  }
  return blocks;
}

/** Blocks that run: ```ts ones (```typescript marks a fragment that needs surroundings to run). */
export const runnable = (blocks) => blocks.filter((b) => b.lang === "ts");

const CHECK = pathToFileURL(join(HERE, "check.mjs")).href;

/** The block as a module: `expr; // → value` lines become checks against what the example shows. */
export function checkedSource(code, where) {
  const lines = code.split("\n").map((line, i) => {
    const m = line.match(/^(\s*)(.*?);?\s*\/\/ → (.+)$/);
    if (!m) return line;
    const [, indent, statement, expected] = m;
    const at = JSON.stringify(`${where.file}:${where.line + i}`);
    const decl = statement.match(/^(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=/);
    if (decl) return `${indent}${statement}; __check(${decl[1]}, ${JSON.stringify(expected)}, ${at});`;
    return `${indent}__check((${statement}), ${JSON.stringify(expected)}, ${at});`;
  });
  return `import { check as __check } from ${JSON.stringify(CHECK)};\n${lines.join("\n")}\nexport {};\n`;
}

let counter = 0;

/** Runs one block; rejects with the block's location in the message when it throws or a check fails. */
export async function runBlock(block, where) {
  const source = checkedSource(block.code, where);
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  mkdirSync(RUN_DIR, { recursive: true });
  const file = join(RUN_DIR, `block-${process.pid}-${++counter}.mjs`);
  writeFileSync(file, js);
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.startsWith(`${where.file}:`) ? message : `${where.file}:${where.line}: ${message}`);
  }
}

/** Reads a file's text relative to `root`. */
export const read = (root, path) => readFileSync(join(root, path), "utf8");
