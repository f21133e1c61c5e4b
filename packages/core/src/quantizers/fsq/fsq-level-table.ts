import type { FsqLevelThresholds } from './fsq-level-thresholds.js';

/**
 * A bucket table that gives an FSQ channel's level from a float32's bits with one lookup and one
 * comparison: the hot path of FSQ encoding (no `tanh`, no branch that depends on the data).
 *
 * A float32's order key (its bits with the magnitude bits flipped when negative, so that int32
 * order is float order) is cut into buckets by its top `32 − shift` bits: the sign, the exponent and
 * a few mantissa bits. Every bucket is a contiguous range of keys, and the table size is chosen so
 * that no bucket holds more than one threshold. For a key k in bucket u the level is then
 * `above[u] − (k < split[u] ? 1 : 0)`: `split[u]` is the bucket's threshold (or its first key when it
 * holds none), `above[u]` the level from that key on. Thresholds below the bucket are all ≤ k and
 * those above it all > k, so this is the threshold count, exactly.
 */
export interface FsqLevelTable {
  /** A key's bucket is `key >>> shift` (plus its channel's offset). */
  readonly shift: number;
  /** Per channel, where its buckets start in `above` and `split`; channels with equal thresholds share them. */
  readonly offsets: Int32Array;
  /** Per bucket, the level of the keys at and above `split`. */
  readonly above: Int32Array;
  /** Per bucket, the key where the level steps up (the bucket's first key when it holds no threshold). */
  readonly split: Int32Array;
}

/** Table sizes tried, in key bits: sign and exponent (9 bits) plus 0 to 7 mantissa bits. */
const MIN_TABLE_BITS = 9;
const MAX_TABLE_BITS = 16;

/**
 * Builds the smallest {@link FsqLevelTable} (9 to 16 key bits) in which no bucket holds two
 * thresholds of a channel; `undefined` when even 16 bits do not separate them (thresholds closer
 * than 1/128 of their magnitude, which happens from a few hundred levels on).
 */
export function createFsqLevelTable(thresholds: FsqLevelThresholds): FsqLevelTable | undefined {
  for (let bits = MIN_TABLE_BITS; bits <= MAX_TABLE_BITS; bits++) {
    const table = buildTable(thresholds, bits);
    if (table !== undefined) return table;
  }
  return undefined;
}

function buildTable(thresholds: FsqLevelThresholds, bits: number): FsqLevelTable | undefined {
  const { keys, start, lowest } = thresholds;
  const shift = 32 - bits;
  const size = 1 << bits;
  const channels = lowest.length;
  const offsets = new Int32Array(channels);
  // Channels with the same levels have the same thresholds: give them one block of the table.
  const owners: number[] = [];
  for (let d = 0; d < channels; d++) {
    const owner = owners.find((e) => sameThresholds(thresholds, e, d));
    if (owner !== undefined) {
      offsets[d] = offsets[owner]!;
      continue;
    }
    for (let j = start[d]! + 1; j < start[d + 1]!; j++) if (keys[j]! >>> shift === keys[j - 1]! >>> shift) return undefined;
    offsets[d] = owners.length * size;
    owners.push(d);
  }
  const above = new Int32Array(owners.length * size);
  const split = new Int32Array(owners.length * size);
  for (const d of owners) {
    const base = offsets[d]!;
    let level = lowest[d]!;
    let j = start[d]!;
    const end = start[d + 1]!;
    // Visit the buckets in key order: negative keys (top bit set) first.
    for (let i = 0; i < size; i++) {
      const u = i ^ (size >> 1);
      const first = u << shift;
      if (j < end && keys[j]! >>> shift === u) {
        level++;
        split[base + u] = keys[j]!;
        j++;
      } else {
        split[base + u] = first;
      }
      above[base + u] = level;
    }
  }
  return { shift, offsets, above, split };
}

function sameThresholds(thresholds: FsqLevelThresholds, a: number, b: number): boolean {
  const { keys, start, lowest } = thresholds;
  const length = start[a + 1]! - start[a]!;
  if (lowest[a] !== lowest[b] || start[b + 1]! - start[b]! !== length) return false;
  for (let j = 0; j < length; j++) if (keys[start[a]! + j] !== keys[start[b]! + j]) return false;
  return true;
}

/**
 * Writes the FSQ index `Σ level_d · basis_d` of each of `groups` vectors of `basis.length` float32
 * values into `out`, reading the values as raw bits (`bits` is an Int32Array over the float32
 * data). Returns false when some value is NaN or ±Infinity (its index is then meaningless; the
 * caller finds the value and reports it): the check is fused into the same pass.
 */
export function encodeWithLevelTable(table: FsqLevelTable, basis: Int32Array, bits: Int32Array, groups: number, out: Int32Array): boolean {
  const { shift, offsets, above, split } = table;
  const size = basis.length;
  const size2 = 2 * size;
  const size3 = 3 * size;
  // The sign bit of (exponent bits + one exponent step) is set only for exponent 255 (NaN, ±Infinity).
  let nonFinite = 0;
  let n = 0;
  let o = 0;
  // Four vectors per step: four independent chains keep the CPU busy, and the per-channel loads
  // (offset, basis) are shared (about 1.6× the speed of one vector per step on x64).
  for (; n + 3 < groups; n += 4, o += size3) {
    let i0 = 0;
    let i1 = 0;
    let i2 = 0;
    let i3 = 0;
    for (let d = 0; d < size; d++, o++) {
      const b0 = bits[o]!;
      const b1 = bits[o + size]!;
      const b2 = bits[o + size2]!;
      const b3 = bits[o + size3]!;
      nonFinite |= ((b0 & 0x7f800000) + 0x00800000) | ((b1 & 0x7f800000) + 0x00800000) | ((b2 & 0x7f800000) + 0x00800000) | ((b3 & 0x7f800000) + 0x00800000);
      const k0 = b0 ^ ((b0 >> 31) & 0x7fffffff);
      const k1 = b1 ^ ((b1 >> 31) & 0x7fffffff);
      const k2 = b2 ^ ((b2 >> 31) & 0x7fffffff);
      const k3 = b3 ^ ((b3 >> 31) & 0x7fffffff);
      const offset = offsets[d]!;
      const weight = basis[d]!;
      const u0 = (k0 >>> shift) + offset;
      const u1 = (k1 >>> shift) + offset;
      const u2 = (k2 >>> shift) + offset;
      const u3 = (k3 >>> shift) + offset;
      // A key and its bucket's split differ by less than 2^shift: the difference's sign bit says key < split.
      i0 += (above[u0]! + ((k0 - split[u0]!) >> 31)) * weight;
      i1 += (above[u1]! + ((k1 - split[u1]!) >> 31)) * weight;
      i2 += (above[u2]! + ((k2 - split[u2]!) >> 31)) * weight;
      i3 += (above[u3]! + ((k3 - split[u3]!) >> 31)) * weight;
    }
    out[n] = i0;
    out[n + 1] = i1;
    out[n + 2] = i2;
    out[n + 3] = i3;
  }
  for (; n < groups; n++) {
    let index = 0;
    for (let d = 0; d < size; d++, o++) {
      const b = bits[o]!;
      nonFinite |= (b & 0x7f800000) + 0x00800000;
      const key = b ^ ((b >> 31) & 0x7fffffff);
      const u = (key >>> shift) + offsets[d]!;
      index += (above[u]! + ((key - split[u]!) >> 31)) * basis[d]!;
    }
    out[n] = index;
  }
  return nonFinite >= 0;
}
