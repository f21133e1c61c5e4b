import { roundHalfEven } from '../math/round-half-even.js';
import type { CodeArray } from '../quantizer.js';
import { createFsqLevelTable, encodeWithLevelTable } from './fsq-level-table.js';
import { findLevelThresholds, float32OrderKey } from './fsq-level-thresholds.js';

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
   * looks the level up among per-channel thresholds (bucket table, or bisection for very many
   * levels; no `tanh`); the result is the reference's arithmetic evaluated at `value`, as
   * {@link FsqGrid.exactLevel} computes it.
   */
  level(channel: number, value: number): number;
  /** The level by evaluating the reference's float32 arithmetic directly (bound, scale, rounding). */
  exactLevel(channel: number, value: number): number;
  /** The index of the float32 vector `values[offset .. offset + D)`, by counting thresholds. */
  indexOf(values: Float32Array, offset: number): number;
  /**
   * Writes `indexOf(values, i·D)` into `out[i]` for the `groups` vectors of `values`: the hot path
   * of encoding (a bucket table over the float32 bits, see `FsqLevelTable`, with the NaN/±Infinity
   * check in the same pass). Returns false when `values` holds NaN or ±Infinity.
   */
  encodeIndices(values: Float32Array, groups: number, out: CodeArray): boolean;
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
  const thresholds = findLevelThresholds(levels, level);
  const { values: bounds, start, lowest } = thresholds;
  const table = createFsqLevelTable(thresholds);
  const wide = codebookSize > 2 ** 31;
  const basisInt = Int32Array.from(wide ? [] : basis);
  // Thresholds ascend: a value's level is the lowest one plus the count of thresholds ≤ value
  // (found by bisection; NaN compares false everywhere and lands on the lowest level).
  const countLevel = (d: number, value: number): number => {
    const first = start[d]!;
    let lo = first;
    let hi = start[d + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (value >= bounds[mid]!) lo = mid + 1;
      else hi = mid;
    }
    return lowest[d]! + (lo - first);
  };
  const fastLevel = (d: number, value: number): number => {
    // Values that are not float32 (and NaN) take the direct path: thresholds are float32 values.
    if (f32(value) !== value) return level(d, value);
    if (table === undefined) return countLevel(d, value);
    const key = float32OrderKey(value);
    const u = (key >>> table.shift) + table.offsets[d]!;
    return table.above[u]! + ((key - table.split[u]!) >> 31);
  };
  const indexOf = (values: Float32Array, offset: number): number => {
    let index = 0;
    for (let d = 0; d < size; d++) index += countLevel(d, values[offset + d]!) * basis[d]!;
    return index;
  };
  const encodeIndices = (values: Float32Array, groups: number, out: CodeArray): boolean => {
    if (table !== undefined && out instanceof Int32Array) {
      const bits = new Int32Array(values.buffer, values.byteOffset, values.length);
      if (encodeWithLevelTable(table, basisInt, bits, groups, out)) return true;
    }
    // No table (very many levels), indices past 2^31, or NaN/±Infinity somewhere: the threshold count.
    let finite = true;
    for (let i = 0; i < groups; i++) out[i] = indexOf(values, i * size);
    for (let i = 0; i < groups * size && finite; i++) finite = values[i]! - values[i]! === 0;
    return finite;
  };
  const code = preserveSymmetry
    ? (d: number, l: number): number => f32(f32(symmetricStep[d]! * l) - 1)
    : (d: number, l: number): number => f32((l - halfWidth[d]!) / halfWidth[d]!);
  return { levels: [...levels], basis, codebookSize, level: fastLevel, exactLevel: level, indexOf, encodeIndices, code };
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
