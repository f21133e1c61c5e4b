/**
 * The fixed-point YCbCr → RGB coefficients that ffmpeg's libswscale derives (`ff_yuv2rgb_c_init_tables`,
 * ffmpeg 4.3 to 7) for its default colour conversion: the BT.601 matrix (`SWS_CS_DEFAULT`, the inverse
 * table `{104597, 132201, 25675, 53279}` in 1/65536 units), default contrast, saturation and brightness,
 * limited ("MPEG") or full ("JPEG") range. Integer arithmetic is C's: division truncates toward zero,
 * `roundToInt16(f) = (f + 2^15) >> 16` clamped to int16.
 */
export interface FfmpegYuvCoefficients {
  /** 16-bit multipliers of the packed converters (`yCoeff`, `vrCoeff`, `ubCoeff`, `vgCoeff`, `ugCoeff`). */
  readonly y: number;
  readonly vr: number;
  readonly ub: number;
  readonly vg: number;
  readonly ug: number;
  /** `yOffset`: luma offset in 1/8 units (16·8 = 128 in limited range, 0 in full). */
  readonly yOffset3: number;
  /** `yuv2rgb_y_offset`: luma offset in 1/512 units, for the full-chroma output path. */
  readonly yOffset9: number;
}

const BT601 = [104597, 132201, 25675, 53279] as const;

function roundToInt16(value: number): number {
  const r = Math.floor((value + 32768) / 65536);
  return Math.max(-0x8000, Math.min(0x7fff, r));
}

/** ffmpeg's coefficients for BT.601 in the given range. */
export function ffmpegYuvCoefficients(range: 'limited' | 'full'): FfmpegYuvCoefficients {
  let crv: number = BT601[0];
  let cbu: number = BT601[1];
  let cgu: number = -BT601[2];
  let cgv: number = -BT601[3];
  let cy = 65536;
  let oy = 0;
  if (range === 'limited') {
    cy = Math.trunc((cy * 255) / 219);
    oy = 16 * 65536;
  } else {
    crv = Math.trunc((crv * 224) / 255);
    cbu = Math.trunc((cbu * 224) / 255);
    cgu = Math.trunc((cgu * 224) / 255);
    cgv = Math.trunc((cgv * 224) / 255);
  }
  // contrast = saturation = 1 << 16 and brightness = 0 leave cy, crv, ... and oy as they are.
  return {
    y: roundToInt16(cy * 8192),
    vr: roundToInt16(crv * 8192),
    ub: roundToInt16(cbu * 8192),
    vg: roundToInt16(cgv * 8192),
    ug: roundToInt16(cgu * 8192),
    yOffset3: roundToInt16(oy * 8),
    yOffset9: roundToInt16(oy * 512),
  };
}
