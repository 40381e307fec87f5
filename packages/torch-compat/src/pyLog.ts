// Python's `math.log(x, base)` with a correctly rounded natural logarithm. PyTorch places a
// CosineAnnealingWarmRestarts epoch with `int(math.log(x, T_mult))`; CPython computes
// `log(x) / log(base)` with the C library's log, which rounds to nearest (glibc does, bar rare
// arguments within a thousandth of an ulp of a midpoint) where V8's Math.log can be an ulp off:
// Math.log(3) is 1.0986122886681096, the C library's 1.0986122886681098. Near an integer that ulp
// decides the period, so there the logarithms are recomputed exactly.

/** Fixed-point precision of the exact logarithm, in bits (far beyond the ~120 rounding needs). */
const P = 256n;
const ONE = 1n << P;

/** 2 atanh(z) = ln((1 + z) / (1 - z)) for a fixed-point z with |z| <= 1/3 (odd: sign apart). */
function twoAtanh(z: bigint): bigint {
  if (z < 0n) return -twoAtanh(-z);
  const z2 = (z * z) >> P;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> P;
  }
  return 2n * sum;
}

let ln2: bigint | undefined;

/** ln(m 2^e) for a positive integer m: reduce m to f in [0.75, 1.5), then 2 atanh((f-1)/(f+1)). */
function fixedLog(m: bigint, e: number): bigint {
  ln2 ??= twoAtanh(ONE / 3n); // ln 2 = 2 atanh(1/3)
  let j = m.toString(2).length - 1; // m = f 2^j with f in [1, 2)
  let f = j <= Number(P) ? m << (P - BigInt(j)) : m >> (BigInt(j) - P);
  if (f >= (3n * ONE) / 2n) {
    f >>= 1n;
    j += 1;
  }
  return twoAtanh(((f - ONE) << P) / (f + ONE)) + BigInt(j + e) * ln2;
}

/** The significand and exponent of a positive finite double: x = m 2^e exactly. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** ln(x) rounded to the nearest double, as a correctly rounded C library returns it (x > 0). */
export function correctlyRoundedLog(x: number): number {
  if (x === 1) return 0;
  const [m, e] = decompose(x);
  // Number(bigint) rounds to nearest; dividing by 2^256 is exact
  return Number(fixedLog(m, e)) / 2 ** 256;
}

/**
 * `int(math.log(x, base))` in CPython: trunc(log(x) / log(base)) with correctly rounded logs.
 * V8's quotient is within a few ulps of it, so it decides unless it lies next to an integer.
 */
export function truncLogRatio(x: number, base: number): number {
  const q = Math.log(x) / Math.log(base);
  const nearest = Math.round(q);
  if (Math.abs(q - nearest) > 1e-9 * Math.max(1, Math.abs(q))) return Math.trunc(q);
  return Math.trunc(correctlyRoundedLog(x) / correctlyRoundedLog(base));
}
