import { UnsupportedError } from '@jointok/core';
import { InvalidVideoError } from '../errors/invalid-video-error.js';

/** The chroma layouts this package reads and writes (8 bits per sample). */
export type Y4mChroma = '420' | '422' | '444';

/** A Y4M stream header (`YUV4MPEG2 W.. H.. F..:.. I. A..:.. C... X...`). */
export interface Y4mHeader {
  readonly width: number;
  readonly height: number;
  /** Frame rate as the rational the file gives (`F30000:1001`). */
  readonly frameRate: { readonly numerator: number; readonly denominator: number };
  readonly chroma: Y4mChroma;
  /** `XCOLORRANGE=FULL` gives `'full'`; anything else (or nothing) is limited range, as ffmpeg reads it. */
  readonly colorRange: 'limited' | 'full';
  /** The `I` tag (`p`, `t`, `b`, `m`); frames are converted as progressive whatever it says, as ffmpeg does. */
  readonly interlacing: string;
}

/** The longest header line accepted (real headers are under 100 bytes). */
export const MAX_Y4M_HEADER = 4096;
const MAGIC = 'YUV4MPEG2';
// 'C' values of 8-bit 4:2:0 (differing only in chroma siting, which ffmpeg's conversion ignores).
const CHROMA: Readonly<Record<string, Y4mChroma>> = { '420': '420', '420jpeg': '420', '420paldv': '420', '420mpeg2': '420', '422': '422', '444': '444' };

function dimension(value: string, tag: string): number {
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number > 0)) throw new InvalidVideoError({ format: 'y4m', reason: `header tag ${tag}${value} is not a positive integer` });
  return number;
}

function rational(value: string, tag: string): { numerator: number; denominator: number } {
  const match = /^(\d{1,10}):(\d{1,10})$/.exec(value);
  if (match === null) throw new InvalidVideoError({ format: 'y4m', reason: `header tag ${tag}${value} is not a ratio n:d` });
  return { numerator: Number(match[1]), denominator: Number(match[2]) };
}

/**
 * Parses the header line (without its `\n`). Unknown tags are ignored, as the format allows; a frame
 * rate of `0:0` or none reads as 25 fps (ffmpeg's fallback).
 *
 * @throws InvalidVideoError for a line that is not a Y4M header or has a malformed W, H, F
 * @throws UnsupportedError for chroma layouts other than 8-bit 4:2:0, 4:2:2, 4:4:4
 */
export function parseY4mHeader(line: Uint8Array): Y4mHeader {
  const text = new TextDecoder('latin1').decode(line);
  const fields = text.split(' ');
  if (fields[0] !== MAGIC) throw new InvalidVideoError({ format: 'y4m', reason: `the stream does not start with "${MAGIC} "`, byteOffset: 0 });
  let width: number | undefined;
  let height: number | undefined;
  let frameRate = { numerator: 25, denominator: 1 };
  let chroma: Y4mChroma = '420';
  let colorRange: 'limited' | 'full' = 'limited';
  let interlacing = 'p';
  for (const field of fields.slice(1)) {
    if (field === '') continue;
    const tag = field[0]!;
    const value = field.slice(1);
    if (tag === 'W') width = dimension(value, tag);
    else if (tag === 'H') height = dimension(value, tag);
    else if (tag === 'F') {
      const rate = rational(value, tag);
      if (rate.numerator > 0 && rate.denominator > 0) frameRate = rate;
    } else if (tag === 'I') interlacing = value;
    else if (tag === 'C') {
      const known = CHROMA[value];
      if (known === undefined) throw new UnsupportedError({ feature: `Y4M colour space C${value}`, supported: Object.keys(CHROMA).map((c) => `C${c}`) });
      chroma = known;
    } else if (tag === 'X' && value.startsWith('COLORRANGE=')) colorRange = value === 'COLORRANGE=FULL' ? 'full' : 'limited';
  }
  if (width === undefined || height === undefined) throw new InvalidVideoError({ format: 'y4m', reason: 'the header lacks the W (width) or H (height) tag' });
  return { width, height, frameRate, chroma, colorRange, interlacing };
}

/** Chroma plane size of a layout (odd sizes round up, as ffmpeg lays the planes out). */
export function chromaSize(header: Pick<Y4mHeader, 'width' | 'height' | 'chroma'>): { width: number; height: number } {
  const { width, height, chroma } = header;
  if (chroma === '444') return { width, height };
  return { width: Math.ceil(width / 2), height: chroma === '420' ? Math.ceil(height / 2) : height };
}

/** Bytes of one frame's planes (Y, then Cb, then Cr). */
export function frameBytes(header: Pick<Y4mHeader, 'width' | 'height' | 'chroma'>): number {
  const c = chromaSize(header);
  return header.width * header.height + 2 * c.width * c.height;
}

/** The header line of a stream, with its `\n`. */
export function formatY4mHeader(header: Omit<Y4mHeader, 'interlacing'> & { interlacing?: string }): string {
  const range = header.colorRange === 'full' ? ' XCOLORRANGE=FULL' : '';
  const chroma = header.chroma === '420' ? '420jpeg' : header.chroma;
  return `${MAGIC} W${header.width} H${header.height} F${header.frameRate.numerator}:${header.frameRate.denominator} I${header.interlacing ?? 'p'} A1:1 C${chroma}${range}\n`;
}
