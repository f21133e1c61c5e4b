import { createImage, type RgbImage } from '@jointok/image';
import { ffmpegYuvCoefficients, type FfmpegYuvCoefficients } from './ffmpeg-coefficients.js';
import type { Y4mChroma } from './y4m-header.js';

/** The three planes of one 8-bit YCbCr frame. */
export interface YcbcrPlanes {
  readonly width: number;
  readonly height: number;
  readonly chroma: Y4mChroma;
  readonly colorRange: 'limited' | 'full';
  /** Y (width × height), then Cb and Cr (`chromaSize` each), row-major. */
  readonly y: Uint8Array;
  readonly cb: Uint8Array;
  readonly cr: Uint8Array;
}

interface Tables {
  readonly luma: Int32Array;
  readonly red: Int32Array;
  readonly greenU: Int32Array;
  readonly greenV: Int32Array;
  readonly blue: Int32Array;
}

const cache = new Map<string, Tables>();

function tables(kind: 'packed' | 'full', range: 'limited' | 'full'): Tables {
  const key = `${kind}/${range}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const c = ffmpegYuvCoefficients(range);
  const t: Tables = { luma: new Int32Array(256), red: new Int32Array(256), greenU: new Int32Array(256), greenV: new Int32Array(256), blue: new Int32Array(256) };
  for (let i = 0; i < 256; i++) {
    if (kind === 'packed') fillPacked(t, i, c);
    else fillFull(t, i, c);
  }
  cache.set(key, t);
  return t;
}

// libswscale/x86/yuv_2_rgb.asm (SSSE3 / MMX): samples << 3, offsets subtracted, then `pmulhw` (the high
// 16 bits of a signed 16 × 16 product, i.e. floor(a · b / 2^16)) by each coefficient.
function fillPacked(t: Tables, i: number, c: FfmpegYuvCoefficients): void {
  const chroma = (i << 3) - 1024;
  t.luma[i] = (((i << 3) - c.yOffset3) * c.y) >> 16;
  t.red[i] = (chroma * c.vr) >> 16;
  t.blue[i] = (chroma * c.ub) >> 16;
  t.greenU[i] = (chroma * c.ug) >> 16;
  t.greenV[i] = (chroma * c.vg) >> 16;
}

// libswscale/output.c `yuv2rgb_write_full` after the 8 → 15-bit input stage (samples << 7) and `* 4`:
// sums in 32-bit unsigned arithmetic, bit 22 and up are the 8-bit result. Terms are stored unwrapped.
function fillFull(t: Tables, i: number, c: FfmpegYuvCoefficients): void {
  const chroma = (i - 128) << 9;
  t.luma[i] = ((i << 9) - c.yOffset9) * c.y + (1 << 21);
  t.red[i] = chroma * c.vr;
  t.blue[i] = chroma * c.ub;
  t.greenU[i] = chroma * c.ug;
  t.greenV[i] = chroma * c.vg;
}

/** `av_clip_uintp2(v, 30) >> 22` of the 32-bit sum: a sum past 2^31 wraps negative and clips to 0, as in C. */
function fullChannel(sum: number): number {
  const wrapped = sum | 0;
  if (wrapped < 0) return 0;
  return wrapped >= 0x40000000 ? 255 : wrapped >> 22;
}

function clamp8(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

/**
 * Converts one YCbCr frame to RGB exactly as `ffmpeg -i clip.y4m -pix_fmt rgb24` does by default
 * (ffmpeg 4.3 – 7 on x86-64, BT.601, limited range unless the file says full):
 *
 * - **4:2:0 and 4:2:2** (even heights): libswscale's unscaled converter, whose SIMD version (SSSE3,
 *   `yuv_2_rgb.asm`) is what runs on any x86-64 CPU. Each chroma sample serves its 2 × 2 (4:2:0) or
 *   2 × 1 (4:2:2) pixels (no interpolation). With Y' = Y·8 − 128, C' = C·8 − 1024:
 *   `R = clip(⌊Y'·9539/2^16⌋ + ⌊Cr'·13075/2^16⌋)`, `G = clip(⌊Y'·9539/2^16⌋ + ⌊Cb'·−3209/2^16⌋ + ⌊Cr'·−6660/2^16⌋)`,
 *   `B = clip(⌊Y'·9539/2^16⌋ + ⌊Cb'·16525/2^16⌋)`. (Its C fallback, used only without SIMD, differs by up to 3.)
 * - **4:4:4**: the full-chroma scaler path: `R = clip30((Y·512 − 8192)·9539 + 2^21 + (Cr − 128)·512·13075) >> 22`
 *   (and likewise with −6660/−3209 and 16525), summed in 32-bit unsigned arithmetic: ffmpeg's sum wraps
 *   for the brightest blues (Y ≳ 240 with Cb ≳ 245), giving B = 0; so does this function.
 *
 * Full range (`XCOLORRANGE=FULL`) uses the same formulas with ffmpeg's full-range coefficients.
 * 4:2:0 / 4:2:2 frames of odd height take another ffmpeg path (vertically interpolated chroma); they are
 * converted here with the unscaled formula, which differs from ffmpeg's there.
 */
export function ycbcrToRgb(planes: YcbcrPlanes, target?: Uint8Array): RgbImage {
  const { width, height, chroma, y, cb, cr } = planes;
  const out = target ?? new Uint8Array(width * height * 3);
  if (chroma === '444') {
    const t = tables('full', planes.colorRange);
    for (let i = 0, o = 0; i < width * height; i++, o += 3) {
      const luma = t.luma[y[i]!]!;
      const u = cb[i]!;
      const v = cr[i]!;
      out[o] = fullChannel(luma + t.red[v]!);
      out[o + 1] = fullChannel(luma + t.greenU[u]! + t.greenV[v]!);
      out[o + 2] = fullChannel(luma + t.blue[u]!);
    }
    return createImage(width, height, 3, out) as RgbImage;
  }
  const t = tables('packed', planes.colorRange);
  const chromaWidth = Math.ceil(width / 2);
  const rowShift = chroma === '420' ? 1 : 0;
  for (let row = 0; row < height; row++) {
    const chromaRow = (row >> rowShift) * chromaWidth;
    let i = row * width;
    let o = i * 3;
    for (let x = 0; x < width; x++, i++, o += 3) {
      const ci = chromaRow + (x >> 1);
      const u = cb[ci]!;
      const v = cr[ci]!;
      const luma = t.luma[y[i]!]!;
      out[o] = clamp8(luma + t.red[v]!);
      out[o + 1] = clamp8(luma + t.greenU[u]! + t.greenV[v]!);
      out[o + 2] = clamp8(luma + t.blue[u]!);
    }
  }
  return createImage(width, height, 3, out) as RgbImage;
}
