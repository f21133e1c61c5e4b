/**
 * Pillow's NEAREST resize: an affine map sampled at pixel centres (`ImagingScaleAffine`). The
 * source position starts at `box0 + step / 2` and advances by repeated addition of `step`, then is
 * truncated; positions outside the image leave zero pixels, as in Pillow.
 */
export function resizeNearest(
  input: Uint8Array,
  inWidth: number,
  inHeight: number,
  channels: number,
  outWidth: number,
  outHeight: number,
  box: readonly [number, number, number, number],
): Uint8Array {
  const stepX = Math.fround(box[2] - box[0]) / outWidth;
  const stepY = Math.fround(box[3] - box[1]) / outHeight;
  const columns = new Int32Array(outWidth).fill(-1);
  let position = box[0] + stepX * 0.5;
  for (let x = 0; x < outWidth; x++) {
    const column = coordinate(position);
    if (column < inWidth) columns[x] = column;
    position += stepX;
  }
  const out = new Uint8Array(outWidth * outHeight * channels);
  position = box[1] + stepY * 0.5;
  for (let y = 0; y < outHeight; y++) {
    const row = coordinate(position);
    position += stepY;
    if (row < 0 || row >= inHeight) continue;
    const rowStart = row * inWidth * channels;
    let o = y * outWidth * channels;
    for (let x = 0; x < outWidth; x++, o += channels) {
      const column = columns[x]!;
      if (column < 0) continue;
      const p = rowStart + column * channels;
      for (let c = 0; c < channels; c++) out[o + c] = input[p + c]!;
    }
  }
  return out;
}

/** Pillow's `COORD`: -1 for negative positions, truncation otherwise. */
function coordinate(value: number): number {
  return value < 0 ? -1 : Math.trunc(value);
}
