import { checkNumber } from "./checks";

/**
 * A small seeded generator of uniform floats in [0, 1): a 32-bit counter advanced by a Weyl
 * constant and scrambled by two multiply-xorshift rounds. The same seed gives the same sequence
 * on every platform (only 32-bit integer arithmetic), which is all shuffling needs.
 *
 * @example
 * const next = seededRandom(1);
 * next(); // the same first value on every run
 */
export function seededRandom(seed: number): () => number {
  checkNumber("seed", seed, { integer: true });
  let state = (seed ^ 0x5bd1e995) >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

/**
 * The indices 0..n-1 in a seeded random order (Fisher-Yates). Shuffle training data with it and
 * pass `shuffle: false` to `model.fit`, whose own shuffling uses `Math.random` and so cannot be
 * repeated.
 *
 * @example
 * seededShuffle(5, 42); // a fixed permutation of [0, 1, 2, 3, 4]
 */
export function seededShuffle(n: number, seed: number): number[] {
  checkNumber("n", n, { integer: true, min: 0 });
  const next = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
