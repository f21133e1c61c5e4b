/**
 * @jointok/image — images for jointok: PNG/JPEG decoding equal to Pillow, Pillow-exact resizing,
 * the published tokenizer preprocessing recipes as data, and reconstruction metrics.
 *
 * This is the runtime-neutral entry (bytes only); `index.node.ts` adds file paths and
 * `index.browser.ts` DOM image sources, selected by the package's `exports` conditions.
 */
export * from './errors/index.js';
export * from './image/index.js';
export * from './codecs/index.js';
export * from './resize/index.js';
export * from './transforms/index.js';
export * from './recipes/index.js';
export * from './metrics/index.js';
export * from './tokenizer/index.js';
export * from './families/index.js';
export { imageFamilies, loadImageTokenizer } from './load-image-tokenizer.neutral.js';
