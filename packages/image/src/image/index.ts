export type { Image8, RgbImage, RgbaImage } from './types.js';
export { createImage, assertImage } from './create-image.js';
export { toRgb, toRgba } from './channels.js';
