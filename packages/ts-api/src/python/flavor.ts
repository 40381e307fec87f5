// The three dialects of Python a closed form is written in: plain Python floats (`math`, for a
// PyTorch LambdaLR), jax.numpy (optax) and keras.ops (a Keras LearningRateSchedule). The first
// branches with `if`, so it never evaluates a piece outside its steps; the others select with
// `where`, as traced code must.

export type FlavorName = "math" | "jnp" | "keras";

export interface Flavor {
  readonly name: FlavorName;
  /** Imports the code needs. */
  readonly imports: readonly string[];
  /** A unary function: cos, exp, log, sqrt, floor, ceil, tanh, expm1, log1p, round, abs. */
  fn(name: string, x: string): string;
  min(a: string, b: string): string;
  max(a: string, b: string): string;
  /** `b` to the power `p` (b >= 0). */
  pow(b: string, p: string): string;
  /** Python's floor division of floats (a // b). */
  floorDiv(a: string, b: string): string;
  /** A module-level constant holding `values`. */
  array(values: readonly number[]): string;
  /** How many of the sorted `arr` are < x (`inclusive`: <= x). */
  count(arr: string, x: string, inclusive: boolean): string;
  take(arr: string, i: string): string;
  /**
   * Statements returning the value of the first case whose condition holds, else `otherwise`
   * (`cases` in order; later conditions may assume earlier ones failed).
   */
  select(cases: readonly (readonly [string, string])[], otherwise: string): string[];
  /** An expression choosing between two values. */
  where(cond: string, a: string, b: string): string;
}

const mathFlavor: Flavor = {
  name: "math",
  imports: ["import bisect", "import math"],
  fn: (name, x) => (name === "round" ? `round(${x})` : name === "abs" ? `abs(${x})` : `math.${name}(${x})`),
  min: (a, b) => `min(${a}, ${b})`,
  max: (a, b) => `max(${a}, ${b})`,
  pow: (b, p) => `${b} ** ${p}`,
  floorDiv: (a, b) => `(${a}) // ${b}`,
  array: (values) => `[${values.map(lit).join(", ")}]`,
  count: (arr, x, inclusive) => `bisect.bisect_${inclusive ? "right" : "left"}(${arr}, ${x})`,
  take: (arr, i) => `${arr}[${i}]`,
  select: (cases, otherwise) => [...cases.map(([c, v]) => `if ${c}:\n        return ${v}`), `return ${otherwise}`],
  where: (c, a, b) => `(${a} if ${c} else ${b})`,
};

/** A flavor whose functions live in a namespace with NumPy's names (jnp, ops). */
function arrayFlavor(name: FlavorName, ns: string, imports: string[]): Flavor {
  return {
    name,
    imports,
    fn: (f, x) => `${ns}.${f === "abs" ? "abs" : f}(${x})`,
    min: (a, b) => `${ns}.minimum(${a}, ${b})`,
    max: (a, b) => `${ns}.maximum(${a}, ${b})`,
    pow: (b, p) => `${ns}.power(${b}, ${p})`,
    floorDiv: (a, b) => `${ns}.floor_divide(${a}, ${b})`,
    array: (values) => `${ns === "jnp" ? "jnp.array" : "ops.convert_to_tensor"}([${values.map(lit).join(", ")}]${ns === "ops" ? ', dtype="float32"' : ""})`,
    count: (arr, x, inclusive) => `${ns}.searchsorted(${arr}, ${x}, side="${inclusive ? "right" : "left"}")`,
    take: (arr, i) => `${ns}.take(${arr}, ${i})`,
    select: (cases, otherwise) => {
      const lines = [`r = ${otherwise}`];
      for (let i = cases.length - 1; i >= 0; i--) lines.push(`r = ${ns}.where(${cases[i]![0]}, ${cases[i]![1]}, r)`);
      return [...lines, "return r"];
    },
    where: (c, a, b) => `${ns}.where(${c}, ${a}, ${b})`,
  };
}

export const FLAVORS: Readonly<Record<FlavorName, Flavor>> = {
  math: mathFlavor,
  jnp: arrayFlavor("jnp", "jnp", ["import math", "import jax.numpy as jnp"]),
  keras: arrayFlavor("keras", "ops", ["import math", "from keras import ops"]),
};

/**
 * A float as Python reads it back to the same double: JavaScript's shortest round-trip digits,
 * with a decimal point so Python keeps it a float; infinities as float("inf").
 */
export function lit(x: number): string {
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '(-float("inf"))';
  if (Number.isNaN(x)) return 'float("nan")';
  let s = String(x);
  if (/^-?\d+$/.test(s)) s += ".0";
  return x < 0 || Object.is(x, -0) ? `(${s})` : s;
}
