import fc from 'fast-check';
import { parseManifest } from '../repository/manifest/parse-manifest.js';
import { validateManifest } from '../repository/manifest/validate-manifest.js';
import { applyJsonMutations, applyTextMutations, jsonMutation, textMutation } from '../testing/fuzz/json-mutations.js';
import { applyByteMutations, byteMutation } from '../testing/fuzz/byte-mutations.js';
import { fuzzAssert } from '../testing/fuzz/fuzz-property-error.js';
import { defineFuzzTarget } from '../testing/fuzz/fuzz-target.js';
import { validManifest } from './manifest-arbitrary.js';

/** What `core/manifest` feeds to `parseManifest`. */
export type ManifestInput =
  /** A valid manifest: it must parse from text, bytes and object to itself. */
  | { readonly kind: 'valid'; readonly manifest: unknown }
  /** Damaged JSON text (or its UTF-8 bytes, damaged further). */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** A structurally mutated document, given as an object; `cycle` makes the node of that index refer to the root. */
  | { readonly kind: 'object'; readonly value: unknown; readonly cycle?: number };

const KEYS = ['manifestVersion', 'modality', 'family', 'files', 'path', 'sha256', 'size', 'variants', 'codeSpace', 'streams', 'quantizer', 'source'];

/**
 * `core/manifest`: `jointok.json` through `parseManifest` and `validateManifest` — valid manifests
 * round-trip (text, bytes and object give the same manifest), and damaged text, bytes and documents
 * (real manifests of the repository's model fixtures, mutated) are typed errors.
 */
export function manifestTarget(seeds: readonly unknown[]) {
  const documents = fc.oneof(fc.constantFrom(...seeds), validManifest);
  const texts = documents.map((document) => JSON.stringify(document, null, 2));
  const input: fc.Arbitrary<ManifestInput> = fc.oneof(
    { weight: 2, arbitrary: validManifest.map((manifest) => ({ kind: 'valid' as const, manifest })) },
    { weight: 3, arbitrary: fc.tuple(texts, fc.array(textMutation(), { minLength: 1, maxLength: 4 })).map(([text, edits]) => ({ kind: 'text' as const, text: applyTextMutations(text, edits) })) },
    {
      weight: 1,
      arbitrary: fc.tuple(texts, fc.array(byteMutation({ head: 64 }), { minLength: 1, maxLength: 3 })).map(([text, edits]) => ({ kind: 'bytes' as const, bytes: applyByteMutations(new TextEncoder().encode(text), edits) })),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(documents, fc.array(jsonMutation({ nonJson: true, keys: KEYS }), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { freq: 8, nil: undefined }))
        .map(([document, edits, cycle]) => ({ kind: 'object' as const, value: applyJsonMutations(document, edits), ...(cycle === undefined ? {} : { cycle }) })),
    },
  );
  return defineFuzzTarget<ManifestInput>({
    name: 'core/manifest',
    description: 'jointok.json text, bytes and objects → parseManifest / validateManifest',
    input,
    budget: { allocationBytes: 32 << 20 },
    run(input) {
      switch (input.kind) {
        case 'valid': {
          const text = JSON.stringify(input.manifest);
          const validation = validateManifest(input.manifest);
          fuzzAssert(validation.valid, () => `a valid manifest is refused: ${validation.errors[0]?.message}`);
          for (const parsed of [parseManifest(text), parseManifest(new TextEncoder().encode(text)), parseManifest(input.manifest)]) {
            // Compared as JSON text: a generated object may hold -0 or null-prototype objects, which JSON text cannot.
            fuzzAssert(JSON.stringify(parsed) === text, 'parseManifest changed a valid manifest');
          }
          return;
        }
        case 'text':
          parseManifest(input.text);
          return;
        case 'bytes':
          parseManifest(input.bytes);
          return;
        case 'object': {
          const value = input.cycle === undefined ? input.value : withCycle(input.value, input.cycle);
          const validation = validateManifest(value);
          const parsed = parseManifest(value);
          fuzzAssert(validation.valid, 'parseManifest accepted what validateManifest refuses');
          fuzzAssert(parsed === value, 'parseManifest returned another object');
        }
      }
    },
  });
}

/** Makes the `index`-th object or array of the document (document order) hold a reference to the root. */
function withCycle(root: unknown, index: number): unknown {
  const containers: object[] = [];
  const stack = [root];
  while (stack.length > 0 && containers.length < 1000) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) continue;
    containers.push(node);
    for (const child of Object.values(node).slice(0, 32)) stack.push(child);
  }
  if (containers.length === 0) return root;
  const target = containers[index % containers.length]!;
  if (Array.isArray(target)) target.push(root);
  else (target as Record<string, unknown>)['self'] = root;
  return root;
}
