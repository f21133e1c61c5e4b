import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { InvalidWeightsFileError } from '../errors/invalid-weights-file-error.js';
import { createQuantizer } from '../quantizers/create-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizers/quantizer.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import type { Tensor } from '../tensor/tensor.js';
import { readSafetensors } from '../weights/read-safetensors.js';
import { toFloat32 } from '../weights/to-float32.js';

/** The manifest `files[].role` of a repository's quantizer weights (a safetensors file). */
export const QUANTIZER_WEIGHTS_ROLE = 'quantizer';

/** Options of {@link createQuantizerFromRepository}. */
export interface QuantizerFromRepositoryOptions extends QuantizerOptions {
  signal?: AbortSignal;
}

/**
 * Builds the quantizer a repository's manifest describes: `manifest.quantizer` is the spec, and the
 * file whose role is `quantizer` (safetensors) holds its weights under the names the spec's family
 * reads (`codebook`, `quantizers.0.in_proj.weight_v`, ...). Float16, bfloat16 and float64 weights
 * are widened or rounded to float32 as torch's `.float()` does.
 *
 * @example
 * const quantizer = await createQuantizerFromRepository(repository);
 * const codes = await quantizer.encodeAsync(latents);
 *
 * @throws InvalidSpecError when the manifest has no quantizer (path `quantizer`) or the spec is malformed
 * @throws InvalidWeightsFileError when the weights file is malformed or holds a non-float tensor
 * @throws WeightsMismatchError when a weight the family needs is missing or misshapen
 */
export async function createQuantizerFromRepository(repository: ModelRepository, options: QuantizerFromRepositoryOptions = {}): Promise<Quantizer> {
  const { manifest } = repository;
  if (manifest.quantizer === undefined) {
    throw new InvalidSpecError({ path: 'quantizer', expected: 'a quantizer spec in jointok.json', received: undefined, message: `${repository.source.input}: jointok.json has no "quantizer"; this repository's graphs must give codes themselves.` });
  }
  const file = manifest.files.find((f) => f.role === QUANTIZER_WEIGHTS_ROLE);
  const weights: Record<string, Tensor<'float32'>> = {};
  if (file !== undefined) {
    const bytes = await repository.file(file.path, options.signal === undefined ? {} : { signal: options.signal });
    for (const [name, tensor] of readSafetensors(bytes, { file: file.path }).tensors) {
      if (tensor.type !== 'float32' && tensor.type !== 'float64' && tensor.type !== 'float16' && tensor.type !== 'bfloat16') {
        throw new InvalidWeightsFileError({ file: file.path, tensor: name, reason: `a quantizer weight must be floating point, not ${tensor.type}` });
      }
      weights[name] = toFloat32(tensor, name);
    }
  }
  const { signal: _signal, ...quantizerOptions } = options;
  return createQuantizer(manifest.quantizer as QuantizerSpec, weights as QuantizerWeights, quantizerOptions);
}
