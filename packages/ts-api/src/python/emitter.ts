// Collects the Python functions and constants of a closed form, naming each once.
import { FLAVORS, lit, type Flavor, type FlavorName } from "./flavor";

export class Emitter {
  readonly f: Flavor;
  private readonly defs: string[] = [];
  private readonly used = new Map<string, number>();
  private readonly helpers = new Set<string>();

  constructor(flavor: FlavorName) {
    this.f = FLAVORS[flavor];
  }

  /** A fresh name: `_cosine_2`. */
  name(base: string): string {
    const n = this.used.get(base) ?? 0;
    this.used.set(base, n + 1);
    return `_${base}_${n}`;
  }

  /** A module-level constant array; returns its name. */
  constant(base: string, values: readonly number[]): string {
    const name = this.name(base).toUpperCase();
    this.defs.push(`${name} = ${this.f.array(values)}`);
    return name;
  }

  /** `def name(x):` with `body` lines (the last one returns); returns the name. */
  def(base: string, body: readonly string[], doc?: string): string {
    const name = this.name(base);
    const lines = [`def ${name}(x):`];
    if (doc) lines.push(`    # ${doc}`);
    for (const l of body) lines.push(`    ${l}`);
    this.defs.push(lines.join("\n"));
    return name;
  }

  /** A helper defined once (by its source), e.g. the noise generator. */
  helper(source: string): void {
    if (!this.helpers.has(source)) {
      this.helpers.add(source);
      this.defs.push(source);
    }
  }

  /** A one-expression function of x. */
  expr(base: string, e: string, doc?: string): string {
    return this.def(base, [`return ${e}`], doc);
  }

  lit = lit;

  /** The definitions, in the order they were made (children before parents). */
  source(): string {
    return this.defs.join("\n\n\n");
  }
}
