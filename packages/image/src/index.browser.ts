// Browser entry: the neutral entry, with a readImage that also takes Blobs, ImageData and DOM image
// sources. The explicit export wins over the star export of the same name.
export * from './index.js';
export { readImage, type BrowserImageInput } from './codecs/read-image.browser.js';
export { imageFamilies, loadImageTokenizer } from './load-image-tokenizer.browser.js';
