#!/usr/bin/env node
// The `lrsched` command. npm links a package's bin when it installs it, which in a fresh clone is
// before anything is built: the link must point at a committed file, so it points here, and this
// file loads the built CLI or says how to build it.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write("lrsched: packages/cli is not built yet: run `npm run build`\n");
  process.exitCode = 1;
}
