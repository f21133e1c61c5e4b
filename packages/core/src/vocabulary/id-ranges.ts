/**
 * A compact set of ids: sorted, disjoint, non-adjacent half-open ranges `[lo, hi)` stored flat in an
 * `Int32Array` (`bounds[2k]`, `bounds[2k+1]`). `allowedNext()` returns one, so constrained generation
 * can mask logits without allocating an array per vocabulary entry.
 */
export class IdRanges {
  /** Flat `[lo0, hi0, lo1, hi1, ...]`. */
  readonly bounds: Int32Array;

  constructor(bounds: Int32Array) {
    this.bounds = bounds;
  }

  /** The empty set. */
  static readonly empty = new IdRanges(new Int32Array(0));

  /** Builds a normalised set from possibly overlapping, unsorted ranges `[lo, hi)`. */
  static fromRanges(ranges: readonly (readonly [number, number])[]): IdRanges {
    const sorted = ranges.filter(([lo, hi]) => hi > lo).sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [lo, hi] of sorted) {
      const last = out.length - 1;
      if (last > 0 && lo <= (out[last] as number)) out[last] = Math.max(out[last] as number, hi);
      else out.push(lo, hi);
    }
    return new IdRanges(Int32Array.from(out));
  }

  /** The union of several sets. */
  static union(sets: readonly IdRanges[]): IdRanges {
    const ranges: [number, number][] = [];
    for (const set of sets) for (let k = 0; k < set.bounds.length; k += 2) ranges.push([set.bounds[k] as number, set.bounds[k + 1] as number]);
    return IdRanges.fromRanges(ranges);
  }

  /** True when `id` is in the set (binary search over the ranges). */
  has(id: number): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = b.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (id < (b[2 * mid] as number)) hi = mid;
      else if (id >= (b[2 * mid + 1] as number)) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Number of ids in the set. */
  get size(): number {
    let total = 0;
    for (let k = 0; k < this.bounds.length; k += 2) total += (this.bounds[k + 1] as number) - (this.bounds[k] as number);
    return total;
  }

  /** The ranges as `[lo, hi)` pairs. */
  toArray(): [number, number][] {
    const out: [number, number][] = [];
    for (let k = 0; k < this.bounds.length; k += 2) out.push([this.bounds[k] as number, this.bounds[k + 1] as number]);
    return out;
  }
}
