import fc from 'fast-check';
import type { JointVocabulary } from '../vocabulary/joint-vocabulary.js';
import { hostileNumber } from '../testing/fuzz/hostile-values.js';
import { fuzzAssert } from '../testing/fuzz/fuzz-property-error.js';
import { defineFuzzTarget } from '../testing/fuzz/fuzz-target.js';

/** What `core/joint-parse` feeds to a joint vocabulary's parsers. */
export interface JointParseInput {
  /** Which vocabulary. */
  readonly vocabulary: number;
  /** The ids, as given (a plain array may hold anything a caller passes: fractions, NaN, huge numbers). */
  readonly ids: Int32Array | readonly number[];
  readonly mode: 'strict' | 'lenient';
  /** Whether to feed the ids one by one to `createParser()` as well. */
  readonly incremental: boolean;
}

/**
 * `core/joint-parse`: id sequences through `parse` and the incremental parser of joint vocabularies
 * (every body kind): ids that are mostly plausible (structure tokens, codes, text ids, in the order a
 * serialised block has them), spliced with hostile numbers. A strict parse that accepts a sequence must
 * serialise back to the same ids.
 */
export function jointParseTarget(vocabularies: readonly JointVocabulary[]) {
  const plausible = vocabularies.map((vocabulary) => {
    const markers = Object.keys(vocabulary.layout.tokens ?? {}).flatMap((name) => {
      try {
        return [vocabulary.tokenId(name)];
      } catch {
        return [];
      }
    });
    const codes = vocabulary.spaces.flatMap((space) => space.ids.toArray().flatMap(([start, end]) => [start, start + 1, end - 1, end]));
    return [...new Set([0, 1, vocabulary.textSize - 1, vocabulary.textSize, ...markers, ...codes])];
  });
  const input: fc.Arbitrary<JointParseInput> = fc.nat({ max: vocabularies.length - 1 }).chain((vocabulary) =>
    fc.record({
      vocabulary: fc.constant(vocabulary),
      ids: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.constantFrom(...plausible[vocabulary]!), { maxLength: 40 }).map((ids) => Int32Array.from(ids)) },
        { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...plausible[vocabulary]!) }, { weight: 1, arbitrary: hostileNumber({ nonFinite: true }) }), { maxLength: 40 }) },
        { weight: 1, arbitrary: fc.int32Array({ maxLength: 40 }) },
      ),
      mode: fc.constantFrom('strict' as const, 'lenient' as const),
      incremental: fc.boolean(),
    }),
  );
  return defineFuzzTarget<JointParseInput>({
    name: 'core/joint-parse',
    description: 'id sequences → JointVocabulary.parse / createParser().push, allowedNext, finish',
    input,
    run(input) {
      const vocabulary = vocabularies[input.vocabulary]!;
      if (input.incremental) {
        const parser = vocabulary.createParser({ mode: input.mode });
        for (const id of input.ids) {
          parser.allowedNext();
          parser.push(id);
        }
        parser.finish();
      }
      const result = vocabulary.parse(input.ids, { mode: input.mode });
      if (input.mode === 'strict' && !vocabulary.headed) {
        const again = vocabulary.serialize(result.blocks).ids;
        // Compared with ===, not isDeepStrictEqual: an id given as -0 is the id 0 (found by the long run).
        const same = again.length === input.ids.length && [...again].every((id, i) => id === input.ids[i]);
        fuzzAssert(same, () => `parse → serialize changed [${[...input.ids].slice(0, 20)}] into [${[...again].slice(0, 20)}]`);
      }
    },
  });
}
