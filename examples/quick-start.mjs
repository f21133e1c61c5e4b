import { createJointVocabulary, createQuantizer } from '@jointok/core';
import { getEncoding } from '@jointok/text';

// Text -> ids, exactly as OpenAI's tiktoken (o200k_base ships inside @jointok/text).
const text = await getEncoding('o200k_base');
const prompt = Int32Array.from(text.encode('A photo of a cat:'));

// An image's latents (here made up: 4 channels on a 2x3 grid) -> FSQ codes, as Cosmos / lucidrains FSQ.
const fsq = createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
const latents = Float32Array.from({ length: 4 * 2 * 3 }, (_, i) => Math.sin(i));
const image = fsq.encode({ type: 'float32', dims: [1, 4, 2, 3], data: latents });

// Both in one id space: image codes after the text vocabulary, between <boi> and <eoi>.
const size = text.vocabularySize;
const vocabulary = createJointVocabulary(
  {
    format: 'jointok.layout',
    version: 1,
    name: 'quick-start',
    text: { size },
    tokens: { boi: { id: size }, eoi: { id: size + 1 } },
    spaces: [
      {
        name: 'image',
        modality: 'image',
        codes: { type: 'offset', base: { id: size + 2 }, codebookSize: fsq.codebookSize },
        begin: ['boi'],
        end: ['eoi'],
        body: { type: 'grid', shape: [2, 3] },
      },
    ],
  },
  { tokens: new Map() },
);
const { ids } = vocabulary.serialize([
  { modality: 'text', codes: prompt, shape: [prompt.length], meta: {} },
  { modality: 'image', codes: image.data, shape: [2, 3], meta: {} },
]);
console.log('joint ids:', Array.from(ids).join(' '));

// And back: blocks per modality, text decoded.
for (const block of vocabulary.parse(ids).blocks) {
  console.log(block.modality, block.modality === 'text' ? JSON.stringify(text.decode(Array.from(block.codes))) : Array.from(block.codes).join(' '));
}
