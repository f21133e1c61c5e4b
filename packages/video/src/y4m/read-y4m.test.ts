// The Y4M reader against ffmpeg: every committed clip (tools/fixtures/video/make_video_clips.py) decodes to
// the bytes `ffmpeg -i clip.y4m -pix_fmt rgb24` gives, whatever the chunking of the stream.
import { describe, expect, it } from 'vitest';
import { chunked, clipFixtures, collect, readFixture } from '../testing/fixtures.js';
import { readY4m, singleChunk } from './read-y4m.js';

const clips = clipFixtures();

describe('readY4m: ffmpeg default YCbCr → RGB', () => {
  it('covers 4:2:0, 4:2:2, 4:4:4, both ranges, photos and noise', () => {
    expect(new Set(clips.map((c) => `${c.chroma}/${c.colorRange}`))).toEqual(new Set(['420/limited', '422/limited', '444/limited', '420/full', '444/full']));
    expect(clips.filter((c) => c.kind === 'noise').length).toBeGreaterThanOrEqual(4);
  });

  it.each(clips.map((c) => [c.name, c] as const))('%s equals ffmpeg rgb24 byte for byte', async (_, clip) => {
    const expected = readFixture(`clips/${clip.rgb24}`);
    const stream = await readY4m(chunked(readFixture(`clips/${clip.y4m}`), 777));
    expect(stream.info).toMatchObject({ width: clip.width, height: clip.height, chroma: clip.chroma, colorRange: clip.colorRange, format: 'y4m' });
    const frames = await collect(stream);
    expect(frames.length).toBe(clip.frames);
    const size = clip.width * clip.height * 3;
    frames.forEach((frame, i) => {
      expect(frame.index).toBe(i);
      expect(frame.channels).toBe(3);
      const want = expected.subarray(i * size, (i + 1) * size);
      let differing = 0;
      for (let j = 0; j < size; j++) if (frame.data[j] !== want[j]) differing++;
      expect(differing).toBe(0);
    });
  });

  it('selects frames by start, end, maxFrames and fps', async () => {
    const bytes = readFixture('clips/pan-chelsea-420.y4m'); // 20 frames at 8 fps
    const indices = async (options: Parameters<typeof readY4m>[1]) => (await collect(await readY4m(singleChunk(bytes), options))).map((f) => f.index);
    expect(await indices({ start: 0.5, end: 1 })).toEqual([4, 5, 6, 7]);
    expect(await indices({ maxFrames: 3 })).toEqual([0, 1, 2]);
    expect(await indices({ fps: 4 })).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(await indices({ fps: 3, end: 2 })).toEqual([0, 3, 5, 8, 11, 13]);
    // Above the source rate frames repeat; the stream says the new rate.
    const fast = await readY4m(singleChunk(bytes), { fps: 16, maxFrames: 5 });
    expect(fast.info.frameRate).toBe(16);
    expect((await collect(fast)).map((f) => f.index)).toEqual([0, 1, 1, 2, 2]);
    const timestamps = (await collect(await readY4m(singleChunk(bytes), { start: 2 }))).map((f) => f.timestamp);
    expect(timestamps).toEqual([2, 2.125, 2.25, 2.375]);
  });

  it('stops reading the source when the loop breaks', async () => {
    let pulled = 0;
    async function* counting() {
      for await (const chunk of chunked(readFixture('clips/pan-chelsea-420.y4m'), 1000)) {
        pulled++;
        yield chunk;
      }
    }
    const stream = await readY4m(counting());
    for await (const frame of stream) if (frame.index === 1) break;
    expect(pulled).toBeLessThan(8);
    await stream.close();
  });
});
