// SVG -> vector PDF with pdfkit and svg-to-pdfkit: the same drawing as the SVG, paths as paths and
// text as text (searchable), one page of the SVG's size (a pixel becomes a point).
import { existsSync } from "node:fs";

/** Where DejaVu Sans lives on common systems; the PNGs are rendered with it, so the PDF embeds it too. */
const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/Library/Fonts", "C:\\Windows\\Fonts"];

function systemFont(file: string): string | undefined {
  for (const dir of FONT_DIRS) {
    const path = `${dir}/${file}`;
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The SVG root's width and height. */
function svgSize(svg: string): [number, number] {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1]);
  const w = num("width");
  const h = num("height");
  if (!(w > 0 && h > 0)) throw new Error("renderPdf: the SVG has no width and height");
  return [w, h];
}

/**
 * Renders an SVG (as `renderSvg` makes them) to a PDF document. Text uses DejaVu Sans, embedded,
 * where the system has it (the font of the PNGs), else the PDF standard Helvetica.
 *
 * @example
 * ```ts
 * import { chartBase, renderPdf, renderSvg } from "@lrsched/explore";
 * const svg = await renderSvg({ ...chartBase(), width: 40, height: 20, data: { values: [{ x: 0 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } });
 * const pdf = await renderPdf(svg, { title: "lr" });
 * String.fromCharCode(...pdf.slice(0, 5)); // → "%PDF-"
 * ```
 */
export async function renderPdf(svg: string, info: { title?: string } = {}): Promise<Uint8Array> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import("pdfkit"), import("svg-to-pdfkit")]);
  const [width, height] = svgSize(svg);
  const meta: Record<string, string> = { Creator: "lrsched", Producer: "lrsched" };
  if (info.title) meta.Title = info.title;
  const doc = new PDFDocument({ size: [width, height], margin: 0, info: meta });
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (c: Uint8Array) => chunks.push(c));
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const regular = systemFont("DejaVuSans.ttf");
  const bold = systemFont("DejaVuSans-Bold.ttf");
  if (regular) doc.registerFont("chart", regular);
  if (bold) doc.registerFont("chart-bold", bold);
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    assumePt: true,
    // every chart asks for FONT's list (DejaVu Sans first); bold carries the titles
    fontCallback: (_family: string, isBold: boolean) =>
      isBold ? (bold ? "chart-bold" : "Helvetica-Bold") : regular ? "chart" : "Helvetica",
    warningCallback: () => undefined,
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
