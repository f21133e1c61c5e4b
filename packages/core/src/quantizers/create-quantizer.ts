import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { fsqFactories } from './fsq/index.js';
import { lfqFactories } from './lfq/index.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from './quantizer.js';
import type { QuantizerFactory } from './quantizer-factory.js';
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
 * @throws InvalidSpecError when the spec is malformed (the error names the field)
 * @throws UnsupportedError for an unknown `type`
 * @throws WeightsMismatchError when a weight is missing or has the wrong shape
 */
export function createQuantizer(spec: QuantizerSpec, weights: QuantizerWeights = {}, options: QuantizerOptions = {}): Quantizer {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidSpecError({ path: '(root)', expected: 'a quantizer spec object with a "type" field', received: spec });
  }
  if (typeof spec.type !== 'string') throw new InvalidSpecError({ path: 'type', expected: 'a string', received: spec.type });
  const factory = Object.hasOwn(factories, spec.type) ? factories[spec.type] : undefined;
  if (factory === undefined) throw new UnsupportedError({ feature: `quantizer type ${JSON.stringify(spec.type)}`, supported: quantizerTypes });
  return factory(spec, weights, options);
}
