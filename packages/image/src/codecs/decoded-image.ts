/**
 * What a codec hands to `readImage`: the pixels Pillow's `convert('RGB')` would give, the alpha
 * that `convert('RGBA')` would add (or `undefined` when every pixel is opaque by construction),
 * and the EXIF orientation tag (1 when absent).
 */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
  readonly alpha: Uint8Array | undefined;
  readonly orientation: number;
}

/** Limits every decoder checks from the header, before allocating pixel memory. */
export interface DecodeLimits {
  /** Largest `width * height` accepted. */
  readonly maxPixels: number;
}
