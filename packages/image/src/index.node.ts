// Node entry: the neutral entry, with a readImage that also takes file paths and reads the JPEG
// decoder's WebAssembly from disk. The explicit export wins over the star export of the same name.
export * from './index.js';
export { readImage, type NodeImageInput } from './codecs/read-image.node.js';
export { imageFamilies, loadImageTokenizer } from './load-image-tokenizer.node.js';
