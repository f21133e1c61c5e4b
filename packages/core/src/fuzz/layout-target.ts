import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { createJointVocabulary } from '../vocabulary/joint-vocabulary.js';
import type { LayoutSpec } from '../vocabulary/layout/layout-spec.js';
import { loadLayout, saveLayout } from '../vocabulary/layout/layout-io.js';
import type { VocabularyArtifacts } from '../vocabulary/vocabulary-artifacts.js';
import { fuzzAssert } from '../testing/fuzz/fuzz-property-error.js';
import { defineFuzzTarget } from '../testing/fuzz/fuzz-target.js';
import { applyJsonMutations, applyTextMutations, jsonMutation, textMutation } from '../testing/fuzz/json-mutations.js';

/** What `core/layout` feeds to `loadLayout` and `createJointVocabulary`. */
export type LayoutInput =
  /** Damaged layout JSON text. */
  | { readonly kind: 'text'; readonly text: string }
  /** A structurally edited layout object, compiled against the artifacts of seed `artifacts`. */
  | { readonly kind: 'object'; readonly value: unknown; readonly artifacts: number };

/** A seed layout and the vocabulary its tokens resolve against. */
export interface LayoutSeed {
  readonly layout: LayoutSpec;
  readonly artifacts: VocabularyArtifacts;
}

const KEYS = ['type', 'shape', 'codes', 'codebookSize', 'stride', 'reserved', 'base', 'token', 'id', 'shift', 'body', 'scales', 'codebooks', 'delays', 'frames', 'positions', 'begin', 'end', 'prefix', 'rowEnd', 'frameEnd', 'special', 'size', 'spaces', 'tokens', 'heads'];

/**
 * `core/layout`: layout files through `loadLayout` (text) and `createJointVocabulary` (objects, compiled
 * against the seed's vocabulary): damaged text and structurally edited layouts (huge shapes, wrapping
 * strides, unknown references, deep nesting, non-JSON values) are typed errors decided quickly; a
 * layout that compiles round-trips through `saveLayout` and `loadLayout` unchanged.
 */
export function layoutTarget(seeds: readonly LayoutSeed[]) {
  const seed = fc.nat({ max: seeds.length - 1 });
  const input: fc.Arbitrary<LayoutInput> = fc.oneof(
    {
      weight: 1,
      arbitrary: fc.tuple(seed, fc.array(textMutation(), { minLength: 1, maxLength: 3 })).map(([index, edits]) => ({ kind: 'text' as const, text: applyTextMutations(JSON.stringify(seeds[index]!.layout, null, 2), edits) })),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(seed, fc.array(jsonMutation({ nonJson: true, keys: KEYS }), { minLength: 0, maxLength: 3 }))
        .map(([index, edits]) => ({ kind: 'object' as const, value: applyJsonMutations(seeds[index]!.layout, edits), artifacts: index })),
    },
  );
  return defineFuzzTarget<LayoutInput>({
    name: 'core/layout',
    description: 'layout JSON text and objects → loadLayout / createJointVocabulary',
    input,
    run(input) {
      if (input.kind === 'text') {
        loadLayout(input.text);
        return;
      }
      const vocabulary = createJointVocabulary(input.value, seeds[input.artifacts]!.artifacts);
      const saved = saveLayout(vocabulary.layout);
      let reloaded: unknown;
      try {
        reloaded = loadLayout(saved);
      } catch (error) {
        // Accepted once, it must load again: a refusal here is a finding, not a rejection.
        fuzzAssert(false, () => `a compiled layout is refused after saveLayout: ${String(error).slice(0, 200)}`);
      }
      fuzzAssert(isDeepStrictEqual(reloaded, JSON.parse(saved)), 'a compiled layout does not survive saveLayout → loadLayout');
    },
  });
}
