import { inflateSync } from 'node:zlib';
import { type Inflate, inflateWithFflate } from './inflate.js';

/**
 * Node's native zlib, limited to the expected size. A stream holding more than the image needs
 * (which Pillow decodes, ignoring the rest) makes Node refuse the output; fflate then stops at the
 * expected size instead.
 */
export const inflateWithNodeZlib: Inflate = (compressed, expectedSize) => {
  try {
    // Z_SYNC_FLUSH (2): a truncated stream returns what it holds instead of throwing.
    const result = inflateSync(compressed, { maxOutputLength: Math.max(1, expectedSize), finishFlush: 2 });
    return new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return inflateWithFflate(compressed, expectedSize);
    throw error;
  }
};
