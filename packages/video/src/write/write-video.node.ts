import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Image8 } from '@jointok/image';
import { writeFfmpeg, type WriteFfmpegOptions } from '../ffmpeg/write-ffmpeg.node.js';
import { writeY4m, type WriteY4mOptions } from '../y4m/write-y4m.js';

/** Options of Node's `writeVideo`: Y4M options for `.y4m`, ffmpeg options for other containers. */
export interface WriteVideoOptions extends WriteY4mOptions, WriteFfmpegOptions {}

/**
 * Writes frames to a file: `.y4m` in TypeScript (streamed, BT.601, `chroma` 4:2:0 by default), any other
 * container (`.mp4` H.264, `.webm` VP9, ...) through the `ffmpeg` binary. The file appears only complete:
 * it is written under a temporary name and renamed; on error nothing is left behind.
 *
 * @example
 * await writeVideo('out.mp4', frames, { frameRate: 8 });
 */
export async function writeVideo(path: string, frames: AsyncIterable<Image8> | Iterable<Image8>, options: WriteVideoOptions = {}): Promise<void> {
  if (!/\.y4m$/i.test(path)) return writeFfmpeg(path, frames, options);
  const partial = `${path}.partial-${process.pid}-${Date.now()}`;
  const out = createWriteStream(partial);
  try {
    for await (const chunk of writeY4m(frames, options)) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);
    await rename(partial, path);
  } catch (error) {
    // The stream opens its file asynchronously: wait until it is closed, or the file could appear after rm.
    const closed = out.closed ? Promise.resolve() : once(out, 'close').then(() => undefined);
    out.destroy();
    await closed;
    await rm(partial, { force: true });
    throw error;
  }
}
