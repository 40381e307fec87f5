// A static server for the playground on 127.0.0.1: it answers GET and HEAD for the site's own files
// and nothing else (no directory listing, no path outside the site).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join } from "node:path";
import { UsageError, systemCode } from "../errors";
import { CONTENT_TYPES, siteFiles } from "./site";

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the files of `dir` on 127.0.0.1:`port` (0: a free port chosen by the system). */
export async function serveSite(dir: string, port: number): Promise<Served> {
  // the site is a handful of small files: read once, served from memory
  const files = new Map(siteFiles(dir).map((f) => [`/${f}`, readFileSync(join(dir, f))]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const name = path === "/" ? "/index.html" : path;
    const body = files.get(name);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (!body) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[extname(name)],
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) => {
      const code = systemCode(e);
      if (code === "EADDRINUSE") reject(new UsageError(`--port ${port} is in use on 127.0.0.1; pick another or leave --port out for a free one`));
      else if (code === "EACCES") reject(new UsageError(`--port ${port} needs privileges this user lacks; pick a port above 1023`));
      else reject(e);
    });
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a browser's keep-alive connections would hold close() open
      }),
  };
}
