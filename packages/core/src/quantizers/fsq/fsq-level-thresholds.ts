/**
 * Per-channel level thresholds of an FSQ grid: channel d reaches level `lowest[d] + j + 1` from
 * `values[start[d] + j]` on. `keys` holds the same thresholds as float32 order keys
 * (see {@link float32OrderKey}), for integer comparisons on the raw bits of float32 inputs.
 */
export interface FsqLevelThresholds {
  readonly values: Float64Array;
  readonly keys: Int32Array;
  readonly start: Int32Array;
  readonly lowest: Int32Array;
}

const f32Bits = new Float32Array(1);
const intBits = new Int32Array(f32Bits.buffer);

/**
 * A float32 as an int32 key that orders like the float (−0 just below +0): the bits themselves for
 * positive values, all but the sign bit flipped for negative ones. Every float32 bit pattern whose
 * int32 reading is `bits` has the key `bits ^ ((bits >> 31) & 0x7fffffff)`.
 */
export function float32OrderKey(value: number): number {
  f32Bits[0] = value;
  const bits = intBits[0]!;
  return bits ^ ((bits >> 31) & 0x7fffffff);
}

/** The float32 of an order key (the inverse of {@link float32OrderKey}). */
export function float32FromOrderKey(key: number): number {
  intBits[0] = key ^ ((key >> 31) & 0x7fffffff);
  return f32Bits[0]!;
}

const MAX_FLOAT32 = 3.4028234663852886e38;

/**
 * Finds, for every channel and level k above the lowest reachable one, the smallest float32 input
 * whose level is ≥ k, by bisection over the float32 values in order. Every step of the reference
 * arithmetic (add, tanh or clamp, multiply, subtract, round half to even, floor) is monotone
 * non-decreasing, so a float32 input lies on level k exactly when it is ≥ the k-th threshold and
 * below the next: the lookup gives the reference's level without evaluating it.
 */
export function findLevelThresholds(levels: readonly number[], level: (d: number, value: number) => number): FsqLevelThresholds {
  const start = new Int32Array(levels.length + 1);
  const lowest = new Int32Array(levels.length);
  const keys: number[] = [];
  for (let d = 0; d < levels.length; d++) {
    start[d] = keys.length;
    const low = level(d, -MAX_FLOAT32);
    const high = level(d, MAX_FLOAT32);
    lowest[d] = low;
    for (let k = low + 1; k <= high; k++) {
      let lo = float32OrderKey(-MAX_FLOAT32); // level(lo) < k
      let hi = float32OrderKey(MAX_FLOAT32); // level(hi) >= k
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (level(d, float32FromOrderKey(mid)) >= k) hi = mid;
        else lo = mid;
      }
      keys.push(hi);
    }
  }
  start[levels.length] = keys.length;
  return { values: Float64Array.from(keys, float32FromOrderKey), keys: Int32Array.from(keys), start, lowest };
}
