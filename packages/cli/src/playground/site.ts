// The playground's static files, built by tsup into dist/playground/ beside the executable.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Content types of the files the site is made of. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The directory holding index.html, playground.js and playground.css. */
export function siteDir(): string {
  const dir = fileURLToPath(new URL("./playground/", import.meta.url));
  if (!existsSync(`${dir}index.html`)) {
    throw new Error(`the playground's files are missing from this install (${dir}index.html); rebuild @lrsched/cli`);
  }
  return dir;
}

/** The site's file names (index.html first). */
export function siteFiles(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => Object.keys(CONTENT_TYPES).some((ext) => f.endsWith(ext)));
  return ["index.html", ...files.filter((f) => f !== "index.html").sort()];
}
