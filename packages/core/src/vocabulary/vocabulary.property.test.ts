import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TokenBlock } from '../modality/token-block.js';
import { toyArtifacts, toyHeadLayout, toyLayout, toyMixedHeadLayout } from './__fixtures__/toy-layouts.js';
import { createJointVocabulary, type JointVocabulary } from './joint-vocabulary.js';
import type { ParserEvent } from './parser/parser-types.js';

const toy = createJointVocabulary(toyLayout, toyArtifacts);
const head = createJointVocabulary(toyHeadLayout);
const mixed = createJointVocabulary(toyMixedHeadLayout, toyArtifacts);

const codes = (max: number, length: number) => fc.array(fc.integer({ min: 0, max: max - 1 }), { minLength: length, maxLength: length });
const make = (modality: string, shape: number[], values: number[], space?: string): TokenBlock<string> => ({
  modality,
  codes: Int32Array.from(values),
  shape,
  meta: space === undefined ? {} : { space },
});

const textBlock = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 5 }).map((ids) => make('text', [ids.length], ids));
const imageBlock = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([h, w]) => codes(5, h * w).map((v) => make('image', [h, w], v)));
const speechBlock = fc.integer({ min: 0, max: 4 }).chain((t) => codes(4, t).map((v) => make('audio', [1, t], v, 'speech')));
const snacBlock = fc.integer({ min: 0, max: 3 }).chain((f) => codes(2, 3 * f).map((v) => make('audio', [3 * f], v, 'snac')));
const videoBlock = fc.integer({ min: 0, max: 2 }).chain((t) => codes(3, 4 * t).map((v) => make('video', [t, 2, 2], v)));
const musicBlock = fc.integer({ min: 0, max: 3 }).chain((t) => codes(2, 3 * t).map((v) => make('music', [3, t], v)));

/** Joins adjacent text blocks, as parsing does. */
function normalise(blocks: TokenBlock<string>[]): TokenBlock<string>[] {
  const out: TokenBlock<string>[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.modality === 'text' && last?.modality === 'text') {
      const joined = Int32Array.from([...last.codes, ...block.codes]);
      out[out.length - 1] = make('text', [joined.length], [...joined]);
    } else out.push(block);
  }
  return out;
}

const toyBlocks = fc.array(fc.oneof(textBlock, imageBlock, speechBlock, snacBlock, videoBlock, musicBlock), { maxLength: 6 }).map(normalise);
const headImageBlock = fc.integer({ min: 0, max: 3 }).chain((t) => codes(6, 2 * t).map((v) => make('image', [t, 2], v)));
const tileBlock = codes(200, 4).map((v) => make('tile', [2, 2], v));
const headMusicBlock = fc.integer({ min: 0, max: 3 }).chain((t) => codes(2, 2 * t).map((v) => make('music', [2, t], v)));
const mixedBlocks = fc.array(fc.oneof(textBlock, headImageBlock, speechBlock, tileBlock, headMusicBlock), { maxLength: 6 }).map(normalise);
const headBlocks = fc.integer({ min: 0, max: 4 }).chain((t) => codes(3, 2 * t).map((v) => [make('audio', [2, t], v)]));

const summary = (blocks: readonly TokenBlock<string>[]) => blocks.map((b) => ({ modality: b.modality, codes: [...b.codes], shape: [...b.shape] }));

function streamBlocks(vocabulary: JointVocabulary, ids: Int32Array, cuts: number[], mode: 'strict' | 'lenient' = 'strict') {
  const parser = vocabulary.createParser({ mode });
  const events: ParserEvent[] = [];
  const points = [...new Set(cuts.map((c) => c % (ids.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, ids.length]) {
    events.push(...parser.pushMany(ids.subarray(from, point)));
    from = point;
  }
  events.push(...parser.finish());
  const blocks = events.flatMap((e) => (e.type === 'segment-end' && e.block !== null ? [e.block] : []));
  return { blocks, events, repairs: [...parser.repairs] };
}

/** Valid sequences with random edits: replaced, deleted, inserted ids and truncation. */
function mutated(vocabulary: JointVocabulary, blocks: fc.Arbitrary<TokenBlock<string>[]>, maxId: number) {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), id: fc.integer({ min: 0, max: maxId }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), id: fc.constant(0) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), id: fc.integer({ min: 0, max: maxId }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), id: fc.constant(0) }),
  );
  return fc.tuple(blocks, fc.array(edit, { maxLength: 2 })).map(([b, edits]) => {
    let ids = [...vocabulary.serialize(b).ids];
    for (const { kind, at, id } of edits) {
      const i = ids.length === 0 ? 0 : at % ids.length;
      if (kind === 'replace' && ids.length > 0) ids[i] = id;
      else if (kind === 'delete') ids.splice(i, 1);
      else if (kind === 'insert') ids.splice(i, 0, id);
      else if (kind === 'truncate') ids = ids.slice(0, i);
    }
    return Int32Array.from(ids);
  });
}

function walkAccepts(vocabulary: JointVocabulary, ids: Int32Array): boolean {
  const parser = vocabulary.createParser();
  for (const id of ids) {
    if (!parser.allowedNext().has(id)) return false;
    parser.push(id);
  }
  return parser.canFinish();
}

function parses(vocabulary: JointVocabulary, ids: Int32Array): boolean {
  try {
    vocabulary.parse(ids);
    return true;
  } catch {
    return false;
  }
}

const cases = [
  { name: 'toy layout (every body kind behind markers)', vocabulary: toy, blocks: toyBlocks, maxId: 280 },
  { name: 'standalone head layout (delay pattern)', vocabulary: head, blocks: headBlocks, maxId: 5 },
  // Ids without heads: the parser state decides each id's head.
  { name: 'text mixed with head spaces, heads inferred', vocabulary: mixed, blocks: mixedBlocks, maxId: 230 },
];

describe.each(cases)('$name', ({ vocabulary, blocks, maxId }) => {
  it('serialize → parse is the identity', () => {
    fc.assert(
      fc.property(blocks, (b) => {
        const { ids, spans } = vocabulary.serialize(b);
        const parsed = vocabulary.parse(ids);
        expect(summary(parsed.blocks)).toEqual(summary(b));
        expect(parsed.spans).toEqual(spans);
      }),
      { numRuns: 300 },
    );
  });

  it('streaming parse equals batch parse for every split of the stream', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.nat(), { maxLength: 8 }), (b, cuts) => {
        const { ids } = vocabulary.serialize(b);
        expect(summary(streamBlocks(vocabulary, ids, cuts).blocks)).toEqual(summary(vocabulary.parse(ids).blocks));
        const oneByOne = Array.from({ length: ids.length }, (_, i) => i);
        expect(summary(streamBlocks(vocabulary, ids, oneByOne).blocks)).toEqual(summary(vocabulary.parse(ids).blocks));
      }),
      { numRuns: 200 },
    );
  });

  it('streaming lenient parse equals batch lenient parse on damaged streams', () => {
    fc.assert(
      fc.property(mutated(vocabulary, blocks, maxId), fc.array(fc.nat(), { maxLength: 5 }), (ids, cuts) => {
        const batch = vocabulary.parse(ids, { mode: 'lenient' });
        const stream = streamBlocks(vocabulary, ids, cuts, 'lenient');
        expect(summary(stream.blocks)).toEqual(summary(batch.blocks));
        expect(stream.repairs).toEqual(batch.repairs);
      }),
      { numRuns: 300 },
    );
  });

  it('allowedNext() accepts exactly the sequences that parse', () => {
    fc.assert(
      fc.property(mutated(vocabulary, blocks, maxId), (ids) => {
        expect(walkAccepts(vocabulary, ids)).toBe(parses(vocabulary, ids));
      }),
      { numRuns: 500 },
    );
  });

  it('every sequence that parses is the serialization of what it parses to', () => {
    fc.assert(
      fc.property(mutated(vocabulary, blocks, maxId), (ids) => {
        if (!parses(vocabulary, ids)) return;
        expect([...vocabulary.serialize(vocabulary.parse(ids).blocks).ids]).toEqual([...ids]);
      }),
      { numRuns: 500 },
    );
  });

  it('allowedNext() holds an id exactly when the strict parser takes it', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.integer({ min: 0, max: maxId }), { minLength: 1, maxLength: 4 }), (b, probes) => {
        const { ids } = vocabulary.serialize(b);
        for (let i = 0; i <= ids.length; i++) {
          const parser = vocabulary.createParser();
          parser.pushMany(ids.subarray(0, i));
          const allowed = parser.allowedNext();
          for (const probe of [...probes, ids[i] ?? probes[0]!]) {
            const replay = vocabulary.createParser();
            replay.pushMany(ids.subarray(0, i));
            let taken = true;
            try {
              replay.push(probe);
            } catch {
              taken = false;
            }
            expect(allowed.has(probe)).toBe(taken);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('lenient parsing never loses an id silently', () => {
    fc.assert(
      fc.property(mutated(vocabulary, blocks, maxId), (ids) => {
        const result = vocabulary.parse(ids, { mode: 'lenient' });
        // Every input id is inside a span or counted as dropped by a repair (spans may also cover
        // end markers of a block closed early, so the count is an upper bound on coverage).
        const covered = result.spans.reduce((sum, s) => sum + (s.end - s.start), 0);
        const dropped = result.repairs.reduce((sum, r) => sum + r.droppedIds, 0);
        expect(covered + dropped).toBeGreaterThanOrEqual(ids.length);
        expect(result.repaired).toBe(result.repairs.length > 0);
        if (parses(vocabulary, ids)) expect(result.repairs).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allowedNext() against a brute-force oracle (standalone delay layout)', () => {
  // The complete sequences are the serializations of [2, T] blocks; codes are 0..2 and 3 is special.
  const classOf = (id: number) => (id === 3 ? 's' : 'c');
  const templates = Array.from({ length: 12 }, (_, t) => [...head.serialize([make('audio', [2, t], new Array<number>(2 * t).fill(0))]).ids].map(classOf).join(''));
  const extendable = (classes: string) => templates.some((t) => t.startsWith(classes));

  it('allows an id exactly when some complete sequence continues the prefix with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), (t, probes) => {
        const ids = head.serialize([make('audio', [2, t], new Array<number>(2 * t).fill(1))]).ids;
        for (let i = 0; i <= ids.length; i++) {
          const parser = head.createParser();
          parser.pushMany(ids.subarray(0, i));
          const prefix = [...ids.subarray(0, i)].map(classOf).join('');
          for (const probe of probes) expect(parser.allowedNext().has(probe)).toBe(extendable(prefix + classOf(probe)));
          // The empty stream (no block at all) is complete too.
          expect(parser.canFinish()).toBe(prefix === '' || templates.includes(prefix));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('text mixed with head spaces, explicit heads', () => {
  /** Serialized (ids, heads) with random edits to ids and heads: replace, delete, insert, truncate. */
  const damaged = fc.tuple(mixedBlocks, fc.array(fc.record({ kind: fc.integer({ min: 0, max: 3 }), at: fc.nat(), id: fc.integer({ min: 0, max: 230 }), head: fc.integer({ min: 0, max: 4 }) }), { maxLength: 2 })).map(([b, edits]) => {
    const result = mixed.serialize(b);
    let pairs = [...result.ids].map((id, i) => [id, result.heads![i]!] as [number, number]);
    for (const { kind, at, id, head } of edits) {
      const i = pairs.length === 0 ? 0 : at % pairs.length;
      if (kind === 0 && pairs.length > 0) pairs[i] = [id, head];
      else if (kind === 1) pairs.splice(i, 1);
      else if (kind === 2) pairs.splice(i, 0, [id, head]);
      else pairs = pairs.slice(0, i);
    }
    return { ids: Int32Array.from(pairs, (p) => p[0]), heads: Uint8Array.from(pairs, (p) => p[1]) };
  });
  const parsesWith = (ids: Int32Array, heads: Uint8Array) => {
    try {
      mixed.parse(ids, { heads });
      return true;
    } catch {
      return false;
    }
  };

  it('serialize → parse with heads is the identity, and the heads mark exactly the head-space bodies', () => {
    fc.assert(
      fc.property(mixedBlocks, (b) => {
        const { ids, spans, heads } = mixed.serialize(b);
        expect(heads).toHaveLength(ids.length);
        const parsed = mixed.parse(ids, { heads: heads! });
        expect(summary(parsed.blocks)).toEqual(summary(b));
        expect(parsed.spans).toEqual(spans);
        const expected = new Uint8Array(ids.length);
        const headOf: Record<string, number> = { image: 1, tile: 3, music: 4 };
        for (const span of spans) if (span.space !== null && headOf[span.space] !== undefined) expected.fill(headOf[span.space]!, span.contentStart, span.contentEnd);
        expect([...heads!]).toEqual([...expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('streaming push(id, head) equals batch parse, events carry the head ids', () => {
    fc.assert(
      fc.property(mixedBlocks, (b) => {
        const { ids, heads } = mixed.serialize(b);
        const parser = mixed.createParser();
        const events: ParserEvent[] = [];
        ids.forEach((id, i) => events.push(...parser.push(id, heads![i])));
        events.push(...parser.finish());
        const blocks = events.flatMap((e) => (e.type === 'segment-end' && e.block !== null ? [e.block] : []));
        expect(summary(blocks)).toEqual(summary(mixed.parse(ids, { heads: heads! }).blocks));
        const deltas = events.flatMap((e) => (e.type === 'segment-delta' ? [[e.position, e.id]] : []));
        for (const [position, id] of deltas) expect(id).toBe(ids[position!]);
      }),
      { numRuns: 200 },
    );
  });

  it('allowedNextByHead().has(id, head) accepts exactly the (id, head) sequences that parse', () => {
    fc.assert(
      fc.property(damaged, ({ ids, heads }) => {
        const parser = mixed.createParser();
        let accepted = true;
        for (let i = 0; i < ids.length && accepted; i++) {
          accepted = parser.allowedNextByHead().has(ids[i]!, heads[i]!);
          if (accepted) parser.push(ids[i]!, heads[i]!);
        }
        expect(accepted && parser.canFinish()).toBe(parsesWith(ids, heads));
      }),
      { numRuns: 500 },
    );
  });

  it('streaming lenient parse with heads equals batch lenient parse on damaged streams', () => {
    fc.assert(
      fc.property(damaged, fc.nat(), ({ ids, heads }, cut) => {
        const batch = mixed.parse(ids, { mode: 'lenient', heads });
        const parser = mixed.createParser({ mode: 'lenient' });
        const point = cut % (ids.length + 1);
        const events = [...parser.pushMany(ids.subarray(0, point), heads.subarray(0, point)), ...parser.pushMany(ids.subarray(point), heads.subarray(point)), ...parser.finish()];
        const blocks = events.flatMap((e) => (e.type === 'segment-end' && e.block !== null ? [e.block] : []));
        expect(summary(blocks)).toEqual(summary(batch.blocks));
        expect([...parser.repairs]).toEqual(batch.repairs);
      }),
      { numRuns: 300 },
    );
  });
});
