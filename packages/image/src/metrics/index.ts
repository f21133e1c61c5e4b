export { psnr } from './psnr.js';
export { ssim, type SsimMode, type SsimOptions } from './ssim.js';
export { codeStatistics, bitsPerPixel, type CodeStatistics } from './code-statistics.js';
