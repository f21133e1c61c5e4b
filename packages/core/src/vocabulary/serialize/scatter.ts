import type { Interleave } from '../compile/body-plan.js';

/** Block row-major codes → serial (sequence-order) codes for an interleaved body; inverse of `gatherInterleaved`. */
export function scatterInterleaved(codes: Int32Array, units: number, interleave: Interleave): Int32Array {
  const { rates, stream, sub } = interleave;
  const starts = new Int32Array(rates.length);
  for (let s = 1; s < rates.length; s++) starts[s] = (starts[s - 1] as number) + units * (rates[s - 1] as number);
  const positions = stream.length;
  const serial = new Int32Array(codes.length);
  for (let p = 0; p < positions; p++) {
    const s = stream[p] as number;
    const rate = rates[s] as number;
    let source = (starts[s] as number) + (sub[p] as number);
    for (let u = 0, k = p; u < units; u++, k += positions, source += rate) serial[k] = codes[source] as number;
  }
  return serial;
}
