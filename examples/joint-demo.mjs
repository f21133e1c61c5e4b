// A mixed document -> one joint id sequence -> back, on built-in defaults and offline:
// o200k_base text ids (@jointok/text) and FSQ image codes (@jointok/core) placed in one id space by a
// layout (markers and an offset block after the text vocabulary), parsed back into blocks.
//   npm ci && npm run demo
import { createJointVocabulary, createQuantizer } from '../packages/core/dist/index.node.js';
import { seededNormal } from '../packages/core/dist/testing/index.js';
import { getEncoding } from '../packages/text/dist/index.js';

const text = await getEncoding('o200k_base');
const fsq = createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5], channelAxis: 'first' });

// The image space starts right after the text vocabulary: <boi>, <eoi>, <eol>, then 64,000 codes.
const textSize = text.vocabularySize;
const layout = {
  format: 'jointok.layout',
  version: 1,
  name: 'o200k+fsq-demo',
  text: { size: textSize },
  tokens: { boi: { id: textSize }, eoi: { id: textSize + 1 }, eol: { id: textSize + 2 } },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'offset', base: { id: textSize + 3 }, codebookSize: fsq.codebookSize },
      begin: ['boi'],
      end: ['eoi'],
      body: { type: 'grid', shape: [4, 6], rowEnd: 'eol' }, // a 4×6 token grid, each row closed by <eol>
    },
  ],
};
const vocabulary = createJointVocabulary(layout, { tokens: new Map() });

const prompt = Int32Array.from(text.encode('A photo of a cat: '));
const latents = { type: 'float32', dims: [1, 6, 4, 6], data: seededNormal(6 * 4 * 6, 42, 1) };
const image = fsq.encode(latents);
const caption = Int32Array.from(text.encode(' What is it doing?'));

const { ids, spans } = vocabulary.serialize([
  { modality: 'text', codes: prompt, shape: [prompt.length], meta: {} },
  { modality: 'image', codes: image.data, shape: image.dims.slice(1), meta: {} },
  { modality: 'text', codes: caption, shape: [caption.length], meta: {} },
]);
console.log(`joint sequence of ${ids.length} ids (text vocabulary ${textSize}, image codes from ${textSize + 3}):`);
console.log('  ' + Array.from(ids).join(' '));
for (const span of spans) console.log(`  ${span.modality.padEnd(5)} ids [${span.start}, ${span.end}) shape [${span.shape}]`);

const { blocks } = vocabulary.parse(ids);
const decodedText = blocks.filter((b) => b.modality === 'text').map((b) => text.decode(Array.from(b.codes)));
const imageBlock = blocks.find((b) => b.modality === 'image');
const same = imageBlock.codes.every((c, i) => c === image.data[i]);
console.log(`parsed back: text ${JSON.stringify(decodedText)}, image [${imageBlock.shape}] codes ${same ? 'identical' : 'DIFFERENT'}`);
