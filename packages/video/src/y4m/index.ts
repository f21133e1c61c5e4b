export { parseY4mHeader, formatY4mHeader, chromaSize, frameBytes, MAX_Y4M_HEADER, type Y4mHeader, type Y4mChroma } from './y4m-header.js';
export { ffmpegYuvCoefficients, type FfmpegYuvCoefficients } from './ffmpeg-coefficients.js';
export { ycbcrToRgb, type YcbcrPlanes } from './ycbcr-to-rgb.js';
export { rgbToYcbcr } from './rgb-to-ycbcr.js';
export { readY4m, singleChunk } from './read-y4m.js';
export { writeY4m, encodeY4m, type WriteY4mOptions } from './write-y4m.js';
export { toFrameRate, type FrameRate } from './frame-rate.js';
export { createByteReader, type ByteReader } from './byte-reader.js';
