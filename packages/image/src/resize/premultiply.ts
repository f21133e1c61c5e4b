/**
 * Pillow resizes RGBA (and LA) images premultiplied: `convert('RGBa')` multiplies each colour by
 * alpha with its rounded `MULDIV255`, and `convert('RGBA')` afterwards divides back with integer
 * division, leaving fully opaque and fully transparent pixels untouched. The last channel is alpha.
 */
export function premultiplyAlpha(data: Uint8Array, channels: number): Uint8Array {
  const out = new Uint8Array(data.length);
  const colours = channels - 1;
  for (let i = 0; i < data.length; i += channels) {
    const alpha = data[i + colours]!;
    for (let c = 0; c < colours; c++) {
      const t = data[i + c]! * alpha + 128;
      out[i + c] = ((t >> 8) + t) >> 8;
    }
    out[i + colours] = alpha;
  }
  return out;
}

/** The inverse of {@link premultiplyAlpha} as Pillow computes it (`CLIP8(255 * v / alpha)`). */
export function unpremultiplyAlpha(data: Uint8Array, channels: number): Uint8Array {
  const colours = channels - 1;
  for (let i = 0; i < data.length; i += channels) {
    const alpha = data[i + colours]!;
    if (alpha === 255 || alpha === 0) continue;
    for (let c = 0; c < colours; c++) {
      const v = Math.trunc((255 * data[i + c]!) / alpha);
      data[i + c] = v > 255 ? 255 : v;
    }
  }
  return data;
}
