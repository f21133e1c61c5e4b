/**
 * A small seeded generator of uniform numbers in [0, 1): SplitMix32, i.e. a Weyl sequence
 * (state += 0x9e3779b9, the 32-bit golden ratio) passed through the MurmurHash3 32-bit finaliser
 * (xor-shift 16, × 0x85ebca6b, xor-shift 13, × 0xc2b2ae35, xor-shift 16). Same seed, same
 * sequence, on every platform (it uses only 32-bit integer operations).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}
