// The gallery: every dialect's pictures, each a spec (JSON) and its chart (SVG) under docs/gallery/.
// A new dialect is one module in dialects/ and one line in DIALECTS.
import { drawPicture } from "./draw.mjs";
import { lrsched } from "./dialects/lrsched.mjs";
import { torch } from "./dialects/torch.mjs";
import { hf } from "./dialects/hf.mjs";

export const DIALECTS = [lrsched, torch, hf];

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

/** The files the gallery consists of: `{path, text}` for each JSON spec and SVG picture. */
export async function galleryFiles() {
  const files = [];
  for (const { picture, stem } of galleryPictures()) {
    files.push({ path: `${stem}.json`, text: jsonText(picture.source) });
    files.push({ path: `${stem}.svg`, text: `${await drawPicture(picture)}\n` });
  }
  return files;
}
