/**
 * Node defaults of the quantizer layer: `createQuantizer` gives quantizers the Node
 * `defaultNearestSearch()`, so `encodeAsync` searches large codebooks on onnxruntime-node.
 * `index.node.ts` re-exports this in place of the neutral `createQuantizer`.
 */
import { defaultNearestSearch } from '../runtime/node.js';
import { createQuantizer as createNeutralQuantizer } from './create-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from './quantizer.js';

/**
 * Builds a quantizer from its JSON spec and named weights. `encode` runs in TypeScript;
 * `encodeAsync` gives the same codes and runs codebook searches of at least 2^23 multiply-adds
 * (`count × codebookSize × dim`) on onnxruntime-node (`options.nearestSearch` overrides, e.g.
 * `typescriptNearestSearch`).
 *
 * @example
 * const vq = createQuantizer({ type: 'vq', codebookSize: 16384, dim: 8 }, { codebook });
 * const codes = await vq.encodeAsync({ type: 'float32', dims: [1, 256, 8], data: latents });
 *
 * @throws InvalidSpecError when the spec is malformed (the error names the field)
 * @throws UnsupportedError for an unknown `type`
 * @throws WeightsMismatchError when a weight is missing or has the wrong shape
 */
export function createQuantizer(spec: QuantizerSpec, weights: QuantizerWeights = {}, options: QuantizerOptions = {}): Quantizer {
  return createNeutralQuantizer(spec, weights, { ...options, nearestSearch: options?.nearestSearch ?? defaultNearestSearch() });
}
