import type { CharIds } from './char-ids.js';

/**
 * Places where a character-level BPE word can be cut into pieces that merge to the same ids as the whole
 * word: before each `unit` that follows a character other than `unit` and outside `unsafeBefore`.
 *
 * Why this holds: a merge joins two adjacent symbols, so it crosses a cut only if some merge `(a, b)`
 * has `b` starting with `unit` and `a` ending in the character before the cut. If no merge can ever
 * cross a cut, the merges on either side never see each other's symbols and happen in the same order
 * relative to their own side, so the word's ids are the pieces' ids concatenated. SentencePiece-style
 * vocabularies (Llama 2, Gemma) put their space mark `▁` at the start of tokens, so a document that a
 * tokenizer.json hands to the model as one word (no pre-tokenizer) becomes its words again — each merged
 * once and then memoized, instead of one quadratic-sized merge over the whole text.
 */
export interface WordCuts {
  /** The UTF-16 unit pieces start with. */
  unit: number;
  /** Flags by UTF-16 unit: a cut is not allowed after this unit (some merge would cross it). */
  unsafeBefore: Uint8Array;
}

/**
 * The cuts a character-level model allows, or null when none can be proven safe. The cut character is
 * the one most multi-character tokens start with (SentencePiece's `▁`).
 *
 * @param slots how many ids there are (one past the largest)
 * @param tokenAt id → token string, or undefined where an id has none
 * @param merges `[left, right, merged]` ids per merge
 * @param charIds the single-character tokens
 * @param isByteOrUnknown whether an id is a `<0xNN>` byte token or the unknown token (which stand for
 *   characters outside the vocabulary, so their strings do not say which character they end with)
 */
export function findWordCuts(slots: number, tokenAt: (id: number) => string | undefined, merges: Int32Array, charIds: CharIds, isByteOrUnknown: (id: number) => boolean): WordCuts | null {
  const starts = new Map<number, number>();
  for (let id = 0; id < slots; id++) {
    const token = tokenAt(id);
    if (token === undefined || token.length < 2) continue;
    const unit = token.charCodeAt(0);
    starts.set(unit, (starts.get(unit) ?? 0) + 1);
  }
  let unit = -1;
  let most = 0;
  for (const [candidate, count] of starts) if (count > most) (unit = candidate), (most = count);
  // The cut character must be a token of its own: then it is never a byte token or the unknown token,
  // and a piece's first symbol is it or a token starting with it.
  if (unit < 0 || (unit >= 0xd800 && unit < 0xe000) || charIds.get(unit) < 0) return null;
  const unsafeBefore = new Uint8Array(0x10000);
  for (let i = 0; i < merges.length; i += 3) {
    const right = tokenAt(merges[i + 1] as number);
    if (right === undefined || right.charCodeAt(0) !== unit || isByteOrUnknown(merges[i + 1] as number)) continue;
    const leftId = merges[i] as number;
    const left = tokenAt(leftId);
    if (left === undefined || isByteOrUnknown(leftId)) return null;
    const last = left.charCodeAt(left.length - 1);
    if (last !== unit) unsafeBefore[last] = 1;
  }
  return { unit, unsafeBefore };
}
