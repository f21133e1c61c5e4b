import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { fsqFactories } from './fsq/index.js';
import { lfqFactories } from './lfq/index.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from './quantizer.js';
import type { QuantizerFactory } from './quantizer-factory.js';
import { closestName } from './spec/closest-name.js';
import { KNOWN_SPEC_FIELDS } from './spec/known-spec-fields.js';
import type { KnownQuantizerSpec } from './spec/quantizer-specs.js';
import { residualFactories } from './residual/index.js';
import { vqFactories } from './vq/index.js';

const factories: Readonly<Record<string, QuantizerFactory>> = {
  ...fsqFactories,
  ...lfqFactories,
  ...vqFactories,
  ...residualFactories,
};

/** The spec `type`s that {@link createQuantizer} knows. */
export const quantizerTypes: readonly string[] = Object.keys(factories).sort();

/**
 * Type-level check of a spec written in code: a literal `type` must be a known one, and every field
 * must be one its family reads (so `{ type: 'fssq' }` or `chanelAxis` fail to compile). A spec typed
 * only as `QuantizerSpec` (read from JSON) is checked at run time instead.
 */
export type CheckedSpec<S> = S extends { readonly type: infer T }
  ? string extends T
    ? unknown
    : T extends KnownQuantizerSpec['type']
      ? [Exclude<keyof S, keyof Extract<KnownQuantizerSpec, { type: T }>>] extends [never]
        ? unknown
        : { readonly [K in Exclude<keyof S, keyof Extract<KnownQuantizerSpec, { type: T }>>]: never }
      : { readonly type: KnownQuantizerSpec['type'] }
  : never;

/**
 * Builds a quantizer from its JSON spec and named weights.
 *
 * This runtime-neutral version runs `encodeAsync`'s codebook searches in TypeScript unless
 * `options.nearestSearch` says otherwise (the browser entry exports this one too); the Node entry of
 * `@jointok/core` exports a `createQuantizer` that defaults to `defaultNearestSearch()` (onnxruntime-node
 * for large searches).
 *
 * @example
 * const fsq = createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5] });
 * const codes = fsq.encode({ type: 'float32', dims: [1, 4, 6], data: latents });
 *
 * @example Large codebooks on ONNX Runtime, same codes
 * const vq = createQuantizer(spec, weights, { nearestSearch: createAcceleratedNearestSearch({ createSession }) });
 * const codes = await vq.encodeAsync(latents);
 *
 * @throws InvalidSpecError when the spec is malformed or has a field its type does not read (the error
 *   names the field, and the known field it most likely meant)
 * @throws UnsupportedError for an unknown `type`
 * @throws WeightsMismatchError when a weight is missing or has the wrong shape
 */
export function createQuantizer<const S extends KnownQuantizerSpec | QuantizerSpec>(spec: S & CheckedSpec<S>, weights: QuantizerWeights = {}, options: QuantizerOptions = {}): Quantizer {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidSpecError({ path: '(root)', expected: 'a quantizer spec object with a "type" field', received: spec });
  }
  if (typeof spec.type !== 'string') throw new InvalidSpecError({ path: 'type', expected: 'a string', received: (spec as { type: unknown }).type });
  const factory = Object.hasOwn(factories, spec.type) ? factories[spec.type] : undefined;
  if (factory === undefined) throw new UnsupportedError({ feature: `quantizer type ${JSON.stringify(spec.type)}`, supported: quantizerTypes });
  checkKnownFields(spec as QuantizerSpec);
  return factory(spec as QuantizerSpec, weights, options);
}

/** Refuses fields the spec's type does not read: a typo (`chanelAxis`) must not silently change nothing. */
function checkKnownFields(spec: QuantizerSpec): void {
  const known = (KNOWN_SPEC_FIELDS as Readonly<Record<string, readonly string[]>>)[spec.type];
  if (known === undefined) return;
  for (const field of Object.keys(spec)) {
    if (field === 'type' || known.includes(field)) continue;
    const guess = closestName(field, known);
    throw new InvalidSpecError({
      path: field,
      expected: `a field of a ${spec.type} spec (${known.join(', ')})`,
      received: field,
      message: `Unknown field "${field}" in a ${spec.type} quantizer spec.${guess === undefined ? '' : ` Did you mean "${guess}"?`} Known fields: ${known.join(', ')}.`,
    });
  }
}
