// Node's readVideo / writeVideo: Y4M files streamed from disk, folders of frames, containers through the
// ffmpeg binary (Debian's ffmpeg package; CI installs it), and the typed errors of bad input.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JointokError, ShapeMismatchError } from '@jointok/core';
import { createImage, writePng, type RgbImage } from '@jointok/image';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { MissingProgramError } from '../errors/missing-program-error.js';
import { readFfmpeg } from '../ffmpeg/read-ffmpeg.node.js';
import { videoPsnr } from '../metrics/video-metrics.js';
import { collect, fixturePath, readFixture } from '../testing/fixtures.js';
import { writeVideo } from '../write/write-video.node.js';
import { readY4m, singleChunk } from '../y4m/read-y4m.js';
import { readVideo } from './read-video.node.js';

let folder: string;
let frames: RgbImage[];
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jointok-video-'));
  frames = await collect(await readY4m(singleChunk(readFixture('clips/pan-chelsea-420.y4m')), { maxFrames: 8 }));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readVideo (Node)', () => {
  it('streams a .y4m path and equals ffmpeg reading the same file', async () => {
    const path = fixturePath('clips/zoom-coffee-422.y4m');
    const ours = await collect(await readVideo(path));
    const theirs = await readFfmpeg(path);
    expect(theirs.info).toMatchObject({ width: 47, height: 32, format: 'ffmpeg' });
    const viaFfmpeg = await collect(theirs);
    expect(viaFfmpeg.length).toBe(ours.length);
    ours.forEach((frame, i) => expect(Buffer.compare(Buffer.from(frame.data), Buffer.from(viaFfmpeg[i]!.data))).toBe(0));
  });

  it('reads a folder of PNG frames in numeric order, with selection', async () => {
    const dir = join(folder, 'frames');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    for (const [i, frame] of frames.entries()) await writeFile(join(dir, `f${i + 1}.png`), writePng(frame));
    const stream = await readVideo(dir, { frameRate: 8, start: 0.25, maxFrames: 4 });
    expect(stream.info).toMatchObject({ format: 'image-sequence', width: 48, height: 32, frameRate: 8 });
    const read = await collect(stream);
    expect(read.map((f) => f.index)).toEqual([2, 3, 4, 5]);
    read.forEach((f) => expect(Buffer.compare(Buffer.from(f.data), Buffer.from(frames[f.index]!.data))).toBe(0));
  });

  it('writes Y4M that ffmpeg reads back, and MP4 / WebM through ffmpeg', async () => {
    const y4m = join(folder, 'out.y4m');
    await writeVideo(y4m, frames, { frameRate: 8, chroma: '444' });
    const back = await collect(await readFfmpeg(y4m));
    expect(back.length).toBe(frames.length);
    expect((await videoPsnr(frames, back)).mean).toBeGreaterThan(40);
    for (const name of ['out.mp4', 'out.webm']) {
      await writeVideo(join(folder, name), frames, { frameRate: 8, ...(name.endsWith('.webm') ? { outputArguments: ['-deadline', 'realtime', '-cpu-used', '8'] } : {}) });
      const stream = await readVideo(join(folder, name), { fps: 4 });
      expect(stream.info).toMatchObject({ width: 48, height: 32, frameRate: 4, sourceFrameRate: 8 });
      const decoded = await collect(stream);
      expect(decoded.length).toBe(4);
      expect((await videoPsnr(frames.filter((_, i) => i % 2 === 0), decoded)).mean).toBeGreaterThan(28);
    }
    expect((await readdir(folder)).filter((n) => n.includes('.partial-'))).toEqual([]);
  });
});

describe('bad input (Node)', () => {
  it('names the package to install when ffmpeg is missing', async () => {
    const missing = { ffmpegPath: join(folder, 'no-such-ffmpeg') };
    const error = await readVideo(join(folder, 'out.mp4'), missing).catch((e: unknown) => e);
    expect(MissingProgramError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'missing-program', program: join(folder, 'no-such-ffprobe'), packageName: 'ffmpeg' });
    expect(String((error as Error).message)).toMatch(/apt-get install ffmpeg/);
    await expect(writeVideo(join(folder, 'never.mp4'), frames, missing)).rejects.toThrow(MissingProgramError);
    expect((await readdir(folder)).filter((n) => n.startsWith('never'))).toEqual([]);
  });

  it('turns corrupt and truncated containers into InvalidVideoError', async () => {
    const garbage = join(folder, 'garbage.mp4');
    await writeFile(garbage, Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    await expect(readVideo(garbage)).rejects.toThrow(InvalidVideoError);
    const whole = await import('node:fs/promises').then((fs) => fs.readFile(join(folder, 'out.webm')));
    const cut = join(folder, 'cut.webm');
    await writeFile(cut, whole.subarray(0, 300));
    const error = await readVideo(cut).then(collect).catch((e: unknown) => e);
    expect(InvalidVideoError.isInstance(error)).toBe(true);
    await expect(readVideo(join(folder, 'absent.mp4'))).rejects.toThrow(InvalidVideoError);
  });

  it('refuses frames of different sizes, in a folder and when writing', async () => {
    const dir = join(folder, 'mixed');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await writeFile(join(dir, '1.png'), writePng(frames[0]!));
    await writeFile(join(dir, '2.png'), writePng(createImage(20, 10, 3)));
    const error = await readVideo(dir).then(collect).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-video', frameIndex: 1 });
    await expect(writeVideo(join(folder, 'mixed.y4m'), [frames[0]!, createImage(20, 10, 3)])).rejects.toThrow(ShapeMismatchError);
    await expect(writeVideo(join(folder, 'mixed.mp4'), [frames[0]!, createImage(20, 10, 3)])).rejects.toThrow(ShapeMismatchError);
    expect((await readdir(folder)).filter((n) => n.startsWith('mixed.'))).toEqual([]);
    expect(JointokError.isInstance(error)).toBe(true);
  });
});
