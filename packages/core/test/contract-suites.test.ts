// The ModalityTokenizer conformance suite of `@jointok/core/test`, run against a minimal image tokenizer
// built from an FSQ quantizer (describeJointVocabulary runs over every preset in
// src/vocabulary/presets/presets.conformance.test.ts; describeQuantizer in conformance.test.ts).
import { createQuantizer } from '../src/quantizers/create-quantizer.js';
import { createModalityTokenizer } from '../src/modality/modality-tokenizer.js';
import { tokenBlockFromCodes, codesTensorFromBlock, checkTokenBlock } from '../src/modality/token-block-codes.js';
import type { Tensor } from '../src/tensor/tensor.js';
import { describeModalityTokenizer } from '../src/testing/describe-modality-tokenizer.js';
import { seededNormal } from '../src/testing/seeded-random.js';

// An "image" tokenizer over latent grids: FSQ codes laid out [h, w].
const fsq = createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
const codeSpace = { axes: ['height', 'width'], streams: [{ name: 'image', codebookSize: fsq.codebookSize }] };
const latentTokenizer = () =>
  createModalityTokenizer<Tensor<'float32'>, Tensor<'float32'>, 'image'>({
  modality: 'image',
  codeSpace,
  encode: (latents) => tokenBlockFromCodes(fsq.encode(latents), { modality: 'image', codeSpace }),
  decode(block) {
    checkTokenBlock(block, codeSpace);
    return fsq.decode(codesTensorFromBlock(block));
  },
});

describeModalityTokenizer('FSQ latent-grid tokenizer', {
  create: latentTokenizer,
  inputs: (): Tensor<'float32'>[] => [
    { type: 'float32', dims: [1, 4, 3, 5], data: seededNormal(60, 1) },
    { type: 'float32', dims: [1, 4, 1, 1], data: seededNormal(4, 2) },
  ],
});
