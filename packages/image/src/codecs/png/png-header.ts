import { InvalidImageError } from '../../errors/invalid-image-error.js';

/** The IHDR fields of a PNG. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  readonly interlaced: boolean;
  /** Samples per pixel. */
  readonly samples: number;
}

const samplesOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const depthsOf: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Reads and checks an IHDR chunk's data. */
export function readPngHeader(data: Uint8Array): PngHeader {
  if (data.length !== 13) throw new InvalidImageError({ format: 'png', reason: 'IHDR chunk is not 13 bytes' });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = data[8]!;
  const colorType = data[9]!;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    throw new InvalidImageError({ format: 'png', reason: `image size ${width}x${height} has no pixels or is out of range` });
  }
  if (!(colorType in samplesOf) || !depthsOf[colorType]!.includes(bitDepth)) {
    throw new InvalidImageError({ format: 'png', reason: `unsupported colour type ${colorType} with bit depth ${bitDepth}` });
  }
  if (data[10] !== 0 || data[11] !== 0 || data[12]! > 1) {
    throw new InvalidImageError({ format: 'png', reason: 'unknown compression, filter or interlace method' });
  }
  return {
    width,
    height,
    bitDepth: bitDepth as PngHeader['bitDepth'],
    colorType: colorType as PngHeader['colorType'],
    interlaced: data[12] === 1,
    samples: samplesOf[colorType]!,
  };
}
