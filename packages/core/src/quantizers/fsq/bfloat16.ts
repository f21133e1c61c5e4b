// One shared scratch word: converting through it keeps the hot loops allocation-free.
const scratchFloat = new Float32Array(1);
const scratchBits = new Uint32Array(scratchFloat.buffer);

/**
 * Rounds a float32 value to the nearest bfloat16 (ties to even on the top 16 bits), the
 * way `tensor.to(torch.bfloat16)` does, and returns it widened back to a number.
 * NaN stays NaN; values past the bfloat16 range become ±Infinity, as in torch.
 */
export function roundToBfloat16(value: number): number {
  scratchFloat[0] = value;
  const bits = scratchBits[0]!;
  if (value !== value) return Number.NaN;
  // Adding 0x7FFF plus the lowest kept bit rounds half to even; the carry may bump the exponent.
  scratchBits[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000) >>> 0;
  return scratchFloat[0]!;
}

/** Rounds every element of `values` to bfloat16 in place (see {@link roundToBfloat16}). */
export function roundArrayToBfloat16(values: Float32Array): Float32Array {
  for (let i = 0; i < values.length; i++) values[i] = roundToBfloat16(values[i]!);
  return values;
}
