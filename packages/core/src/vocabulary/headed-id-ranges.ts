import type { HeadTable } from './compile/head-table.js';
import { IdRanges } from './id-ranges.js';

/**
 * The ids that may come next, per output head, for a layout that mixes text with head spaces:
 * `byHead[0]` holds text-head ids, `byHead[k]` ids of the head of `spaces[k - 1]` (empty where that
 * head may not come). As an `IdRanges` it is the union over heads, so `has(id)` answers "on some
 * head" and code written for one head keeps working; `has(id, head)` asks one head.
 */
export class HeadedIdRanges extends IdRanges {
  readonly byHead: readonly IdRanges[];

  constructor(byHead: readonly IdRanges[]) {
    super(IdRanges.union(byHead).bounds);
    this.byHead = byHead;
  }

  /** Splits internal ids (heads laid above the real ids) into the ids of each head. */
  static fromInternal(table: HeadTable, internal: IdRanges): HeadedIdRanges {
    const perHead: [number, number][][] = Array.from({ length: table.count }, () => []);
    const b = internal.bounds;
    for (let r = 0; r < b.length; r += 2) {
      const lo = b[r] as number;
      const hi = b[r + 1] as number;
      for (let k = 0; k < table.count; k++) {
        const start = table.shift[k] as number;
        const from = Math.max(lo, start);
        const to = Math.min(hi, start + (table.size[k] as number));
        if (from < to) (perHead[k] as [number, number][]).push([from - start, to - start]);
      }
    }
    return new HeadedIdRanges(perHead.map((ranges) => IdRanges.fromRanges(ranges)));
  }

  /** Whether `id` may come next: from `head` when given, else from any head. */
  override has(id: number, head?: number): boolean {
    if (head === undefined) return super.has(id);
    return this.byHead[head]?.has(id) ?? false;
  }

  /** The heads that may emit the next id, ascending. */
  get heads(): number[] {
    const out: number[] = [];
    this.byHead.forEach((set, k) => set.bounds.length > 0 && out.push(k));
    return out;
  }
}
