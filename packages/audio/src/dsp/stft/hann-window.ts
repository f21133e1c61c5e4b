/**
 * The periodic Hann window of `length` (scipy's `get_window('hann', length)`, `fftbins=True`, and
 * torch's `hann_window(length, periodic=True)`): 0.5 − 0.5·cos(2πn/length), rounded to float32 as
 * audiotools stores it.
 */
export function hannWindow(length: number): Float32Array {
  const window = new Float32Array(length);
  for (let n = 0; n < length; n++) window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / length);
  return window;
}
