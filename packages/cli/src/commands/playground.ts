import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { print, type Command } from "../command";
import { UsageError, fileError } from "../errors";
import { shownPath } from "../io/shownPath";
import { openInBrowser } from "../playground/open";
import { serveSite } from "../playground/serve";
import { siteDir, siteFiles } from "../playground/site";

/** Copies the site into `dir`; its index.html works from file://. */
function writeSite(dir: string): string[] {
  const from = siteDir();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError("create", dir, e);
  }
  return siteFiles(from).map((f) => {
    try {
      copyFileSync(join(from, f), join(dir, f));
    } catch (e) {
      throw fileError("write", join(dir, f), e);
    }
    return f;
  });
}

/** Resolves on Ctrl-C or a termination signal. */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => resolve());
  });

export const playgroundCommand: Command = {
  name: "playground",
  summary: "Tune schedules in the browser: a form per schedule, live chart, compare table, import and export.",
  usage: ["playground [--port N] [--open]", "playground --out DIR"],
  description: [
    "Serves the playground on 127.0.0.1 (a free port unless --port says which) until Ctrl-C and prints its",
    "URL. It works offline: nothing is fetched from elsewhere. --out DIR writes the static site instead;",
    "open DIR/index.html straight from disk. The page keeps its whole state in the URL, so a link shows",
    "what its sender saw.",
  ],
  options: [
    { name: "port", short: "p", kind: "value", placeholder: "N", doc: "Port on 127.0.0.1 (default: a free one)." },
    { name: "open", kind: "flag", doc: "Open the page in the default browser." },
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Write the static site to DIR instead of serving it." },
  ],
  examples: [
    ["playground --open", "serve it and open a browser"],
    ["playground --port 8080", "on http://127.0.0.1:8080/"],
    ["playground --out lr-playground", "the static site, to open from disk or publish"],
  ],
  async run(opts) {
    const out = opts.string("out");
    if (out !== undefined) {
      if (opts.has("port") || opts.has("open")) throw new UsageError("--out writes files; it takes neither --port nor --open");
      const files = writeSite(out);
      const shown = shownPath(out);
      await print(`lrsched playground: wrote ${files.length} files to ${shown}/; open ${join(shown, "index.html")}`);
      return;
    }
    const port = opts.integer("port", 0, 0, 65535);
    const served = await serveSite(siteDir(), port);
    const stopped = untilStopped(); // from now on Ctrl-C closes the server rather than killing the process
    await print(`lrsched playground: ${served.url} (Ctrl-C stops it)`);
    if (opts.flag("open") && !(await openInBrowser(served.url))) {
      process.stderr.write(`lrsched playground: could not start a browser; open ${served.url} yourself\n`);
    }
    await stopped;
    await served.close();
  },
};
