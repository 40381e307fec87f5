// The playground's logic outside the browser: starting specs, the URL-hash state, imports, exports.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromKeras, fromSpec, scheduleTypes } from "@lrsched/ts-api";
import { describe, expect, it } from "vitest";
import { cliExport, shellWord } from "../playground/src/exports";
import { importText } from "../playground/src/imports";
import { starterSpec, starterTypes } from "../src/starters";
import { DEFAULT_VIEW, decodeState, encodeState, entriesOf } from "../playground/src/state";
import { BIN } from "./helpers";

const FIXTURES = join(__dirname, "..", "..", "..", "tools", "conformance", "fixtures");

describe("starting specs", () => {
  it("exist for exactly the types of lrsched list, and each is a valid spec of its type", () => {
    expect(starterTypes().sort()).toEqual(scheduleTypes.map((t) => t.type).sort());
    for (const t of scheduleTypes) {
      const s = fromSpec(starterSpec(t.type));
      expect(s.type).toBe(t.type);
      expect(Number.isFinite(s.at(0))).toBe(true);
    }
  });

  it("are fresh copies (editing one never changes the next)", () => {
    const a = starterSpec("warmup");
    (a.schedule as Record<string, unknown>).decaySteps = 5;
    expect((starterSpec("warmup").schedule as Record<string, unknown>).decaySteps).toBe(900);
  });
});

describe("the URL hash", () => {
  const cosine = fromSpec({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1000 }).toSpec() as Record<string, unknown>;

  it("holds one schedule under its own name as the bare spec: #spec=<encodeURIComponent(JSON)>", () => {
    const hash = encodeState({ entries: [{ label: "cosineDecay", spec: cosine }], view: DEFAULT_VIEW });
    expect(hash).toBe(`spec=${encodeURIComponent(JSON.stringify(cosine))}`);
    expect(decodeState(`#${hash}`)).toEqual({ entries: [{ label: "cosineDecay", spec: cosine }], view: DEFAULT_VIEW });
  });

  it("holds several schedules as [{label, spec}] and the view's settings", () => {
    const state = {
      entries: [
        { label: "a", spec: cosine },
        { label: "b", spec: fromSpec({ type: "constant", value: 0.05 }).toSpec() as Record<string, unknown> },
      ],
      view: { start: 10, steps: 500, log: true, at: [10, 20], above: 80 },
    };
    const hash = encodeState(state);
    expect(JSON.parse(new URLSearchParams(hash).get("spec")!)).toEqual(state.entries);
    expect(decodeState(hash)).toEqual(state);
  });

  it("reads a link written by hand: bare specs in an array, defaults filled in, labels made unique", () => {
    const value = [{ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 100 }, { label: "x", spec: { type: "constant", value: 1 } }, { type: "cosineDecay", initialLearningRate: 0.2, decaySteps: 100 }];
    const state = decodeState(`spec=${encodeURIComponent(JSON.stringify(value))}`)!;
    expect(state.entries.map((e) => e.label)).toEqual(["cosineDecay", "x", "cosineDecay #2"]);
    expect(state.entries[0].spec.alpha).toBe(0);
  });

  it("says which part of a bad link is wrong", () => {
    expect(decodeState("#steps=10")).toBeUndefined();
    expect(() => decodeState("spec=%7Bnope")).toThrow(/^spec must be JSON/);
    const bad = encodeURIComponent(JSON.stringify([{ type: "constant", value: 1 }, { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 0 }]));
    expect(() => decodeState(`spec=${bad}`)).toThrow("spec[1].decaySteps must be a finite number >= 1e-292, got 0");
    expect(() => decodeState(`spec=${encodeURIComponent('{"type":"constant","value":1}')}&steps=0`)).toThrow("steps must be a positive integer");
    expect(() => entriesOf([])).toThrow("spec must hold at least one schedule");
  });
});

describe("imports", () => {
  it("reads a Keras config into the spec fromKeras gives, labelled by its name", () => {
    const keras = { class_name: "CosineDecayRestarts", config: { initial_learning_rate: 0.05, first_decay_steps: 10, t_mul: 3.0, m_mul: 0.5, alpha: 0.1, name: "my_cdr" } };
    const [e] = importText(JSON.stringify(keras), 0.1, []);
    expect(e.label).toBe("my_cdr");
    expect(e.spec).toEqual(fromKeras(keras).toSpec());
  });

  it("reads PyTorch's default OneCycleLR (which cycles momentum) with the rates real PyTorch recorded", () => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, "OneCycleLR.json"), "utf8"));
    const c = fixture.cases.find((x: { name: string }) => x.name === "cos defaults, total 20");
    const config = { _target_: "torch.optim.lr_scheduler.OneCycleLR", ...c.scheduler.kwargs };
    const [e] = importText(JSON.stringify(config), c.optimizer.groups[0].lr, ["OneCycleLR"]);
    expect(e.label).toBe("OneCycleLR #2");
    expect(e.torch).toEqual({ config, lr: c.optimizer.groups[0].lr });
    const s = fromSpec(e.spec);
    const lrs: number[] = c.records.map((r: { lr: number[] }) => r.lr[0]);
    // the closed form holds to the end of the cycle (PyTorch raises past total_steps)
    lrs.slice(0, c.scheduler.kwargs.total_steps).forEach((lr, step) => expect(s.at(step)).toBeCloseTo(lr, 12));
  });

  it("reads specs, {label, spec} and arrays mixing every form; errors name the item", () => {
    const text = JSON.stringify([{ type: "constant", value: 0.1 }, { label: "keep", spec: { type: "constant", value: 0.2 } }, { class_name: "ExponentialDecay", config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 } }]);
    expect(importText(text, 0.1, ["constant"]).map((e) => e.label)).toEqual(["constant #2", "keep", "ExponentialDecay"]);
    expect(() => importText("{", 0.1, [])).toThrow(/^import must be JSON/);
    expect(() => importText('[{"type":"constant","value":0.1},{"type":"nope"}]', 0.1, [])).toThrow(/^import\[1\]\.type must be one of/);
    expect(() => importText('{"_target_":"torch.optim.lr_scheduler.ReduceLROnPlateau"}', 0.1, [])).toThrow(/has no closed form/);
  });
});

describe("exports", () => {
  it("quotes shell words so that sh reads back exactly what was written", () => {
    for (const word of ["plain", "with space", `it's "quoted"`, '{"a":[1,2]}', "$HOME `x` \\n", ""]) {
      const r = spawnSync("sh", ["-c", `printf %s ${shellWord(word)}`]);
      expect(r.stdout.toString()).toBe(word);
    }
  });

  it("writes the plot command of the whole view", () => {
    const a = { label: "a", spec: { type: "constant", value: 0.1 } };
    const b = { label: "b's", spec: { type: "constant", value: 0.2 } };
    expect(cliExport([a, b], { ...DEFAULT_VIEW, start: 5, log: true }, 100).text).toBe(
      `lrsched plot --spec '{"type":"constant","value":0.1}' --label a --spec '{"type":"constant","value":0.2}' --label 'b'\\''s' --steps 100 --start 5 --log`,
    );
    expect(cliExport([{ label: "constant", spec: a.spec }], DEFAULT_VIEW, 10).text).toBe(`lrsched plot --spec '{"type":"constant","value":0.1}' --steps 10`);
  });
});

describe("the built site", () => {
  const site = join(__dirname, "..", "dist", "playground");

  it("is three files, one classic script, and names no other origin to load from", () => {
    const html = readFileSync(join(site, "index.html"), "utf8");
    expect(html).toContain('<script src="playground.js"></script>');
    expect(html).not.toMatch(/type="module"/);
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^(playground\.(js|css)|data:,)$/);
    // the WASM core is in the script as bytes (a page on file:// may not fetch it)
    const js = readFileSync(join(site, "playground.js"), "utf8");
    expect(js).toContain("AGFzbQ"); // base64 of the module's magic number "\0asm"
  });

  it("stays lean: the whole bundle, WASM core included, under 256 KB", () => {
    expect(statSync(join(site, "playground.js")).size).toBeLessThan(256 * 1024);
  });
});

describe.runIf(process.platform === "linux")("lrsched playground --open", () => {
  it("hands the printed URL to the system's opener, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lrsched-open-"));
    try {
      // a stand-in xdg-open that records what it was asked to open
      const opened = join(dir, "opened.txt");
      writeFileSync(join(dir, "xdg-open"), `#!/bin/sh\nprintf %s "$1" > "${opened}"\n`);
      chmodSync(join(dir, "xdg-open"), 0o755);
      const server = spawn(process.execPath, [BIN, "playground", "--open"], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
      let out = "";
      server.stdout.on("data", (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
      for (let i = 0; i < 200 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 50));
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      expect(url).toBeDefined();
      expect(readFileSync(opened, "utf8")).toBe(url);
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
