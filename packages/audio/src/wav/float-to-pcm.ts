/**
 * libsndfile's float → integer PCM rule (what `soundfile.write` stores for a float32 array):
 * `v32 = clip(rint(x · 2^31), -2^31, 2^31 - 1)`, then the top `bits` bits of v32 (an arithmetic
 * shift, i.e. `floor(v32 / 2^(32 - bits))`). Values on the `bits` grid (k / 2^(bits-1)) come back
 * unchanged through `pcmToFloat`, and anything beyond ±1 saturates.
 */
export function floatToPcm(value: number, bits: number): number {
  let scaled = roundHalfEven(value * 2147483648);
  if (scaled > 2147483647) scaled = 2147483647;
  else if (scaled < -2147483648) scaled = -2147483648;
  return Math.floor(scaled / 2 ** (32 - bits));
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
