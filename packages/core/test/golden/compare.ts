import type { Tensor } from '../../src/tensor/tensor.js';
import { floatTensor, intValues, type TensorRecord } from './golden-case.js';

/** Result of comparing one tensor; `problems` empty means it matched. */
export interface Comparison {
  problems: string[];
  /** Positions that differed but were flagged fragile (allowed, reported). */
  fragileDiffs: number;
}

/** Masks of index positions (flat, in index layout): fragile may differ, skipped are ignored. */
export interface IndexMasks {
  /** Deterministic ties: must match even where also flagged fragile. */
  tie?: readonly number[];
  fragile?: readonly number[];
  skip?: readonly number[];
}

function sameShape(got: readonly number[], want: readonly number[]): boolean {
  return got.length === want.length && got.every((d, i) => d === want[i]);
}

/** Exact integer comparison, except at fragile positions (counted) and skipped ones. */
export function compareIntegers(got: Tensor, want: TensorRecord, masks: IndexMasks = {}): Comparison {
  const problems: string[] = [];
  if (!sameShape(got.dims, want.shape)) return { problems: [`shape [${got.dims.join(', ')}] ≠ reference [${want.shape.join(', ')}]`], fragileDiffs: 0 };
  const expected = intValues(want);
  let fragileDiffs = 0;
  for (let i = 0; i < expected.length; i++) {
    const value = Number(got.data[i]);
    if (value === expected[i]) continue;
    if (masks.skip?.[i]) continue;
    if (masks.fragile?.[i] && !masks.tie?.[i]) {
      fragileDiffs++;
      continue;
    }
    if (problems.length < 5) problems.push(`[${i}] = ${value}, reference ${expected[i]}`);
    else if (problems.length === 5) problems.push('...');
  }
  return { problems, fragileDiffs };
}

/** Float comparison with the README's tolerance `|got − want| ≤ 1e-5·(1+|want|)`; shapes must match. */
export function compareFloats(got: Tensor, want: TensorRecord, tolerance = 1e-5): Comparison {
  if (!sameShape(got.dims, want.shape)) return { problems: [`shape [${got.dims.join(', ')}] ≠ reference [${want.shape.join(', ')}]`], fragileDiffs: 0 };
  if (!(got.data instanceof Float32Array)) return { problems: [`type ${got.type}, reference float32`], fragileDiffs: 0 };
  const expected = floatTensor(want).data;
  const problems: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const g = got.data[i]!;
    const w = expected[i]!;
    if (Math.abs(g - w) <= tolerance * (1 + Math.abs(w)) || (Number.isNaN(g) && Number.isNaN(w))) continue;
    if (problems.length < 5) problems.push(`[${i}] = ${g}, reference ${w}`);
    else if (problems.length === 5) problems.push('...');
  }
  return { problems, fragileDiffs: 0 };
}
