import { unzlibSync } from 'fflate';

/**
 * Inflates a zlib stream into exactly `expectedSize` bytes (more output is not produced, less is
 * returned as is). Throws on corrupt data. The default is fflate (pure JavaScript, any runtime); the
 * Node entry passes Node's native zlib, which is several times faster.
 */
export type Inflate = (compressed: Uint8Array, expectedSize: number) => Uint8Array;

/** fflate's inflate into a preallocated buffer. */
export const inflateWithFflate: Inflate = (compressed, expectedSize) => unzlibSync(compressed, { out: new Uint8Array(expectedSize) });
