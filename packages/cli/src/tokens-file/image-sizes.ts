import { crop as cropRegion, type ContentPart, type RgbImage, type TokenBlock } from 'jointok';

/**
 * The region of a decoded image that was the input: ids carry only the token grid, so an image padded to a
 * multiple of the model's stride decodes at the padded size. `encode` records this beside each image part
 * (and each video part, for its frames) and `decode` crops back to it.
 */
export interface RecordedCrop {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

function cropOf(meta: unknown): RecordedCrop | undefined {
  const padding = (meta as { padding?: Partial<RecordedCrop> } | undefined)?.padding;
  if (padding === undefined) return undefined;
  const { top, left, width, height } = padding;
  return [top, left, width, height].every((v) => Number.isSafeInteger(v) && v! >= 0) ? { top: top!, left: left!, width: width!, height: height! } : undefined;
}

/** The crop of each media block, in block order (`undefined` where nothing was padded). */
export function cropsOfBlocks(blocks: readonly TokenBlock<string>[]): (RecordedCrop | undefined)[] {
  return blocks
    .filter((b) => b.modality === 'image' || b.modality === 'video')
    .map((b) => cropOf(b.modality === 'image' ? b.meta : (b.meta as { frameMeta?: unknown }).frameMeta));
}

/**
 * Crops decoded image parts (and every frame of video parts) back to the regions recorded at encoding, taken
 * in order from the media entries of `recorded` that carry a crop; a part whose size does not fit its crop is
 * left as decoded.
 */
export function restoreSizes(parts: readonly ContentPart[], recorded: readonly { readonly modality: string; readonly crop?: RecordedCrop }[]): ContentPart[] {
  const queue = recorded.filter((p) => p.modality === 'image' || p.modality === 'video');
  const fits = (image: RgbImage, crop: RecordedCrop) => crop.left + crop.width <= image.width && crop.top + crop.height <= image.height;
  const cropImage = (image: RgbImage, crop: RecordedCrop) => (fits(image, crop) ? cropRegion(image, crop) : image);
  return parts.map((part) => {
    if (part.type !== 'image' && part.type !== 'video') return part;
    const crop = queue.shift()?.crop;
    if (crop === undefined) return part;
    if (part.type === 'image') return { ...part, image: cropImage((part as { image: RgbImage }).image, crop) };
    return { ...part, video: (part as { video: RgbImage[] }).video.map((frame) => cropImage(frame, crop)) };
  });
}
