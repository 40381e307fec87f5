// The gallery: every dialect's pictures, each a spec (JSON) and its chart (SVG) under docs/gallery/.
// A new dialect is one module in dialects/ and one line in DIALECTS.
import { drawPicture } from "./draw.mjs";
import { lrsched } from "./dialects/lrsched.mjs";
import { torch } from "./dialects/torch.mjs";
import { hf } from "./dialects/hf.mjs";
import { timm } from "./dialects/timm.mjs";

export const DIALECTS = [lrsched, torch, hf, timm];

/** Where the gallery lives, relative to the repository root. */
export const GALLERY_DIR = "docs/gallery";

/** A picture's file stem relative to the repository root. */
export const stemOf = (dialect, picture) => [GALLERY_DIR, dialect.dir, picture.id].filter(Boolean).join("/");

/** Pretty JSON with a final newline, functions written as their source text. */
export const jsonText = (value) =>
  `${JSON.stringify(value, (_, v) => (typeof v === "function" ? v.toString() : v), 2)}\n`;

/** Every picture of every dialect with its stem. */
export function galleryPictures() {
  return DIALECTS.flatMap((dialect) => dialect.pictures().map((picture) => ({ dialect, picture, stem: stemOf(dialect, picture) })));
}

const COLUMNS = 3;

/** A markdown table of thumbnails, `COLUMNS` to a row; `cells` are `{image, label, link}` relative to the gallery. */
function grid(cells) {
  const rows = [`|${" |".repeat(COLUMNS)}`, `|${"---|".repeat(COLUMNS)}`];
  for (let i = 0; i < cells.length; i += COLUMNS) {
    const row = cells.slice(i, i + COLUMNS).map((c) => `[![${c.label}](${c.image})](${c.image})<br>${c.link}`);
    while (row.length < COLUMNS) row.push("");
    rows.push(`| ${row.join(" | ")} |`);
  }
  return rows.join("\n");
}

const relative = (path) => path.slice(GALLERY_DIR.length + 1);

/** docs/gallery/README.md: every picture by dialect, then the demo's catalogue. */
export function galleryIndex(catalogue) {
  const parts = [
    "# Gallery",
    "",
    "Every schedule lrsched knows, drawn by its own plot code from the spec or config beside each picture",
    "(dashed lines mark the options that shape the curve: warm-up ends, restarts, floors). `npm run docs`",
    "redraws them all; `tools/docs` tests fail when a picture here differs from what the code draws.",
  ];
  for (const dialect of DIALECTS) {
    const cells = dialect.pictures().map((p) => {
      const stem = relative(stemOf(dialect, p));
      return { image: `${stem}.svg`, label: p.id, link: `[\`${p.id}\`](${stem}.json)` };
    });
    parts.push("", `## ${dialect.heading}`, "", grid(cells));
  }
  const charts = catalogue.filter((f) => f.path.endsWith(".svg")).map((f) => ({ image: relative(f.path), label: f.path.split("/").pop().replace(/\.svg$/, ""), link: "" }));
  parts.push("", "## The seed's catalogue (`lrsched demo`)", "", grid(charts), "");
  return { path: `${GALLERY_DIR}/README.md`, text: parts.join("\n") };
}

/** The files the gallery consists of: `{path, text}` for each JSON spec and SVG picture. */
export async function galleryFiles() {
  const files = [];
  for (const { picture, stem } of galleryPictures()) {
    files.push({ path: `${stem}.json`, text: jsonText(picture.source) });
    files.push({ path: `${stem}.svg`, text: `${await drawPicture(picture)}\n` });
  }
  return files;
}
