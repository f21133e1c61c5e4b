import { InvalidSpecError } from '@jointok/core';
import { array, string } from './spec.js';

/**
 * Reads a BPE model's `merges` (`"left right"` strings, or `[left, right]` pairs in newer files) and
 * calls `onMerge(left, right, merged, index)` with the ids of each, in list order.
 *
 * @throws InvalidSpecError naming `<path>.merges[i]` for a malformed merge or one whose tokens (or their
 *   concatenation) the vocabulary lacks
 */
export function readMerges(merges: unknown, vocab: ReadonlyMap<string, number>, path: string, onMerge: (left: number, right: number, merged: number, index: number) => void): void {
  array(merges, `${path}.merges`).forEach((merge, i) => {
    const at = `${path}.merges[${i}]`;
    let left: string;
    let right: string;
    if (typeof merge === 'string') {
      // Searching from index 1: a left token that is itself a space keeps it ("  x" is " " + "x").
      const space = merge.indexOf(' ', 1);
      if (space < 0) throw new InvalidSpecError({ path: at, expected: '"left right"', received: merge });
      left = merge.slice(0, space);
      right = merge.slice(space + 1);
    } else {
      const pair = array(merge, at);
      left = string(pair[0], `${at}[0]`);
      right = string(pair[1], `${at}[1]`);
    }
    const a = vocab.get(left);
    const b = vocab.get(right);
    const merged = vocab.get(left + right);
    if (a === undefined || b === undefined || merged === undefined) throw new InvalidSpecError({ path: at, expected: 'a merge of two vocabulary tokens into a vocabulary token', received: merge });
    onMerge(a, b, merged, i);
  });
}
