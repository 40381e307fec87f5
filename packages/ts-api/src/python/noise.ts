// The seeded noise of noisyLinearCosineDecay in plain Python: the same SplitMix32 words and the
// same f32 Box-Muller as @lrsched/core's gaussianSource, every f32 operation done in Python's
// f64 and rounded to f32 by _f32 (exact for +, -, *, / and sqrt of f32 values), so the sample
// added at a step is the one lrsched adds, bit for bit.

const f = Math.fround;

/** An f32 constant as a Python float literal (its exact value, shortest form). */
const c32 = (x: number) => {
  const s = String(f(x));
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
};

/** Horner's rule in f32 over `coefs` (highest power first) in `x`, as Python lines into `p`. */
const horner = (coefs: readonly number[], x: string, indent: string) =>
  [`p = ${c32(coefs[0]!)}`, ...coefs.slice(1).map((c) => `p = _f32(_f32(p * ${x}) + ${c32(c)})`)]
    .map((l) => indent + l)
    .join("\n");

export const gaussianCode = () => `def _fmix32(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _f32(v):
    # v rounded to the nearest float32 (ties to even), kept as a Python float
    m, e = math.frexp(v)
    return math.ldexp(round(m * 16777216.0), e - 24)


def _gaussian(seed, step):
    # the standard normal sample lrsched adds at integer \`step\` for \`seed\`
    step = int(step)
    pair = step // 2
    lo, hi = pair & 0xFFFFFFFF, (pair >> 32) & 0xFFFFFFFF
    key1 = _fmix32(_fmix32(seed ^ 0x9E3779B9) ^ hi ^ 0x27D4EB2F)
    key2 = _fmix32(_fmix32(seed ^ 0x3C6EF372) ^ hi ^ 0x27D4EB2F)
    w1 = _fmix32((lo * 0x9E3779B9 + key1) & 0xFFFFFFFF)
    w2 = _fmix32((lo * 0x6A09E667 + key2) & 0xFFFFFFFF)
    # radius sqrt(-2 ln u1), u1 = x / 2^24, ln m by the atanh series with m in [sqrt(1/2), sqrt(2)]
    x = (w1 >> 8) | 1
    e = x.bit_length() - 1
    m = x / 2 ** e
    if m >= ${c32(Math.SQRT2)}:
        m, e = m * 0.5, e + 1
    fm = m - 1.0
    s = _f32(fm / _f32(fm + 2.0))
    z = _f32(s * s)
${horner([1 / 9, 1 / 7, 0.2, 1 / 3], "z", "    ")}
    two_s = _f32(s + s)
    ln_m = _f32(two_s + _f32(_f32(two_s * z) * p))
    v = _f32(_f32((24 - e) * ${c32(Math.LN2)}) - ln_m)
    radius = _f32(math.sqrt(_f32(v + v)))
    # angle: quadrant q from the top two bits, offset r in (-pi/4, pi/4) from the next 23
    q = w2 >> 30
    r = _f32(((((w2 >> 6) & 0xFFFFFE) | 1) - 0x800000) * ${c32(Math.PI / 33554432)})
    rr = _f32(r * r)
${horner([1 / 40320, -1 / 720, 1 / 24, -0.5], "rr", "    ")}
    c = _f32(_f32(p * rr) + 1.0)
${horner([1 / 362880, -1 / 5040, 1 / 120, -1 / 6], "rr", "    ")}
    sn = _f32(_f32(_f32(p * rr) + 1.0) * r)
    if step == 2 * pair:
        t = sn if q & 1 else c
        return _f32(radius * (-t if (q + 1) & 2 else t))
    t = c if q & 1 else sn
    return _f32(radius * (-t if q & 2 else t))`;
