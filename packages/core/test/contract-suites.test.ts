// The ModalityTokenizer conformance suite of `@jointok/core/test`, run against a minimal image tokenizer
// built from an FSQ quantizer (describeJointVocabulary runs over every preset in
// src/vocabulary/presets/presets.conformance.test.ts; describeQuantizer in conformance.test.ts).
import { createQuantizer } from '../src/quantizers/create-quantizer.js';
import type { ModalityTokenizer } from '../src/modality/modality-tokenizer.js';
import type { Tensor } from '../src/tensor/tensor.js';
import { describeModalityTokenizer } from '../src/testing/describe-modality-tokenizer.js';
import { seededNormal } from '../src/testing/seeded-random.js';

// An "image" tokenizer over latent grids: FSQ codes laid out [h, w].
const fsq = createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
const latentTokenizer: ModalityTokenizer<Tensor<'float32'>, Tensor<'float32'>, 'image'> = {
  modality: 'image',
  encode(latents) {
    const codes = fsq.encode(latents);
    return { modality: 'image', codes: codes.data as Int32Array, shape: codes.dims.slice(1), meta: {} };
  },
  decode(block) {
    return fsq.decode({ type: 'int32', dims: [1, ...block.shape], data: block.codes });
  },
};

describeModalityTokenizer('FSQ latent-grid tokenizer', {
  create: () => latentTokenizer,
  inputs: (): Tensor<'float32'>[] => [
    { type: 'float32', dims: [1, 4, 3, 5], data: seededNormal(60, 1) },
    { type: 'float32', dims: [1, 4, 1, 1], data: seededNormal(4, 2) },
  ],
  codebookSize: fsq.codebookSize,
});
