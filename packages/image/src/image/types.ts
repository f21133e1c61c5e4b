/**
 * An 8-bit image in row-major HWC order: `data[(y * width + x) * channels + c]`.
 * `channels` is 3 for RGB (what {@link readImage} returns by default) or 4 for RGBA.
 */
export interface Image8 {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  readonly data: Uint8Array;
}

/** An RGB image, HWC, 8 bits per sample: the input of the preprocessing recipes. */
export interface RgbImage extends Image8 {
  readonly channels: 3;
}

/** An RGBA image, HWC, 8 bits per sample, straight (not premultiplied) alpha. */
export interface RgbaImage extends Image8 {
  readonly channels: 4;
}
