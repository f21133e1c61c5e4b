// Browser-bundle check of @jointok/image (see CONTRIBUTING.md, "Browser bundle checks"): runs in Node and in
// the Vite and esbuild bundles of the integration tests, which compare the results. Model-free (no ONNX
// Runtime is installed there): the PNG and JPEG decoders (the JPEG one is WebAssembly, loaded lazily),
// Pillow-exact resizing, a recipe and the metrics.
import { createPreprocessor, padToMultiple, psnr, readImage, resize, setJpegDecoderWasm, ssim, writePng, type RgbImage } from '@jointok/image';

/** esbuild does not copy the JPEG decoder's WebAssembly: the app copies it (the harness does) and says where. */
export const esbuildAssets = { 'mozjpeg_dec.wasm': '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm' };

// A 12 x 8 JPEG written by Pillow 9.4 (quality 90) from a deterministic gradient.
const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAIAAwDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDzL4afskf6r/QvT+GvftO/Zts7G1WFrJ5XX7xjQEA+nJ60UV4vEvF2Z8LZRRxGXOKlOfK+ZX05W9NfI5vC/i7N69BxnV6f5eZ//9k=';

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A deterministic 10 x 7 RGB gradient. */
function gradient(): RgbImage {
  const width = 10;
  const height = 7;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set([(i * 37) % 256, (i * 11) % 256, (i * 5) % 256], i * 3);
  return { width, height, channels: 3, data };
}

export default async function check(context: { assetUrl(name: string): URL | undefined }): Promise<Record<string, unknown>> {
  const wasm = context.assetUrl('mozjpeg_dec.wasm');
  if (wasm !== undefined) setJpegDecoderWasm(wasm);
  const png = await readImage(writePng(gradient()));
  const jpeg = await readImage(bytesOf(JPEG));
  const resized = resize(jpeg, { width: 5, height: 3, filter: 'lanczos' });
  const { tensor } = createPreprocessor({ steps: [{ type: 'center-crop-arr', size: 8 }, { type: 'to-tensor', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }] }).run(jpeg);
  const padded = padToMultiple(png, 8, { mode: 'replicate', anchor: 'top-left' });
  return {
    png: png.data,
    jpeg: jpeg.data,
    resized: resized.data,
    tensor: Array.from(tensor.data as Float32Array, (v) => Math.round(v * 1e6)),
    padded: [padded.image.width, padded.image.height, padded.padding],
    psnr: Math.round(psnr(png, { ...png, data: png.data.map((v) => Math.min(255, v + 1)) }) * 1e6),
    ssim: Math.round(ssim(resize(jpeg, { width: 16, height: 12 }), resize(png, { width: 16, height: 12 })) * 1e6),
  };
}
