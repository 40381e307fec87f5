// The seeded noise of noisyLinearCosineDecay in plain Python: the same counter-based hash as
// @lrsched/core's gaussianSource (murmur3's finaliser on 32-bit words, then Box-Muller), so the
// sample added at a step is the one lrsched adds (the logarithm and cosine from Python's math
// module, within a few ulps of the core's series).

export const gaussianCode = () => `def _fmix32(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _gaussian(seed, step):
    # the standard normal sample lrsched adds at integer \`step\` for \`seed\`
    step = int(step)
    key1 = _fmix32(seed ^ 0x9E3779B9)
    key2 = _fmix32(seed ^ ((2 * 0x9E3779B9) & 0xFFFFFFFF))
    pair = step // 2
    lo, hi = pair & 0xFFFFFFFF, (pair >> 32) & 0xFFFFFFFF
    w1 = _fmix32(_fmix32(key1 ^ lo) ^ hi ^ 0x27D4EB2F)
    w2 = _fmix32(_fmix32(key2 ^ lo) ^ hi ^ 0x27D4EB2F)
    radius = math.sqrt(-2 * math.log((w1 + 0.5) / 4294967296))
    q = w2 >> 30
    r = ((w2 & 0x3FFFFFFF) - 536870911.5) * (math.pi / 2147483648)
    if step == 2 * pair:
        c = math.sin(r) if q & 1 else math.cos(r)
        return radius * (-c if (q + 1) & 2 else c)
    s = math.cos(r) if q & 1 else math.sin(r)
    return radius * (-s if q & 2 else s)`;
