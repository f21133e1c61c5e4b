import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { ffprobePath, runProgram, type FfmpegOptions } from './run-program.node.js';

/** What ffprobe says of a file's first video stream. */
export interface ProbedVideo {
  readonly width: number;
  readonly height: number;
  /** Average frame rate (`avg_frame_rate`, else `r_frame_rate`), in frames per second. */
  readonly frameRate: number;
  /** Frames in the stream, when the container says (`nb_frames`). */
  readonly frameCount?: number;
}

function rate(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const [n, d] = value.split('/').map(Number);
  return d === undefined ? Number(n) : n! / d;
}

/**
 * Probes a media file with ffprobe.
 *
 * @throws MissingProgramError when ffprobe cannot be run (package `ffmpeg`)
 * @throws InvalidVideoError when ffprobe cannot read the file or it has no video stream
 */
export async function probeVideo(path: string, options: FfmpegOptions = {}): Promise<ProbedVideo> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames', '-of', 'json', '--', path];
  const { stdout, stderr, code } = await runProgram(ffprobePath(options), args, 'Reading video containers');
  if (code !== 0) throw new InvalidVideoError({ format: 'ffmpeg', reason: `ffprobe cannot read ${path}: ${stderr.split('\n').pop() ?? `exit ${code}`}` });
  let stream: Record<string, unknown> | undefined;
  try {
    stream = (JSON.parse(stdout) as { streams?: Record<string, unknown>[] }).streams?.[0];
  } catch (cause) {
    throw new InvalidVideoError({ format: 'ffmpeg', reason: `ffprobe gave no readable answer for ${path}`, cause });
  }
  if (stream === undefined) throw new InvalidVideoError({ format: 'ffmpeg', reason: `${path} has no video stream` });
  const width = Number(stream.width);
  const height = Number(stream.height);
  if (!(width > 0 && height > 0)) throw new InvalidVideoError({ format: 'ffmpeg', reason: `${path}: the video stream has no frame size` });
  let frameRate = rate(stream.avg_frame_rate);
  if (!(frameRate > 0 && Number.isFinite(frameRate))) frameRate = rate(stream.r_frame_rate);
  if (!(frameRate > 0 && Number.isFinite(frameRate))) frameRate = 25;
  const frames = Number(stream.nb_frames);
  return { width, height, frameRate, ...(Number.isSafeInteger(frames) && frames > 0 ? { frameCount: frames } : {}) };
}
