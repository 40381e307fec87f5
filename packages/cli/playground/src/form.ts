// The options form of one schedule, generated from the spec JSON Schema (ts-api's specJsonSchema):
// numbers, enums, booleans, number lists, and nested schedules for warmup / join / multiply / clamp.
// Every option input has a <label> with the option's camelCase name. The form edits a draft spec in
// place; the owner validates it and hands errors back to show next to the field they name.
import { h } from "./dom";
import { starterSpec, type Spec } from "../../src/starters";

type Prop = Readonly<Record<string, unknown>>;

/** One `oneOf` branch of the spec schema: a schedule type and its options. */
export interface TypeSchema {
  readonly type: string;
  readonly summary: string;
  readonly properties: Readonly<Record<string, Prop>>;
}

/** The schedule types of a spec JSON Schema, in its order. */
export function typeSchemas(schema: Record<string, unknown>): TypeSchema[] {
  return (schema.oneOf as Prop[]).map((branch) => {
    const { type, ...properties } = branch.properties as Record<string, Prop>;
    return { type: String(type.const), summary: String(branch.description ?? ""), properties };
  });
}

/** Where a nested value lives: read and replace it in its parent. */
interface Slot {
  get(): Spec;
  set(spec: Spec): void;
}

/** An error to show: the path it names (`schedules[1].decaySteps`) and the message. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);
const typeOf = (p: Prop) => (Array.isArray(p.type) ? p.type.join("|") : String(p.type));

export class SpecForm {
  private root: Spec = {};
  private nextId = 0;
  private readonly byType: Map<string, TypeSchema>;

  constructor(
    private readonly container: HTMLElement,
    private readonly types: readonly TypeSchema[],
    private readonly onChange: (draft: Spec) => void,
  ) {
    this.byType = new Map(types.map((t) => [t.type, t]));
    container.addEventListener("submit", (e) => e.preventDefault()); // Enter in a field must not reload the page
  }

  /** Shows `spec` (a copy: the form's edits never touch the caller's object). */
  load(spec: Spec): void {
    this.root = structuredClone(spec);
    const slot: Slot = { get: () => this.root, set: (v) => (this.root = v) };
    this.container.replaceChildren(this.scheduleEditor(slot, "", "type"), h("p", { class: "error", "data-error-for": "" }));
  }

  /** Puts `error` next to the field it names (or its closest shown parent); null clears every message. */
  showError(error: FieldError | null): void {
    for (const el of this.container.querySelectorAll<HTMLElement>("[data-error-for]")) {
      el.textContent = "";
      el.closest(".field")?.classList.remove("invalid");
    }
    if (!error) return;
    const slots = new Map(Array.from(this.container.querySelectorAll<HTMLElement>("[data-error-for]"), (el) => [el.dataset.errorFor!, el]));
    // the field itself, else its closest shown parent (`schedules[1].x` -> `schedules[1]` -> `schedules`)
    let path = error.path;
    while (path !== "" && !slots.has(path)) {
      const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
      path = up === path ? "" : up;
    }
    const slot = slots.get(path) ?? slots.get("")!;
    slot.textContent = error.message;
    slot.closest(".field")?.classList.add("invalid");
  }

  private id(): string {
    return `opt-${this.nextId++}`;
  }

  private changed(): void {
    this.onChange(this.root);
  }

  /** A type picker and the options of the schedule in `slot`, redrawn when the type changes. */
  private scheduleEditor(slot: Slot, path: string, labelText: string): HTMLElement {
    const box = h("div", { class: "schedule", "data-path": path });
    const draw = () => {
      const spec = slot.get();
      const schema = this.byType.get(String(spec.type));
      const id = this.id();
      const select = h("select", { id, "data-testid": path === "" ? "type" : undefined },
        ...this.types.map((t) => h("option", { value: t.type, selected: t.type === spec.type }, t.type)));
      select.addEventListener("change", () => {
        slot.set(starterSpec(select.value));
        draw();
        this.changed();
      });
      const typeRow = this.row(path === "" ? "type" : path, labelText, id, select, schema?.summary);
      const rows = schema ? Object.entries(schema.properties).flatMap(([key, prop]) => this.field(spec, key, prop, join(path, key))) : [];
      box.replaceChildren(typeRow, ...rows);
    };
    draw();
    return box;
  }

  /** A labelled row with a message slot for errors about `path`. */
  private row(path: string, name: string, id: string, input: HTMLElement, doc?: string, after = false): HTMLElement {
    const label = h("label", { for: id, title: doc }, name);
    const error = h("span", { class: "error", "data-error-for": path, role: "status" });
    input.setAttribute("aria-describedby", `${id}-error`);
    error.id = `${id}-error`;
    return h("div", { class: `field${after ? " check" : ""}`, "data-path": path }, ...(after ? [input, label] : [label, input]), error);
  }

  /** The row(s) of one option; [] for options a spec cannot hold (functions). */
  private field(spec: Spec, key: string, prop: Prop, path: string): HTMLElement[] {
    const doc = typeof prop.description === "string" ? prop.description : undefined;
    const id = this.id();
    const set = (value: unknown) => {
      if (value === undefined) delete spec[key];
      else spec[key] = value;
      this.changed();
    };
    const items = prop.items as Prop | undefined;
    if (prop.$ref === "#") {
      const slot: Slot = { get: () => spec[key] as Spec, set: (v) => (spec[key] = v) };
      if (typeof spec[key] !== "object" || spec[key] === null) spec[key] = starterSpec("constant");
      return [h("fieldset", { class: "nested" }, h("legend", {}, key), this.scheduleEditor(slot, path, key))];
    }
    if (prop.type === "array" && items?.$ref === "#") return [this.scheduleList(spec, key, prop, path)];
    if (prop.enum) {
      const select = h("select", { id }, ...(prop.enum as string[]).map((v) => h("option", { value: v, selected: v === spec[key] }, v)));
      select.addEventListener("change", () => set(select.value));
      return [this.row(path, key, id, select, doc)];
    }
    switch (typeOf(prop)) {
      case "boolean": {
        const box = h("input", { id, type: "checkbox", checked: spec[key] === true });
        box.addEventListener("change", () => set(box.checked));
        return [this.row(path, key, id, box, doc, true)];
      }
      case "number":
      case "integer":
      case "number|null":
        return [this.numberField(spec, key, prop, path, id, doc, set)];
      case "string|null": {
        const text = h("input", { id, type: "text", value: typeof spec[key] === "string" ? (spec[key] as string) : "", placeholder: "null" });
        text.addEventListener("input", () => set(text.value === "" ? null : text.value));
        return [this.row(path, key, id, text, doc)];
      }
      case "array": {
        const list = Array.isArray(spec[key]) ? (spec[key] as unknown[]).join(", ") : "";
        const text = h("input", { id, type: "text", value: list, inputmode: "decimal", placeholder: "100, 200" });
        const row = this.row(path, key, id, text, doc);
        text.addEventListener("input", () => {
          const parts = text.value.split(",").map((p) => p.trim()).filter((p) => p !== "");
          const values = parts.map(Number);
          if (values.some((v, i) => !Number.isFinite(v) || parts[i] === "")) return this.localError(path, `${key} must be a comma-separated list of numbers`);
          set(values);
        });
        return [row];
      }
      default:
        return []; // "null": a function option, which a spec cannot hold
    }
  }

  private numberField(spec: Spec, key: string, prop: Prop, path: string, id: string, doc: string | undefined, set: (v: unknown) => void): HTMLElement {
    const nullable = typeOf(prop) === "number|null";
    const value = spec[key];
    const input = h("input", {
      id,
      type: "number",
      step: prop.type === "integer" ? 1 : "any",
      value: typeof value === "number" ? String(value) : "",
      placeholder: nullable ? "null" : prop.default === undefined ? "required" : String(prop.default),
    });
    input.addEventListener("input", () => {
      if (input.validity.badInput) return this.localError(path, `${key} must be a number`);
      // an emptied box: null where the option allows it, else the option's default
      if (input.value === "") set(nullable ? null : undefined);
      else set(input.valueAsNumber);
    });
    return this.row(path, key, id, input, doc);
  }

  /** Schedules in a list (join, multiply): each with its own type picker, plus add and remove. */
  private scheduleList(spec: Spec, key: string, prop: Prop, path: string): HTMLElement {
    const set = h("fieldset", { class: "nested", "data-path": path }, h("legend", {}, key));
    const min = typeof prop.minItems === "number" ? prop.minItems : 1;
    const max = typeof prop.maxItems === "number" ? prop.maxItems : Infinity;
    const draw = () => {
      if (!Array.isArray(spec[key])) spec[key] = [];
      const list = spec[key] as Spec[];
      const children: HTMLElement[] = list.map((_, i) => {
        const itemPath = `${path}[${i}]`;
        const slot: Slot = { get: () => list[i], set: (v) => (list[i] = v) };
        const remove = h("button", { type: "button", class: "small", disabled: list.length <= min, title: `remove ${key}[${i}]` }, "remove");
        remove.addEventListener("click", () => {
          list.splice(i, 1);
          draw();
          this.changed();
        });
        return h("div", { class: "item" }, this.scheduleEditor(slot, itemPath, `${key}[${i}]`), remove);
      });
      const add = h("button", { type: "button", class: "small", disabled: list.length >= max }, `add to ${key}`);
      add.addEventListener("click", () => {
        list.push(starterSpec("constant"));
        draw();
        this.changed();
      });
      set.replaceChildren(h("legend", {}, key), ...children, add, h("span", { class: "error", "data-error-for": path }));
    };
    draw();
    return set;
  }

  private localError(path: string, message: string): void {
    this.showError({ path, message });
  }
}
