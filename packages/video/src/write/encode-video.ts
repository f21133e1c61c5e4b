import type { Image8 } from '@jointok/image';
import { encodeY4m, type WriteY4mOptions } from '../y4m/write-y4m.js';

/**
 * Encodes frames as Y4M bytes in any runtime (BT.601, 4:2:0 by default). Node's `writeVideo` writes files,
 * other containers included; `writeY4m` streams the chunks of a long clip.
 */
export function encodeVideo(frames: AsyncIterable<Image8> | Iterable<Image8>, options: WriteY4mOptions = {}): Promise<Uint8Array> {
  return encodeY4m(frames, options);
}
