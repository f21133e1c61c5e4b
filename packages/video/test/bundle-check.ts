// Browser-bundle check of @jointok/video (see CONTRIBUTING.md, "Browser bundle checks"): runs in Node and in
// the Vite and esbuild bundles of the integration tests, which compare the results. Model-free: Y4M written
// and read back with ffmpeg's colour conversion, temporal windows, and the video metrics.
import { encodeY4m, readVideo, videoPsnr } from '@jointok/video';

/** Five 8 x 6 frames of a moving gradient. */
function frames(): { width: number; height: number; channels: 3; data: Uint8Array }[] {
  return Array.from({ length: 5 }, (_, t) => {
    const data = new Uint8Array(8 * 6 * 3);
    for (let i = 0; i < 8 * 6; i++) data.set([(i * 7 + t * 20) % 256, (i * 3) % 256, (t * 50) % 256], i * 3);
    return { width: 8, height: 6, channels: 3 as const, data };
  });
}

export default async function check(): Promise<Record<string, unknown>> {
  const source = frames();
  const y4m = await encodeY4m(source, { frameRate: 24 });
  const read = [];
  for await (const frame of await readVideo(y4m)) read.push(frame);
  const scores = await videoPsnr(source, read);
  return {
    y4mBytes: y4m.length,
    frames: read.map((f) => [f.index, f.width, f.height]),
    pixels: read[2]!.data,
    psnr: scores.frames.map((p) => Math.round(p * 1e4)),
  };
}
