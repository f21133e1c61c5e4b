import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImage } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { readFfmpeg } from '../ffmpeg/read-ffmpeg.node.js';
import type { FfmpegOptions } from '../ffmpeg/run-program.node.js';
import type { FrameStream } from '../frames/types.js';
import { readImageSequence, type SequenceImageReader } from '../sequence/read-image-sequence.js';
import { readY4m } from '../y4m/read-y4m.js';
import { readVideoNeutral, type ReadVideoInputOptions, type VideoInput } from './read-video.js';

/** What Node's `readVideo` reads: everything the neutral one does, plus a file path, `file:` URL or folder. */
export type NodeVideoInput = VideoInput | string | URL;

/** Options of Node's `readVideo`: the neutral options plus where ffmpeg is. */
export interface NodeReadVideoOptions extends ReadVideoInputOptions, FfmpegOptions {}

const IMAGE_FILE = /\.(png|jpe?g)$/i;

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
}

async function startsWithY4m(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { start: 0, end: 8 })) return (chunk as Buffer).toString('latin1').startsWith('YUV4MPEG2');
  return false;
}

/**
 * Reads a clip as a stream of RGB frames. Node adds paths: a `.y4m` file (streamed from disk, converted
 * in TypeScript exactly as ffmpeg converts it), a folder of PNG/JPEG frames (in file-name order, numbers
 * compared numerically), or any other container through the `ffmpeg` binary (Debian's `ffmpeg` package;
 * its absence is a `MissingProgramError`).
 *
 * @example
 * const video = await readVideo('clip.mp4', { fps: 8, maxFrames: 17 });
 * for await (const frame of video) console.log(frame.index, frame.timestamp);
 */
export async function readVideo(input: NodeVideoInput, options: NodeReadVideoOptions = {}): Promise<FrameStream> {
  if (typeof input !== 'string' && !(input instanceof URL)) return readVideoNeutral(input, options, readImage as SequenceImageReader);
  const path = input instanceof URL ? fileURLToPath(input) : input;
  const info = await stat(path).catch((cause: unknown) => {
    throw new InvalidVideoError({ format: 'file', reason: `cannot read ${path}`, cause });
  });
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((name) => IMAGE_FILE.test(name)).sort(new Intl.Collator('en', { numeric: true }).compare);
    if (names.length === 0) throw new InvalidVideoError({ format: 'image-sequence', reason: `${path} holds no PNG or JPEG files` });
    return readImageSequence(
      names.map((name) => join(path, name)),
      readImage as SequenceImageReader,
      options,
    );
  }
  if (await startsWithY4m(path)) return readY4m(fileChunks(path), options);
  return readFfmpeg(path, options);
}
