import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TORCH_CLASSES } from "@lrsched/torch-compat";
import { TIMM_CLASSES, TRANSFORMERS_METRIC_NAMES, TRANSFORMERS_NAMES, fromSpec } from "@lrsched/ts-api";
// @ts-expect-error plain ES module
import { galleryFiles, galleryIndex, GALLERY_DIR } from "../gallery/index.mjs";
// @ts-expect-error plain ES module
import { catalogueFiles, CATALOGUE_DIR } from "../gallery/catalogue.mjs";
// @ts-expect-error plain ES module
import { svgDifference } from "../gallery/compare.mjs";
import { ROOT, cliOutput, exists, readText } from "./repo";

type File = { path: string; text: string };

/** `lrsched list --json`, as a user sees it. */
async function listedTypes(): Promise<string[]> {
  return (JSON.parse(await cliOutput(["list", "--json"])) as { type: string }[]).map((t) => t.type);
}

const committed = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? committed(`${dir}/${e.name}`) : /\.(svg|json)$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );

describe("the gallery", async () => {
  const files: File[] = [...(await galleryFiles()), ...(await catalogueFiles())];
  const stale = "is stale: run `npm run docs` and commit docs/gallery";

  it("has a picture and a spec for every type `lrsched list` shows", async () => {
    for (const type of await listedTypes()) {
      expect(exists(`${GALLERY_DIR}/${type}.svg`), `${type}.svg`).toBe(true);
      expect(exists(`${GALLERY_DIR}/${type}.json`), `${type}.json`).toBe(true);
    }
  });

  it("has a picture for every torch-compat class, Hugging Face name and timm class", () => {
    for (const name of TIMM_CLASSES) expect(exists(`${GALLERY_DIR}/timm/${name}.svg`), name).toBe(true);
    for (const name of Object.keys(TORCH_CLASSES)) expect(exists(`${GALLERY_DIR}/torch/${name}.svg`), name).toBe(true);
    for (const name of [...TRANSFORMERS_NAMES, ...TRANSFORMERS_METRIC_NAMES]) expect(exists(`${GALLERY_DIR}/hf/${name}.svg`), name).toBe(true);
  });

  it("holds exactly the files the code draws, no leftovers", () => {
    expect(committed(GALLERY_DIR).sort()).toEqual(files.map((f) => f.path).sort());
  });

  it("has an index page listing every picture", () => {
    const index = galleryIndex(files.filter((f) => f.path.startsWith(CATALOGUE_DIR)));
    expect(readText(index.path), `${index.path} ${stale}`).toBe(index.text);
    for (const f of files.filter((x) => x.path.endsWith(".svg"))) expect(index.text).toContain(`](${f.path.slice(GALLERY_DIR.length + 1)})`);
  });

  it("specs are what the pictures are drawn from, and rebuild as lrsched specs", () => {
    for (const f of files.filter((x) => x.path.endsWith(".json"))) {
      expect(readText(f.path), `${f.path} ${stale}`).toBe(f.text);
    }
    for (const type of readdirSync(join(ROOT, GALLERY_DIR)).filter((f) => f.endsWith(".json"))) {
      const spec = JSON.parse(readText(`${GALLERY_DIR}/${type}`));
      expect(fromSpec(spec).type).toBe(type.replace(/\.json$/, ""));
    }
  });

  it("pictures are what the code draws now", () => {
    for (const f of files.filter((x) => x.path.endsWith(".svg"))) {
      expect(svgDifference(readText(f.path), f.text), `${f.path} ${stale}`).toBeNull();
    }
  });

  it("pictures are deterministic: no ids, dates or random numbers", async () => {
    const again: File[] = await galleryFiles();
    expect(again.map((f) => f.text)).toEqual(files.slice(0, again.length).map((f) => f.text));
    for (const f of files.filter((x) => x.path.endsWith(".svg"))) {
      expect(f.text).not.toMatch(/\d{4}-\d\d-\d\dT|Math\.random|uuid/);
    }
  });

  it("annotates key options", () => {
    const svg = (name: string) => files.find((f) => f.path === `${GALLERY_DIR}/${name}.svg`)!.text;
    expect(svg("cosineDecay")).toContain(">warm-up end<");
    expect(svg("cosineDecay")).toContain(">floor alpha × peak = 0.01<");
    expect(svg("cosineDecayRestarts").match(/>restart</g)).toHaveLength(3);
    expect(svg("torch/StepLR").match(/>× 0\.5</g)).toHaveLength(3);
    expect(svg("torch/ReduceLROnPlateau")).toContain(">plateau: × 0.5<");
  });

  it("the package READMEs' schedule tables link every picture", async () => {
    const tsApi = readText("packages/ts-api/README.md");
    for (const type of await listedTypes()) expect(tsApi, type).toContain(`](../../${GALLERY_DIR}/${type}.svg)`);
    const torch = readText("packages/torch-compat/README.md");
    for (const name of Object.keys(TORCH_CLASSES)) expect(torch, name).toContain(`](../../${GALLERY_DIR}/torch/${name}.svg)`);
  });

  it("the catalogue grid is the demo's charts, and the root README shows every one", () => {
    const readme = readText("README.md");
    const charts = files.filter((f) => f.path.startsWith(CATALOGUE_DIR));
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const f of charts) expect(readme, f.path).toContain(`](${f.path})`);
    expect(readme.indexOf(CATALOGUE_DIR)).toBeLessThan(readme.indexOf("## "));
  });
});

describe("svgDifference", () => {
  const svg = '<svg width="10"><path d="M0,1.5L2,3"/><text transform="translate(1,2)">0.001</text></svg>';
  it("accepts sub-pixel noise in geometry only", () => {
    expect(svgDifference(svg, svg.replace("1.5", "1.504"))).toBeNull();
    expect(svgDifference(svg, svg.replace("1.5", "1.52"))).toMatch(/coordinate 2 differs: 1.5 vs 1.52/);
    expect(svgDifference(svg, svg.replace(">0.001<", ">0.002<"))).toMatch(/text differs/);
    expect(svgDifference(svg, svg.replace('width="10"', 'width="11"'))).toMatch(/coordinate 0/);
  });
});
