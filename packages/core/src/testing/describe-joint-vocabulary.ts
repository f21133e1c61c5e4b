import { describe, expect, it } from 'vitest';
import type { TokenBlock } from '../modality/token-block.js';
import type { JointVocabulary } from '../vocabulary/joint-vocabulary.js';

/** Settings of {@link describeJointVocabulary}. */
export interface JointVocabularyConformanceOptions {
  /** Builds the vocabulary under test. */
  create: () => JointVocabulary;
  /** Block sequences that the layout must carry (each one a whole document). */
  documents: () => ReadonlyArray<readonly TokenBlock<string>[]>;
}

function comparable(block: TokenBlock<string>): { modality: string; shape: number[]; codes: number[] } {
  return { modality: block.modality, shape: [...block.shape], codes: Array.from(block.codes) };
}

/**
 * The conformance suite of the JointVocabulary contract, for presets and custom layouts:
 * serialize → parse is the identity, spans point at the blocks, streaming parse (one id at a
 * time) equals batch parse, and `allowedNext()` admits every id of a valid sequence.
 *
 * ```ts
 * import { describeJointVocabulary } from '@jointok/core/test';
 * describeJointVocabulary('my layout', { create: () => createJointVocabulary(layout, artifacts), documents: () => [...] });
 * ```
 */
export function describeJointVocabulary(name: string, options: JointVocabularyConformanceOptions): void {
  const { create, documents } = options;

  describe(`${name}: JointVocabulary conformance`, () => {
    it('parses what it serializes back into the same blocks', () => {
      const vocabulary = create();
      for (const blocks of documents()) {
        const { ids } = vocabulary.serialize(blocks);
        const parsed = vocabulary.parse(ids);
        expect(parsed.blocks.map(comparable)).toEqual(blocks.map(comparable));
      }
    });

    it('gives one span per block, in order, within the ids', () => {
      const vocabulary = create();
      for (const blocks of documents()) {
        const { ids, spans } = vocabulary.serialize(blocks);
        expect(spans.map((s) => s.modality)).toEqual(blocks.map((b) => b.modality));
        let previousEnd = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.contentStart).toBeGreaterThanOrEqual(span.start);
          expect(span.contentEnd).toBeLessThanOrEqual(span.end);
          expect(span.end).toBeLessThanOrEqual(ids.length);
          previousEnd = span.end;
        }
      }
    });

    it('streams one id at a time to the same blocks as the batch parse', () => {
      const vocabulary = create();
      for (const blocks of documents()) {
        const { ids } = vocabulary.serialize(blocks);
        const parser = vocabulary.createParser();
        const streamed: TokenBlock<string>[] = [];
        const collect = (events: ReturnType<typeof parser.push>) => {
          for (const event of events) if (event.type === 'segment-end' && event.block) streamed.push(event.block);
        };
        for (const id of ids) collect(parser.push(id));
        collect(parser.finish());
        expect(streamed.map(comparable)).toEqual(vocabulary.parse(ids).blocks.map(comparable));
      }
    });

    it('allows every next id of a valid sequence and may finish at its end', () => {
      const vocabulary = create();
      for (const blocks of documents()) {
        const { ids } = vocabulary.serialize(blocks);
        const parser = vocabulary.createParser();
        ids.forEach((id, position) => {
          expect(parser.allowedNext().has(id), `id ${id} at position ${position}`).toBe(true);
          parser.push(id);
        });
        expect(parser.canFinish()).toBe(true);
      }
    });
  });
}
