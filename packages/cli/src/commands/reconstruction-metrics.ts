import { decodeAudio, melDistance, mixToMono, psnr, readImage, readVideo, resample, siSdr, ssim, videoPsnr, videoSsim, type AudioSignal, type ImageTokenizer, type RgbImage } from 'jointok';

/** Reconstruction quality of one round trip. */
export type Metrics =
  | { readonly modality: 'image'; readonly psnr: number; readonly ssim: number; readonly comparedAt: string }
  | { readonly modality: 'audio'; readonly siSdr: number; readonly melDistance: number; readonly comparedAt: string }
  | { readonly modality: 'video'; readonly psnr: number; readonly ssim: number; readonly frames: number; readonly comparedAt: string }
  | { readonly modality: 'text'; readonly exact: boolean };

/**
 * PSNR and SSIM (Gaussian, Wang et al.) of a reconstruction against what the model saw: the input after
 * the model's own image steps (crop, resize), or the input itself where the model keeps its size.
 */
export async function imageMetrics(input: Uint8Array, reconstruction: RgbImage, tokenizer: unknown): Promise<Metrics> {
  const original = await readImage(input);
  const preprocessor = (tokenizer as Partial<ImageTokenizer>).preprocessor;
  const seen = original.width === reconstruction.width && original.height === reconstruction.height ? original : (preprocessor?.run(original).image ?? original);
  return { modality: 'image', psnr: psnr(seen, reconstruction), ssim: ssim(seen, reconstruction), comparedAt: `${seen.width}x${seen.height}` };
}

function trimmed(audio: AudioSignal, frames: number): AudioSignal {
  return { sampleRate: audio.sampleRate, channels: audio.channels.map((c) => c.subarray(0, frames)) };
}

/** SI-SDR (dB) and DAC's mel distance of a reconstruction against the input, mono at the reconstruction's rate. */
export async function audioMetrics(input: Uint8Array, reconstruction: AudioSignal): Promise<Metrics> {
  const original = await decodeAudio(input);
  const reference = resample(mixToMono(original), reconstruction.sampleRate);
  const estimate = mixToMono(reconstruction);
  const frames = Math.min(reference.channels[0]!.length, estimate.channels[0]!.length);
  const a = trimmed(reference, frames);
  const b = trimmed(estimate, frames);
  return { modality: 'audio', siSdr: siSdr(a, b), melDistance: melDistance(b, a), comparedAt: `mono ${reconstruction.sampleRate} Hz` };
}

/**
 * Mean PSNR and SSIM over the frames of a reconstructed clip against what the model saw: each input frame
 * as read, after the image model's own steps (crop, resize) where the reconstruction's size differs.
 */
export async function videoMetrics(input: Uint8Array, reconstruction: readonly RgbImage[], imageTokenizer: unknown): Promise<Metrics> {
  const preprocessor = (imageTokenizer as Partial<ImageTokenizer> | undefined)?.preprocessor;
  const size = reconstruction[0];
  const original: RgbImage[] = [];
  for await (const frame of await readVideo(input)) {
    const same = size === undefined || (frame.width === size.width && frame.height === size.height);
    original.push(same ? frame : ((preprocessor?.run(frame).image as RgbImage | undefined) ?? frame));
  }
  const frames = Math.min(original.length, reconstruction.length);
  const reference = original.slice(0, frames);
  const test = reconstruction.slice(0, frames);
  const [p, s] = [await videoPsnr(reference, test), await videoSsim(reference, test)];
  const first = reference[0]!;
  return { modality: 'video', psnr: p.mean, ssim: s.mean, frames, comparedAt: `${frames} frames of ${first.width}x${first.height}` };
}
