// Python's float arithmetic where it differs from JavaScript's, for ports that must agree with a
// Python library to the last few ulps.

/** Python's `a // b` for floats (CPython's float_floor_div: fmod, then correct the quotient). */
export function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) {
    mod += b;
    div -= 1;
  }
  if (div === 0) return Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
  let floor = Math.floor(div);
  if (div - floor > 0.5) floor += 1;
  return floor;
}

// Correctly rounded natural logarithm. Math.log may be one ulp away from the correctly rounded
// value that CPython gets from the C library (V8 gives ln 3 as 1.0986122886681096, glibc
// 1.0986122886681098), and a floor of a quotient of logarithms can depend on that ulp.

/** Fixed-point scale of the exact computation: values are multiples of 2^-FRACTION. */
const FRACTION = 160n;

/** ln(num / den) for num / den in [1/sqrt 2, sqrt 2], as 2 atanh(z), z = (num - den) / (num + den). */
function lnRatio(num: bigint, den: bigint): bigint {
  // computed for |z| (an arithmetic shift of a negative term would stop at -1, never at 0)
  if (num < den) return -lnRatio(den, num);
  const z = ((num - den) << FRACTION) / (num + den);
  const z2 = (z * z) >> FRACTION;
  let sum = 0n;
  let term = z;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> FRACTION;
  }
  return 2n * sum;
}

let ln2: bigint | undefined;
const bits = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(8));

/** ln x rounded to the nearest double, for finite x > 0 (from a 160-bit fixed-point value). */
export function correctLog(x: number): number {
  if (x === 1) return 0;
  if (!(x > 0 && x < Infinity)) return Math.log(x); // Infinity, 0, NaN: nothing to round
  ln2 ??= lnRatio(2n, 1n);
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mantissa |= 1n << 52n;
  // x = mantissa * 2^exp; pick e with x / 2^e in [1/sqrt 2, sqrt 2)
  let e = Math.floor(Math.log2(x));
  if (x / 2 ** e >= Math.SQRT2) e += 1;
  else if (x / 2 ** e < Math.SQRT1_2) e -= 1;
  const shift = exp - e;
  const [num, den] = shift >= 0 ? [mantissa << BigInt(shift), 1n] : [mantissa, 1n << BigInt(-shift)];
  const fixed = BigInt(e) * ln2 + lnRatio(num, den);
  return Number(fixed) / 2 ** Number(FRACTION);
}

/** Python's `math.log(x, base)`: log(x) / log(base), each correctly rounded first. */
export const pyLog = (x: number, base: number) => correctLog(x) / correctLog(base);

/**
 * `Math.floor(pyLog(x, base))`, with Math.log's speed unless the quotient is within rounding of an
 * integer, where the correctly rounded logarithms decide. `lnBase` is correctLog(base).
 */
export function floorPyLog(x: number, lnBase: number): number {
  const q = Math.log(x) / lnBase;
  if (!Number.isFinite(q)) return Math.floor(q);
  const r = Math.round(q);
  if (Math.abs(q - r) > 1e-12 * Math.max(1, Math.abs(r))) return Math.floor(q);
  return Math.floor(correctLog(x) / lnBase);
}

/** Python's `bisect.bisect_right(sorted, x)`: how many entries are <= x. */
export function bisectRight(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
