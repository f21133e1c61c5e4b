import { ImageTooLargeError, type RgbImage } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { createFrameStream } from '../frames/create-frame-stream.js';
import { readSelection } from '../frames/select-frames.js';
import { DEFAULT_MAX_PIXELS, type DecodedFrame, type FrameStream, type ReadVideoOptions } from '../frames/types.js';
import { createByteReader } from '../y4m/byte-reader.js';
import { probeVideo } from './probe-video.node.js';
import { collectStderr, exited, startProgram, type FfmpegOptions } from './run-program.node.js';

/** Options of `readFfmpeg`: the selection options and where ffmpeg is. */
export interface ReadFfmpegOptions extends ReadVideoOptions, FfmpegOptions {}

/** ffmpeg's arguments for raw RGB frames of `path` with the selection applied by ffmpeg itself. */
export function ffmpegReadArguments(path: string, options: ReturnType<typeof readSelection>): string[] {
  const args = ['-v', 'error', '-nostdin'];
  if (options.start > 0) args.push('-ss', String(options.start));
  args.push('-i', path);
  if (Number.isFinite(options.end)) args.push('-t', String(options.end - options.start));
  if (options.fps !== undefined) args.push('-vf', `fps=${options.fps}`);
  if (Number.isFinite(options.maxFrames)) args.push('-frames:v', String(options.maxFrames));
  // rgb24 through ffmpeg's own default conversion: the same bytes as `ffmpeg -pix_fmt rgb24` on the command line.
  args.push('-an', '-sn', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  return args;
}

/**
 * Reads any container and codec ffmpeg can decode, as RGB frames streamed from an `ffmpeg` process
 * (Node only): ffprobe gives the size and rate, ffmpeg decodes (`-ss`/`-t` for `start`/`end`, the `fps`
 * filter for `fps`) and converts to rgb24 with its default conversion. Frames are read one at a time.
 *
 * @throws MissingProgramError when ffmpeg or ffprobe cannot be run (install the package `ffmpeg`)
 * @throws InvalidVideoError when the file cannot be decoded (corrupt or truncated containers included)
 */
export async function readFfmpeg(path: string, options: ReadFfmpegOptions = {}): Promise<FrameStream> {
  const selection = readSelection(options);
  const probe = await probeVideo(path, options);
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (probe.width * probe.height > maxPixels) throw new ImageTooLargeError({ width: probe.width, height: probe.height, maxPixels });
  const child = await startProgram(options.ffmpegPath ?? 'ffmpeg', ffmpegReadArguments(path, selection), 'Reading video containers');
  child.stdin.end();
  const stderr = collectStderr(child);
  const done = exited(child);
  const frameRate = selection.fps ?? probe.frameRate;
  const reader = createByteReader(child.stdout);
  const size = probe.width * probe.height * 3;
  async function* frames(): AsyncGenerator<DecodedFrame> {
    for (let index = 0; ; index++) {
      options.signal?.throwIfAborted();
      const data = new Uint8Array(size);
      const read = await reader.readInto(data);
      if (read === 0 || read < size) {
        const code = await done;
        if (code !== 0) throw new InvalidVideoError({ format: 'ffmpeg', reason: `ffmpeg could not decode ${path}: ${stderr().split('\n').pop() || `exit ${code}`}`, frameIndex: index });
        if (read > 0) throw new InvalidVideoError({ format: 'ffmpeg', reason: `ffmpeg's output ends inside a frame (${read} of ${size} bytes)`, frameIndex: index });
        if (index === 0) throw new InvalidVideoError({ format: 'ffmpeg', reason: `${path} gave no frames${stderr() === '' ? '' : `: ${stderr().split('\n').pop()}`}` });
        return;
      }
      const image: RgbImage = { width: probe.width, height: probe.height, channels: 3, data };
      yield { ...image, index, timestamp: selection.start + index / frameRate };
    }
  }
  const info = {
    width: probe.width,
    height: probe.height,
    frameRate,
    sourceFrameRate: probe.frameRate,
    ...(probe.frameCount === undefined ? {} : { sourceFrameCount: probe.frameCount }),
    format: 'ffmpeg' as const,
  };
  return createFrameStream(info, frames(), async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await done;
  });
}
