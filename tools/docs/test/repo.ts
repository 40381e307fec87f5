// The repository root and its files, for checks that read what is committed.
import { existsSync, readFileSync } from "node:fs";
import { main } from "@lrsched/cli";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const readText = (path: string) => readFileSync(join(ROOT, path), "utf8");
export const exists = (path: string) => existsSync(join(ROOT, path));

/** What `lrsched ...args` prints on stdout, run in this process; throws on a non-zero exit. */
export async function cliOutput(args: string[]): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    const code = await main(args);
    if (code !== 0) throw new Error(`lrsched ${args.join(" ")} exited with ${code}`);
  } finally {
    process.stdout.write = write;
  }
  return out.join("");
}
