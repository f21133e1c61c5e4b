import { rename, rm } from 'node:fs/promises';
import { ShapeMismatchError } from '@jointok/core';
import { assertImage, toRgb, type Image8 } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { toFrameRate, type FrameRate } from '../y4m/frame-rate.js';
import { collectStderr, exited, startProgram, type FfmpegOptions } from './run-program.node.js';

/** Options of `writeFfmpeg`. */
export interface WriteFfmpegOptions extends FfmpegOptions {
  /** Frames per second (default 25). */
  frameRate?: number | FrameRate;
  /** ffmpeg's video codec (default: libx264 for .mp4/.mov/.mkv, libvpx-vp9 for .webm, ffmpeg's choice otherwise). */
  codec?: string;
  /** Extra output arguments for ffmpeg (`['-crf', '18']`). */
  outputArguments?: readonly string[];
}

function defaultCodec(path: string): string[] {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'webm') return ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p'];
  if (extension === 'mp4' || extension === 'mov' || extension === 'mkv') return ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  return [];
}

/**
 * Encodes frames (all of one size) to a container through an `ffmpeg` process, streaming rgb24 into its
 * stdin. The file appears only when ffmpeg succeeded: it is written under a temporary name and renamed,
 * and removed on any error.
 *
 * @throws MissingProgramError when ffmpeg cannot be run (package `ffmpeg`)
 * @throws InvalidVideoError when ffmpeg fails (unknown codec or container, ...)
 * @throws ShapeMismatchError when a frame's size differs from the first one's
 */
export async function writeFfmpeg(path: string, frames: AsyncIterable<Image8> | Iterable<Image8>, options: WriteFfmpegOptions = {}): Promise<void> {
  const rate = toFrameRate(options.frameRate ?? 25);
  const extension = /\.[a-z0-9]+$/i.exec(path)?.[0] ?? '';
  const partial = `${path}.partial-${process.pid}-${Date.now()}${extension}`;
  const iterator = (Symbol.asyncIterator in (frames as object) ? (frames as AsyncIterable<Image8>)[Symbol.asyncIterator]() : (frames as Iterable<Image8>)[Symbol.iterator]()) as AsyncIterator<Image8> | Iterator<Image8>;
  const head = await iterator.next();
  if (head.done === true) throw new InvalidVideoError({ format: 'ffmpeg', reason: 'no frames to write' });
  const first = head.value;
  assertImage(first, 'frames[0]');
  const codec = options.codec === undefined ? defaultCodec(path) : ['-c:v', options.codec];
  const args = ['-v', 'error', '-nostdin', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${first.width}x${first.height}`, '-r', `${rate.numerator}/${rate.denominator}`, '-i', 'pipe:0', ...codec, ...(options.outputArguments ?? []), partial];
  const child = await startProgram(options.ffmpegPath ?? 'ffmpeg', args, 'Writing video containers');
  const stderr = collectStderr(child);
  const done = exited(child);
  // A closed stdin (ffmpeg gave up) surfaces as EPIPE; the exit code says why.
  child.stdin.on('error', () => undefined);
  const write = (data: Uint8Array) => new Promise<void>((resolve) => (child.stdin.write(data) ? resolve() : child.stdin.once('drain', resolve)));
  try {
    let frame: Image8 = first;
    for (let index = 0; ; index++) {
      assertImage(frame, `frames[${index}]`);
      if (frame.width !== first.width || frame.height !== first.height) throw new ShapeMismatchError({ argument: `frames[${index}]`, expected: `a ${first.width}x${first.height} frame like frames[0]`, received: [frame.height, frame.width] });
      if (child.exitCode !== null) break;
      await write(toRgb(frame).data);
      const next = await iterator.next();
      if (next.done === true) break;
      frame = next.value;
    }
    child.stdin.end();
    const code = await done;
    if (code !== 0) throw new InvalidVideoError({ format: 'ffmpeg', reason: `ffmpeg could not write ${path}: ${stderr().split('\n').pop() || `exit ${code}`}` });
    await rename(partial, path);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await done;
    await rm(partial, { force: true });
    throw error;
  }
}
