// Shared test helpers: run the built binary, make temp dirs, read PNGs and check SVG structure.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";

export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bin.js");

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: SpawnSyncReturns<Buffer>;
}

/** Runs `lrsched ...args` as a subprocess (no TTY, no colour). */
export function lrsched(args: readonly string[], options: { cwd?: string; input?: string } = {}): Run {
  const raw = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input,
    // FORCE_COLOR (set by nx and CI runners) outranks NO_COLOR, so it is dropped too
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
    maxBuffer: 64 << 20,
  });
  return { status: raw.status, stdout: raw.stdout.toString("utf8"), stderr: raw.stderr.toString("utf8"), raw };
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "lrsched-cli-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Width, height and RGBA pixels of an 8-bit RGB/RGBA, non-interlaced PNG. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  if (buf.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  let off = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.subarray(off + 4, off + 8).toString("latin1");
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error("only 8-bit non-interlaced PNGs");
      colorType = data[9];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    off += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < 4; ch++) out[(y * width + x) * 4 + ch] = ch < channels ? cur[x * channels + ch] : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Throws unless every tag in `xml` is closed in order (a structural well-formedness check). */
export function checkWellFormed(xml: string): void {
  const body = xml.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body))) {
    if (/</.test(body.slice(last, m.index))) throw new Error(`stray markup before offset ${m.index}`);
    last = tag.lastIndex;
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!selfClose) stack.push(name);
  }
  if (/</.test(body.slice(last))) throw new Error("stray markup at the end");
  if (stack.length) throw new Error(`unclosed <${stack.join("> <")}>`);
}

/** The tick labels of a vega SVG's x or y axis, in drawing order. */
export function axisLabels(svg: string, axis: "X" | "Y"): string[] {
  const start = svg.indexOf(`aria-label="${axis}-axis`);
  if (start < 0) return [];
  const next = svg.indexOf('aria-roledescription="axis"', start + 1);
  const body = svg.slice(start, next < 0 ? undefined : next);
  const labels = /role-axis-label[^>]*>([\s\S]*?)<\/g>/.exec(body)?.[1] ?? "";
  return [...labels.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/**
 * The text a PDF draws, in drawing order: every `Tj`/`TJ` string decoded through its font's
 * ToUnicode map (fonts embedded as subsets draw glyph numbers, not characters).
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const objects = new Map<number, { dict: string; stream: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.search(/stream\r?\n/);
    const dict = at < 0 ? body : body.slice(0, at);
    let stream = "";
    if (at >= 0) {
      const from = at + (body[at + 6] === "\r" ? 8 : 7);
      const bytes = Buffer.from(body.slice(from, body.lastIndexOf("endstream")), "latin1");
      stream = (/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes).toString("latin1");
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  // glyph code -> text, per font object, from its ToUnicode CMap
  const cmaps = new Map<number, Map<number, string>>();
  const hexText = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [num, { dict }] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(dict);
    if (!ref) continue;
    const cmap = new Map<number, string>();
    const text = objects.get(Number(ref[1]))?.stream ?? "";
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
        const lo = parseInt(r[1], 16);
        const hi = parseInt(r[2], 16);
        const targets = [...r[3].matchAll(/<([0-9a-f]+)>/gi)].map((t) => t[1]);
        for (let c = lo; c <= hi; c++) {
          cmap.set(c, targets.length > 1 ? hexText(targets[c - lo]) : String.fromCharCode(parseInt(targets[0], 16) + c - lo));
        }
      }
    }
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const r of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) cmap.set(parseInt(r[1], 16), hexText(r[2]));
    }
    cmaps.set(num, cmap);
  }
  // font resource names (/F1, /F2, ...) -> font objects
  const fonts = new Map<string, number>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) for (const f of block[1].matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1], Number(f[2]));
  }
  let out = "";
  for (const { stream } of objects.values()) {
    let cmap: Map<number, string> | undefined;
    for (const t of stream.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]*)> ?Tj|\[([^\]]*)\] ?TJ|\(((?:\\.|[^\\)])*)\) ?Tj/g)) {
      if (t[1] !== undefined) cmap = cmaps.get(fonts.get(t[1]) ?? -1);
      const hexes = t[2] !== undefined ? [t[2]] : t[3] !== undefined ? [...t[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [];
      for (const hex of hexes) for (const code of hex.match(/.{4}/g) ?? []) out += cmap?.get(parseInt(code, 16)) ?? "";
      if (t[4] !== undefined) out += t[4].replace(/\\(.)/g, "$1");
    }
  }
  return out;
}
