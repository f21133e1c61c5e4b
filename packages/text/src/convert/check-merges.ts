import { bytePairEncode } from '../bpe/index.js';
import { LossyConversionError } from '../errors/index.js';
import { mergeWord } from '../tokenizer-json/merge-word.js';
import { PairTable } from '../tokenizer-json/pair-table.js';
import { IdBuffer, type RankTable } from '../vocabulary/index.js';

const lossy = (component: string, reason: string): LossyConversionError => new LossyConversionError({ component, reason, target: 'tiktoken' });

/**
 * Throws when Hugging Face's merges (applied by list position) and tiktoken's rule (merge the adjacent
 * pair whose concatenation has the lowest rank, leftmost first, after a whole-piece lookup) are seen
 * to encode differently, ranks being ids:
 * 1. the merges must yield non-decreasing ids, so list order is rank order;
 * 2. on the bytes of every vocabulary token, both rules are replayed and must agree — with
 *    `ignore_merges`, merging as tiktoken does without its whole-piece lookup; without it, Hugging
 *    Face must rebuild the token itself, as tiktoken's lookup does.
 * Check 2 covers every merge path that builds a token; files converted from tiktoken carry merge
 * lists of either style (all splits, or one per token) and pass.
 *
 * @param merges `[left, right, merged]` ids per line of `model.merges`
 * @param skip ids of added tokens: their text is split off before BPE, in both libraries
 */
export function checkMerges(table: RankTable, merges: Int32Array, ignoreMerges: boolean, skip: ReadonlySet<number>, show: (id: number) => string): void {
  const count = merges.length / 3;
  for (let i = 1; i < count; i++) {
    const t = merges[3 * i + 2] as number;
    if (t < (merges[3 * i - 1] as number)) throw lossy(`model.merges[${i}]`, `yields id ${t} (${show(t)}) after a merge that yields id ${merges[3 * i - 1]}; tiktoken applies merges in id order`);
  }
  const pairs = new PairTable(merges);
  const { bytes, offsets } = table;
  let symbols = new Int32Array(64);
  const oursBuffer = new IdBuffer();
  const theirsBuffer = new IdBuffer();
  for (let t = 0; t < table.size; t++) {
    const start = offsets[t] as number;
    const length = (offsets[t + 1] as number) - start;
    if (length < 2 || skip.has(t)) continue;
    if (symbols.length < length) symbols = new Int32Array(length * 2);
    for (let i = 0; i < length; i++) symbols[i] = table.byteRanks[bytes[start + i] as number] as number;
    oursBuffer.length = 0;
    mergeWord(pairs, symbols, length, oursBuffer);
    const ours = oursBuffer.toArray();
    let theirs = [t];
    if (ignoreMerges) {
      theirsBuffer.length = 0;
      bytePairEncode(table, bytes.subarray(start, start + length), length, theirsBuffer);
      theirs = theirsBuffer.toArray();
    }
    if (ours.length !== theirs.length || ours.some((id, i) => id !== theirs[i])) {
      throw lossy(
        ignoreMerges ? 'model.merges' : 'model.ignore_merges',
        `${ignoreMerges ? '' : 'is false and '}the merges turn the bytes of ${show(t)} into [${ours.map(show).join(', ')}] where tiktoken gives [${theirs.map(show).join(', ')}]`,
      );
    }
  }
}
