import { IdRanges } from '../id-ranges.js';

/**
 * How one space turns (slot, code) into an id and back. Offset and head spaces use `base[slot] + code`;
 * table spaces (one slot) use the two lookup arrays. Kept as plain typed arrays so hot loops inline.
 */
export interface CodeMap {
  readonly slots: number;
  readonly codebookSize: number;
  /** First id of each slot (offset/head spaces). */
  readonly base: Int32Array;
  /** Table spaces: code of `id - tableMin`, or -1; null for offset/head spaces. */
  readonly codeOfId: Int32Array | null;
  readonly tableMin: number;
  /** Table spaces: id of each code. */
  readonly idOfCode: Int32Array | null;
  /** The ids each slot may hold. */
  readonly slotRanges: readonly IdRanges[];
  /** All ids of the space. */
  readonly allRanges: IdRanges;
}

/** The code `id` stands for in `slot`, or -1 when it is not one of the slot's ids. */
export function codeOf(map: CodeMap, slot: number, id: number): number {
  const table = map.codeOfId;
  if (table !== null) {
    const k = id - map.tableMin;
    return k >= 0 && k < table.length ? (table[k] as number) : -1;
  }
  const code = id - (map.base[slot] as number);
  return code >= 0 && code < map.codebookSize ? code : -1;
}

/** The id of `code` in `slot` (the code must be in range). */
export function idOf(map: CodeMap, slot: number, code: number): number {
  const table = map.idOfCode;
  return table !== null ? (table[code] as number) : (map.base[slot] as number) + code;
}

/** An offset (or head) code map: slot s starts at `first + s * stride`. */
export function offsetCodeMap(first: number, slots: number, stride: number, codebookSize: number): CodeMap {
  const base = new Int32Array(slots);
  const slotRanges: IdRanges[] = [];
  for (let s = 0; s < slots; s++) {
    base[s] = first + s * stride;
    slotRanges.push(IdRanges.fromRanges([[first + s * stride, first + s * stride + codebookSize]]));
  }
  return { slots, codebookSize, base, codeOfId: null, tableMin: 0, idOfCode: null, slotRanges, allRanges: IdRanges.union(slotRanges) };
}

/** A table code map from `idOfCode` (one slot). */
export function tableCodeMap(idOfCode: Int32Array): CodeMap {
  let min = Number.POSITIVE_INFINITY;
  let max = -1;
  for (const id of idOfCode) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const codeOfId = new Int32Array(max - min + 1).fill(-1);
  const ranges: [number, number][] = [];
  idOfCode.forEach((id, code) => {
    codeOfId[id - min] = code;
    ranges.push([id, id + 1]);
  });
  const all = IdRanges.fromRanges(ranges);
  return { slots: 1, codebookSize: idOfCode.length, base: new Int32Array(1), codeOfId, tableMin: min, idOfCode, slotRanges: [all], allRanges: all };
}
