// The exported conformance suites of `@jointok/core/test`, run against core's own implementations:
// the Emu3 preset (resolution prefix, row ends) with a toy vocabulary, and a minimal image tokenizer
// built from an FSQ quantizer. Other packages run the same suites against theirs.
import { createQuantizer } from '../src/quantizers/create-quantizer.js';
import type { ModalityTokenizer } from '../src/modality/modality-tokenizer.js';
import type { Tensor } from '../src/tensor/tensor.js';
import { describeJointVocabulary } from '../src/testing/describe-joint-vocabulary.js';
import { describeModalityTokenizer } from '../src/testing/describe-modality-tokenizer.js';
import { seededNormal } from '../src/testing/seeded-random.js';
import { createJointVocabulary } from '../src/vocabulary/joint-vocabulary.js';
import { emu3Layout } from '../src/vocabulary/presets/emu3.js';

const emu3Tokens = new Map<string, number>([
  ...Array.from({ length: 10 }, (_, d) => [String(d), 15 + d] as [string, number]),
  ['*', 9],
  ['<|image start|>', 151852],
  ['<|image end|>', 151853],
  ['<|image token|>', 151851],
  ['<|extra_200|>', 151846],
  ['<|extra_201|>', 151847],
  ['<|visual token 000000|>', 151854],
]);

describeJointVocabulary('emu3 preset', {
  create: () => createJointVocabulary(emu3Layout, { tokens: emu3Tokens }),
  documents: () => [
    [{ modality: 'text', codes: Int32Array.of(1, 2, 3), shape: [3], meta: {} }],
    [
      { modality: 'text', codes: Int32Array.of(40, 41), shape: [2], meta: {} },
      { modality: 'image', codes: Int32Array.from({ length: 12 }, (_, i) => (i * 2731) % 32768), shape: [3, 4], meta: {} },
      { modality: 'text', codes: Int32Array.of(42), shape: [1], meta: {} },
      { modality: 'image', codes: Int32Array.from({ length: 110 }, (_, i) => 32767 - i), shape: [11, 10], meta: {} },
    ],
  ],
});

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
