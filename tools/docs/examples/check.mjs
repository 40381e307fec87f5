// `expression; // → expected` in a documented example: the value shown must be the value computed,
// to the precision shown. An integer must match exactly, a decimal rounded to its decimals, a
// number in exponent form to its significant digits; strings, booleans, null, arrays and objects
// compare element by element.
import { isDeepStrictEqual } from "node:util";

// not digits inside a name: the 95 of `ci95` is no number
const NUMBER_LITERAL = /(?<![\w$])-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Whether `actual` shows as the number literal `text`. */
export function matchesLiteral(actual, text) {
  if (typeof actual !== "number") return false;
  const expected = Number(text);
  if (/e/i.test(text)) {
    const digits = text.replace(/^-/, "").split(/e/i)[0].replace(".", "").replace(/^0+/, "").length || 1;
    return Number(actual.toPrecision(digits)) === expected;
  }
  if (!text.includes(".")) return actual === expected;
  const decimals = text.split(".")[1].length;
  return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

function compare(actual, expected, literals, path) {
  if (typeof expected === "number") {
    const text = literals.shift();
    if (!matchesLiteral(actual, text)) return `${path || "value"} is ${actual}, the example shows ${text}`;
    return null;
  }
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const list = ArrayBuffer.isView(actual) ? Array.from(actual) : actual;
    if (!Array.isArray(list) || list.length !== expected.length) return `${path || "value"} is ${JSON.stringify(list)}, the example shows ${expected.length} entries`;
    for (let i = 0; i < expected.length; i++) {
      const d = compare(list[i], expected[i], literals, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return `${path || "value"} is ${JSON.stringify(actual)}, the example shows an object`;
    for (const key of Object.keys(expected)) {
      const d = compare(actual[key], expected[key], literals, `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return isDeepStrictEqual(actual, expected) ? null : `${path || "value"} is ${JSON.stringify(actual)}, the example shows ${JSON.stringify(expected)}`;
}

/** Throws when `actual` is not what the example's `// → text` shows. */
export function check(actual, text, where) {
  // eslint-disable-next-line no-new-func
  const expected = new Function(`return (${text});`)();
  // string literals may hold digits: take number literals only from outside quotes
  const literals = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').match(NUMBER_LITERAL) ?? [];
  const difference = compare(actual, expected, literals, "");
  if (difference) throw new Error(`${where}: ${difference}`);
}
