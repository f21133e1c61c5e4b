/**
 * Node defaults that span layers: quantizers whose `encodeAsync` searches large codebooks on the
 * runtime's onnxruntime-node search. The quantizer layer itself stays runtime-neutral (it only knows
 * the `AsyncNearestSearch` contract); this file wires the two together, as `loading/node.ts` wires
 * repositories and sessions. `index.node.ts` re-exports this in place of the neutral `createQuantizer`.
 */
import { createQuantizer as createNeutralQuantizer } from '../quantizers/create-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizers/quantizer.js';
import { defaultNearestSearch } from '../runtime/node.js';

/**
 * Builds a quantizer from its JSON spec and named weights. `encode` runs in TypeScript;
 * `encodeAsync` gives the same codes and runs codebook searches of at least 2^27 multiply-adds
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
