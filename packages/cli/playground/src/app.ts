// The playground page: schedules on the left (list and options form), the chart, the compare table,
// import and export on the right. Every change is validated with ts-api, drawn, and written to the
// URL hash; a broken value shows its LrschedError next to its field and leaves the chart as it was.
import { LrschedError, fromSpec, specJsonSchema, type Schedule } from "@lrsched/ts-api";
import { formatNumber } from "../../../explore/src/charts/numbers";
import { defaultSteps } from "../../src/horizon";
import type { TorchExport } from "../../src/input/torchExport";
import { Chart } from "./chart";
import { debounce, h } from "./dom";
import { cliExport, kerasExport, specExport, torchExport, type ExportText } from "./exports";
import { SpecForm, typeSchemas } from "./form";
import { importText } from "./imports";
import { starterSpec, type Spec } from "../../src/starters";
import { DEFAULT_VIEW, decodeState, encodeState, parseSteps, uniqueLabel, type Entry, type View } from "./state";
import { defaultAt, renderSummary } from "./summary";

/** vega-lite's default palette, so a curve has the colour `lrsched plot` gives it. */
const PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];
/** Longest range the page evaluates in full (the CLI draws longer ones). */
export const MAX_STEPS = 100_000_000;

interface Live extends Entry {
  readonly schedule: Schedule;
  /** The PyTorch config (and rate) this schedule was imported from, while its spec is unchanged. */
  readonly torch?: TorchExport;
}

const live = (e: Entry & { torch?: TorchExport }): Live => ({ ...e, schedule: fromSpec(e.spec) });
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Playground {
  private entries: Live[] = [];
  private selected = 0;
  private view: View = DEFAULT_VIEW;
  private readonly form: SpecForm;
  private readonly chart: Chart;
  private readonly redrawSoon = debounce(() => this.redraw(), 40);
  private readonly summarySoon = debounce(() => this.summarize(), 120);

  constructor() {
    this.form = new SpecForm(byId("form"), typeSchemas(specJsonSchema()), (draft) => this.edited(draft));
    this.chart = new Chart(document.querySelector<SVGSVGElement>('[data-testid="chart"]')!, byId("readout"));
    this.wireList();
    this.wireView();
    this.wireImport();
    this.wireCopy();
    window.addEventListener("hashchange", () => this.loadHash());
    window.addEventListener("resize", debounce(() => this.redraw(), 100));
  }

  /** Shows the link's state, or a first schedule when the link holds none. */
  start(): void {
    if (!this.loadHash()) this.replaceAll([live({ label: "cosineDecay", spec: fromSpec(starterSpec("cosineDecay")).toSpec() as Spec })], DEFAULT_VIEW);
  }

  private loadHash(): boolean {
    const banner = byId("link-error");
    banner.textContent = "";
    try {
      const state = decodeState(location.hash);
      if (!state) return false;
      this.replaceAll(state.entries.map(live), state.view);
      return true;
    } catch (e) {
      banner.textContent = `This link's state is not valid: ${messageOf(e)}`;
      return false;
    }
  }

  private replaceAll(entries: Live[], view: View): void {
    this.entries = entries;
    this.selected = 0;
    this.view = view;
    this.showView();
    this.showList();
    this.showSelected();
    this.changed();
  }

  // ---- the schedule list: select, add, duplicate, remove, rename ----

  private wireList(): void {
    byId("add").addEventListener("click", () => this.insert(live({ label: "constant", spec: fromSpec(starterSpec("constant")).toSpec() as Spec })));
    byId("duplicate").addEventListener("click", () => this.insert({ ...this.entries[this.selected], torch: undefined }));
    byId("remove").addEventListener("click", () => {
      if (this.entries.length <= 1) return;
      this.entries.splice(this.selected, 1);
      this.selected = Math.min(this.selected, this.entries.length - 1);
      this.showList();
      this.showSelected();
      this.changed();
    });
    const rename = byId<HTMLInputElement>("series-label");
    rename.addEventListener("input", () => {
      const wanted = rename.value.trim() || String(this.entries[this.selected].spec.type);
      const others = this.entries.filter((_, i) => i !== this.selected).map((e) => e.label);
      this.entries[this.selected] = { ...this.entries[this.selected], label: uniqueLabel(wanted, others) };
      this.showList();
      this.changed();
    });
  }

  private insert(entry: Live): void {
    const label = uniqueLabel(entry.label, this.entries.map((e) => e.label));
    this.entries.splice(this.selected + 1, 0, { ...entry, label });
    this.selected += 1;
    this.showList();
    this.showSelected();
    this.changed();
  }

  private colorOf(i: number): string {
    return PALETTE[i % PALETTE.length];
  }

  private showList(): void {
    byId("entries").replaceChildren(
      ...this.entries.map((e, i) => {
        const button = h("button", { type: "button", class: "entry", "data-testid": "entry", "aria-pressed": i === this.selected ? "true" : "false" },
          h("span", { class: "swatch", style: `background:${this.colorOf(i)}` }), e.label);
        button.addEventListener("click", () => {
          this.selected = i;
          this.showList();
          this.showSelected();
          this.showExports();
        });
        return h("li", {}, button);
      }),
    );
    byId<HTMLButtonElement>("remove").disabled = this.entries.length <= 1;
  }

  private showSelected(): void {
    const e = this.entries[this.selected];
    const rename = byId<HTMLInputElement>("series-label");
    if (document.activeElement !== rename) rename.value = e.label;
    this.form.load(e.spec);
  }

  /** A form edit: a valid draft replaces the selected schedule; an invalid one shows its error. */
  private edited(draft: Spec): void {
    let schedule: Schedule;
    try {
      schedule = fromSpec(draft);
    } catch (e) {
      if (!(e instanceof LrschedError)) throw e;
      this.form.showError({ path: e.path, message: e.message });
      return;
    }
    this.form.showError(null);
    const old = this.entries[this.selected];
    const spec = structuredClone(draft);
    // a label that only named the old type follows the type
    const label = old.label === old.spec.type && spec.type !== old.spec.type
      ? uniqueLabel(String(spec.type), this.entries.filter((_, i) => i !== this.selected).map((x) => x.label))
      : old.label;
    this.entries[this.selected] = { label, spec, schedule };
    if (label !== old.label) {
      this.showList();
      byId<HTMLInputElement>("series-label").value = label;
    }
    this.changed();
  }

  // ---- the view: step range, log scale, compare settings ----

  private wireView(): void {
    const start = byId<HTMLInputElement>("start");
    const steps = byId<HTMLInputElement>("steps");
    const log = byId<HTMLInputElement>("log");
    const at = byId<HTMLInputElement>("at");
    const above = byId<HTMLInputElement>("above");
    const error = byId("view-error");
    const read = () => {
      try {
        const view: View = {
          start: integerOf(start, "start", 0, 0),
          steps: steps.value.trim() === "" ? null : integerOf(steps, "steps", 1, 1, MAX_STEPS),
          log: log.checked,
          at: at.value.trim() === "" ? null : parseSteps(at.value, "at"),
          above: percentOf(above),
        };
        error.textContent = "";
        this.view = view;
        this.changed();
      } catch (e) {
        if (!(e instanceof LrschedError)) throw e;
        error.textContent = e.message;
      }
    };
    for (const el of [start, steps, at, above]) el.addEventListener("input", read);
    log.addEventListener("change", read);
  }

  private showView(): void {
    byId<HTMLInputElement>("start").value = String(this.view.start);
    byId<HTMLInputElement>("steps").value = this.view.steps === null ? "" : String(this.view.steps);
    byId<HTMLInputElement>("log").checked = this.view.log;
    byId<HTMLInputElement>("at").value = this.view.at === null ? "" : this.view.at.join(", ");
    byId<HTMLInputElement>("above").value = String(this.view.above);
    byId("view-error").textContent = "";
  }

  /** Steps drawn: the view's, else read from the schedules (to their end). */
  private steps(): number {
    return this.view.steps ?? Math.min(MAX_STEPS, defaultSteps(this.entries.map((e) => e.schedule)));
  }

  // ---- drawing, table, hash ----

  private changed(): void {
    history.replaceState(null, "", `#${encodeState({ entries: this.entries, view: this.view })}`);
    byId<HTMLInputElement>("steps").placeholder = `${this.steps()} (auto)`;
    this.showExports();
    this.redrawSoon();
    this.summarySoon();
  }

  private series() {
    return this.entries.map((e, i) => ({ label: e.label, color: this.colorOf(i), schedule: e.schedule }));
  }

  private redraw(): void {
    const ms = this.chart.draw(this.series(), { start: this.view.start, steps: this.steps(), log: this.view.log });
    byId("status").textContent = `drawn in ${ms.toFixed(0)} ms`;
  }

  private summarize(): void {
    const steps = this.steps();
    const at = this.view.at ?? defaultAt(this.view.start, steps);
    renderSummary(byId<HTMLTableElement>("summary"), this.series(), this.view.start, steps, at, this.view.above);
  }

  private showExports(): void {
    const e = this.entries[this.selected];
    const put = (id: string, x: ExportText) => {
      const pane = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
      pane.textContent = x.text;
      pane.classList.toggle("none", !x.ok);
    };
    put("export-spec", specExport(e));
    put("export-keras", kerasExport(e));
    const torch = torchExport(e);
    put("export-torch", torch);
    byId("export-torch-lr").textContent = torch.lr === undefined ? "" : `optimizer lr ${formatNumber(torch.lr, 6)}`;
    put("export-cli", cliExport(this.entries, this.view, this.steps()));
  }

  // ---- import and copy ----

  private wireImport(): void {
    const text = byId<HTMLTextAreaElement>("import-text");
    const lr = byId<HTMLInputElement>("import-lr");
    const error = byId("import-error");
    byId("import").addEventListener("click", () => {
      try {
        const rate = lr.value.trim() === "" ? 0.1 : Number(lr.value);
        if (!(rate >= 0)) throw new LrschedError("lr", "must be a number >= 0", lr.value);
        const found = importText(text.value, rate, this.entries.map((x) => x.label));
        error.textContent = "";
        for (const entry of found) this.insert(live(entry));
      } catch (e) {
        if (!(e instanceof LrschedError)) throw e;
        error.textContent = e.message;
      }
    });
  }

  private wireCopy(): void {
    for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
      button.addEventListener("click", async () => {
        const text = document.querySelector<HTMLElement>(`[data-testid="${button.dataset.copy}"]`)?.textContent ?? "";
        try {
          await navigator.clipboard.writeText(text);
          button.textContent = "copied";
        } catch {
          button.textContent = "select and copy";
        }
        setTimeout(() => (button.textContent = "copy"), 1500);
      });
    }
  }
}

function integerOf(input: HTMLInputElement, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (input.value.trim() === "") return fallback;
  const v = Number(input.value);
  if (input.validity.badInput || !Number.isSafeInteger(v) || v < min) {
    throw new LrschedError(name, min === 0 ? "must be a non-negative integer" : "must be a positive integer", input.value);
  }
  if (v > max) throw new LrschedError(name, `must be at most ${max} here (lrsched plot draws longer curves)`, v);
  return v;
}

function percentOf(input: HTMLInputElement): number {
  if (input.value.trim() === "") return DEFAULT_VIEW.above;
  const v = Number(input.value);
  if (input.validity.badInput || !(v >= 0 && v <= 100)) throw new LrschedError("above", "must be a percentage in [0, 100]", input.value);
  return v;
}
