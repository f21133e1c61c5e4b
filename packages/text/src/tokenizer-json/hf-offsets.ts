import { UnsupportedError } from '@jointok/core';
import type { TokenOffsets } from '../encoding/index.js';
import type { AddedTokenSplitter } from './added-tokens.js';
import type { AlignedNormalizer } from './aligned-normalizers.js';
import { alignedIdentity, type AlignedText } from './aligned-text.js';
import type { BpeModel } from './bpe-model.js';
import type { Normalizer } from './normalizers.js';
import { PieceLocator } from './piece-locator.js';
import type { PostProcessor } from './post-processors.js';
import type { PreTokenizerChain } from './pre-tokenizers.js';

/** What {@link encodeWithOffsets} needs of a tokenizer. */
export interface OffsetStages {
  normalizer: Normalizer | null;
  alignedNormalizer: AlignedNormalizer | null;
  preTokenizer: PreTokenizerChain;
  model: BpeModel;
  postProcessor: PostProcessor | null;
  rawSplitter: AddedTokenSplitter;
  normalizedSplitter: AddedTokenSplitter;
}

/** UTF-16 index → UTF-8 offset, for every index of `text` (and its end). */
function utf8Offsets(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = bytes;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) (bytes += 4), (out[++i] = bytes - 2);
    else bytes += 3;
  }
  out[text.length] = bytes;
  return out;
}

/**
 * Ids and, per token, the span of the original text it came from, as Hugging Face's `offsets`:
 * through normalizers that change the text's length, a token covers the original characters its
 * normalized characters came from; a token holding part of a character's bytes covers that character;
 * tokens the post-processor adds cover nothing (`[0, 0)`).
 */
export function encodeWithOffsets(stages: OffsetStages, text: string, addSpecialTokens: boolean): TokenOffsets {
  const { normalizer, alignedNormalizer, preTokenizer, model, postProcessor } = stages;
  const source = text.isWellFormed() ? text : text.toWellFormed();
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lengths: number[] = [];
  let first = true;
  for (const segment of stages.rawSplitter.split(source)) {
    if ('id' in segment) {
      ids.push(segment.id), starts.push(segment.start), ends.push(segment.end);
      first = false;
      continue;
    }
    const raw = alignedIdentity(segment.text, segment.start);
    let normalized: AlignedText = alignedNormalizer === null ? raw : alignedNormalizer(raw);
    const expected = normalizer === null ? segment.text : normalizer(segment.text);
    // The aligned twin must give exactly the normalizer's text; a difference is a bug to report, never to
    // paper over with approximate offsets.
    if (normalized.text !== expected) {
      throw new UnsupportedError({ feature: `offsets through this normalizer for ${JSON.stringify(segment.text.slice(0, 40))}`, message: `encodeWithOffsets: the aligned normalizer gives ${JSON.stringify(normalized.text.slice(0, 40))} where the normalizer gives ${JSON.stringify(expected.slice(0, 40))}; this is a jointok bug, please report it with the text. encode() is not affected.` });
    }
    for (const part of stages.normalizedSplitter.split(normalized.text)) {
      if ('id' in part) {
        ids.push(part.id), starts.push(normalized.start[part.start] as number), ends.push(normalized.end[part.end - 1] as number);
        first = false;
        continue;
      }
      const partText: AlignedText = { text: part.text, start: normalized.start.slice(part.start, part.start + part.text.length), end: normalized.end.slice(part.start, part.start + part.text.length) };
      const locator = new PieceLocator(partText, preTokenizer.prefixes, preTokenizer.spaceReplacement);
      for (const piece of preTokenizer.split(part.text, first)) {
        const spans = locator.locate(piece);
        if (spans === null) throw new UnsupportedError({ feature: `offsets for the pre-tokenizer piece ${JSON.stringify(piece.slice(0, 40))} (not found in the normalized text)` });
        const from = ids.length;
        model.encodeWord(piece, ids);
        lengths.length = 0;
        model.tokenByteLengths(piece, ids, from, lengths);
        const unitAtByte = utf8Offsets(piece);
        let unit = 0;
        let byte = 0;
        for (const length of lengths) {
          // First unit holding byte `byte`, last unit holding byte `byte + length - 1`.
          while (unit + 1 < piece.length && (unitAtByte[unit + 1] as number) <= byte) unit++;
          let last = unit;
          while (last + 1 < piece.length && (unitAtByte[last + 1] as number) <= byte + length - 1) last++;
          starts.push(spans.start[unit] as number);
          ends.push(spans.end[last] as number);
          byte += length;
        }
      }
      first = false;
    }
  }
  let before = 0;
  let all = ids;
  if (addSpecialTokens && postProcessor !== null) {
    all = postProcessor(ids);
    // Where the template puts the sequence: found with a sentinel, not by searching for the ids (text
    // that is only '<s>' holds the BOS id itself, and the template's BOS comes first).
    before = postProcessor([-1]).indexOf(-1);
    if (before < 0) {
      before = 0;
      while (before + ids.length <= all.length && ids.some((id, i) => all[before + i] !== id)) before++;
    }
  }
  const toBytes = utf8Offsets(source);
  const result = { ids: all, byteStart: new Uint32Array(all.length), byteEnd: new Uint32Array(all.length), charStart: new Uint32Array(all.length), charEnd: new Uint32Array(all.length) };
  for (let i = 0; i < ids.length; i++) {
    result.charStart[before + i] = starts[i] as number;
    result.charEnd[before + i] = ends[i] as number;
    result.byteStart[before + i] = toBytes[starts[i] as number] as number;
    result.byteEnd[before + i] = toBytes[ends[i] as number] as number;
  }
  return result;
}
