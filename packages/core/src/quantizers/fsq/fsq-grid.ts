import { roundHalfEven } from '../math/round-half-even.js';

/**
 * How an FSQ channel squeezes an unbounded value into its L levels before rounding.
 * - `tanh`: `tanh(z + atanh(offset / half_l)) · half_l − offset` with `half_l = (L−1)(1+eps)/2`
 *   (lucidrains `FSQ`, Cosmos `FSQuantizer`).
 * - `tan`: the same with `half_l = (L−1)(1−eps)/2` and `shift = tan(offset / half_l)`, as the FSQ
 *   paper's published code (google-research `fsq`) writes it.
 * - `hard-clamp`: `clamp(z + offset / half_l, −1, 1) · half_l − offset` (lucidrains `bound_hard_clamp`).
 */
export type FsqBound = 'tanh' | 'tan' | 'hard-clamp';

/** Settings of an {@link FsqGrid}. */
export interface FsqGridOptions {
  /** Levels per channel, each ≥ 2. */
  readonly levels: readonly number[];
  readonly bound: FsqBound;
  /**
   * The symmetry-preserving quantizer (lucidrains `preserve_symmetry`): `floor((L−1)(t+1)/2 + 0.5)`
   * with `t = tanh(z)` (or `clamp(z, −1, 1)` for `hard-clamp`), codes `2·level/(L−1) − 1`.
   */
  readonly preserveSymmetry: boolean;
  /** The bound's margin `eps` (references: 1e-3). Ignored by the symmetric quantizer. */
  readonly eps: number;
}

/**
 * The implicit FSQ codebook of one group of channels: per-channel scalar quantization in the
 * reference's float32 arithmetic, and the mixed-radix index with channel 0 least significant.
 */
export interface FsqGrid {
  readonly levels: readonly number[];
  /** `cumprod([1, L_0, …, L_{D−2}])`: the weight of each channel's level in the index. */
  readonly basis: readonly number[];
  /** `Π L_d`. */
  readonly codebookSize: number;
  /**
   * The level in `[0, L_d − 1]` that `value` falls on in channel `channel`. For float32 values this
   * looks the level up in per-channel thresholds (no `tanh` on the hot path); the result is the
   * reference's arithmetic evaluated at `value`, as {@link FsqGrid.exactLevel} computes it.
   */
  level(channel: number, value: number): number;
  /** The level by evaluating the reference's float32 arithmetic directly (bound, scale, rounding). */
  exactLevel(channel: number, value: number): number;
  /** The index of the float32 vector `values[offset .. offset + D)` (the hot path of encoding). */
  indexOf(values: Float32Array, offset: number): number;
  /** The float32 code value (in [−1, 1]) of a level of channel `channel`. */
  code(channel: number, level: number): number;
}

const f32 = Math.fround;

/** Builds the grid of {@link FsqGridOptions}: all float32 constants are computed once, as torch rounds them. */
export function createFsqGrid(options: FsqGridOptions): FsqGrid {
  const { levels, bound, preserveSymmetry, eps } = options;
  const size = levels.length;
  const halfWidth = new Float64Array(size);
  const halfL = new Float64Array(size);
  const offset = new Float64Array(size);
  const shift = new Float64Array(size);
  const symmetricStep = new Float64Array(size);
  const basis: number[] = [];
  let codebookSize = 1;
  for (let d = 0; d < size; d++) {
    const l = levels[d]!;
    basis.push(codebookSize);
    codebookSize *= l;
    halfWidth[d] = Math.floor(l / 2);
    offset[d] = l % 2 === 0 ? 0.5 : 0;
    // torch rounds the Python scalar 1 + eps to float32 before multiplying; the paper's numpy code
    // works in double and rounds once when jax takes the array.
    halfL[d] = bound === 'tan' ? f32(((l - 1) * (1 - eps)) / 2) : f32(f32(f32(l - 1) * f32(1 + eps)) / 2);
    const ratio = f32(offset[d]! / halfL[d]!);
    shift[d] = bound === 'tanh' ? f32(Math.atanh(ratio)) : bound === 'tan' ? f32(Math.tan(ratio)) : ratio;
    symmetricStep[d] = f32(2 / (l - 1));
  }
  const hardClamp = bound === 'hard-clamp';
  const squash = (z: number): number => (hardClamp ? Math.min(Math.max(z, -1), 1) : f32(Math.tanh(z)));

  const level = preserveSymmetry
    ? (d: number, value: number): number => {
        const bracket = f32(f32(f32((levels[d]! - 1) * f32(squash(value) + 1)) / 2) + 0.5);
        return Math.floor(bracket);
      }
    : (d: number, value: number): number => {
        const bounded = f32(f32(squash(f32(value + shift[d]!)) * halfL[d]!) - offset[d]!);
        const hw = halfWidth[d]!;
        // The (1+eps) margin stays below half a step for L ≤ 1001; clamp so larger L cannot leave the grid.
        return Math.min(Math.max(roundHalfEven(bounded) + hw, 0), levels[d]! - 1);
      };
  const thresholds = levelThresholds(levels, level);
  const fastLevel = (d: number, value: number): number => {
    // Values that are not float32 (and NaN) take the direct path: thresholds are float32 values.
    if (f32(value) !== value) return level(d, value);
    const first = thresholds.start[d]!;
    const end = thresholds.start[d + 1]!;
    let i = first;
    while (i < end && value >= thresholds.values[i]!) i++;
    return thresholds.lowest[d]! + (i - first);
  };
  const { values: bounds, start, lowest } = thresholds;
  const indexOf = (values: Float32Array, offset: number): number => {
    let index = 0;
    for (let d = 0; d < size; d++) {
      const value = values[offset + d]!;
      let level = lowest[d]!;
      // Thresholds ascend: the level is the lowest one plus the count of thresholds ≤ value.
      for (let i = start[d]!, end = start[d + 1]!; i < end; i++) level += value >= bounds[i]! ? 1 : 0;
      index += level * basis[d]!;
    }
    return index;
  };
  const code = preserveSymmetry
    ? (d: number, l: number): number => f32(f32(symmetricStep[d]! * l) - 1)
    : (d: number, l: number): number => f32((l - halfWidth[d]!) / halfWidth[d]!);
  return { levels: [...levels], basis, codebookSize, level: fastLevel, exactLevel: level, indexOf, code };
}

/** The index of the vector `values[offset .. offset + D)`: `Σ level_d · basis_d`. */
export function fsqIndex(grid: FsqGrid, values: Float32Array | Float64Array, offset: number): number {
  let index = 0;
  for (let d = 0; d < grid.levels.length; d++) index += grid.level(d, values[offset + d]!) * grid.basis[d]!;
  return index;
}

/** The level of channel `channel` in `index`: `⌊index / basis_d⌋ mod L_d`, exact for every index below 2^53. */
export function fsqLevelOf(grid: FsqGrid, index: number, channel: number): number {
  const b = grid.basis[channel]!;
  return ((index - (index % b)) / b) % grid.levels[channel]!;
}

/** Writes the codes of `index` into `out[offset .. offset + D)`. */
export function fsqCodes(grid: FsqGrid, index: number, out: Float32Array, offset: number): void {
  for (let d = 0; d < grid.levels.length; d++) out[offset + d] = grid.code(d, fsqLevelOf(grid, index, d));
}

/** Per-channel level thresholds: channel d reaches `lowest[d] + j + 1` from `values[start[d] + j]` on. */
interface LevelThresholds {
  readonly values: Float64Array;
  readonly start: Int32Array;
  readonly lowest: Int32Array;
}

const f32Bits = new Float32Array(1);
const intBits = new Int32Array(f32Bits.buffer);

/** A float32 as an integer key that orders like the float (−0 just below +0). */
function orderKey(value: number): number {
  f32Bits[0] = value;
  const bits = intBits[0]!;
  return bits >= 0 ? bits : bits ^ 0x7fffffff;
}

function fromOrderKey(key: number): number {
  intBits[0] = key >= 0 ? key : key ^ 0x7fffffff;
  return f32Bits[0]!;
}

/**
 * Finds, for every channel and level k above the lowest reachable one, the smallest float32 input
 * whose level is ≥ k, by bisection over the float32 values in order. Every step of the reference
 * arithmetic (add, tanh or clamp, multiply, subtract, round half to even, floor) is monotone
 * non-decreasing, so a float32 input lies on level k exactly when it is ≥ the k-th threshold and
 * below the next: the lookup gives the reference's level without evaluating it.
 */
function levelThresholds(levels: readonly number[], level: (d: number, value: number) => number): LevelThresholds {
  const maxFloat = 3.4028234663852886e38;
  const start = new Int32Array(levels.length + 1);
  const lowest = new Int32Array(levels.length);
  const values: number[] = [];
  for (let d = 0; d < levels.length; d++) {
    start[d] = values.length;
    const low = level(d, -maxFloat);
    const high = level(d, maxFloat);
    lowest[d] = low;
    for (let k = low + 1; k <= high; k++) {
      let lo = orderKey(-maxFloat); // level(lo) < k
      let hi = orderKey(maxFloat); // level(hi) >= k
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (level(d, fromOrderKey(mid)) >= k) hi = mid;
        else lo = mid;
      }
      values.push(fromOrderKey(hi));
    }
  }
  start[levels.length] = values.length;
  return { values: Float64Array.from(values), start, lowest };
}
