import { defineFuzzTarget, fuzzAssert, mutatedFile } from '@jointok/core/fuzz';
import fc from 'fast-check';
import { readImage } from '../codecs/read-image.node.js';
import { imageFormat } from './image-formats.js';

/** What `image/png-jpeg` feeds to `readImage`. */
export interface ReadImageInput {
  readonly bytes: Uint8Array;
  readonly alpha: 'keep' | 'drop';
}

/** Pixel limit of the fuzzed reads: large enough for every seed, small enough that a lying header is refused. */
const MAX_PIXELS = 1 << 20;

/**
 * `image/png-jpeg`: mutated real PNG and JPEG files (every decoder path: bit depths, palettes, Adam7,
 * 16-bit, baseline, progressive, restart markers, CMYK, EXIF orientation) through `readImage`, with
 * chunks duplicated, dropped, swapped, lengths lied about and PNG CRCs repaired. An accepted file must
 * give a well-formed image: `width × height × channels` bytes within the pixel limit.
 */
export function readImageTarget(seeds: readonly Uint8Array[]) {
  const input: fc.Arbitrary<ReadImageInput> = fc.record({ bytes: mutatedFile(seeds, { format: imageFormat, head: 256 }), alpha: fc.constantFrom('keep' as const, 'drop' as const) });
  return defineFuzzTarget<ReadImageInput>({
    name: 'image/png-jpeg',
    description: 'PNG and JPEG bytes → readImage',
    input,
    budget: { allocationBytes: 32 << 20 },
    async run(input) {
      const image = await readImage(input.bytes, { maxPixels: MAX_PIXELS, alpha: input.alpha } as { maxPixels: number; alpha: 'keep' });
      const channels = input.alpha === 'keep' ? 4 : 3;
      fuzzAssert(Number.isInteger(image.width) && Number.isInteger(image.height) && image.width > 0 && image.height > 0 && image.width * image.height <= MAX_PIXELS, () => `an image of ${image.width} × ${image.height}`);
      fuzzAssert(image.data.length === image.width * image.height * channels, () => `${image.data.length} bytes for ${image.width} × ${image.height} × ${channels}`);
    },
  });
}
