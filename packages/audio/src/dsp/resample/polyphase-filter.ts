/**
 * A rational resampler as a bank of FIR filters, the form torchaudio and julius share: after
 * dividing both rates by their gcd (`inputStep` = orig, `outputStep` = new), output sample
 * `k * outputStep + j` is `Σ_m taps_j[m] · x[k * inputStep + m - padding]` over phase `j`'s taps.
 * Each phase keeps only its span of nonzero taps (`start[j]`, `length[j]`, into `taps` at
 * `offset[j]`).
 */
export interface PolyphaseFilter {
  readonly inputStep: number;
  readonly outputStep: number;
  /** Input samples padded on the left (the reference's `width`). */
  readonly padding: number;
  /** How the signal continues beyond its ends: zeros (torchaudio) or its edge samples (julius). */
  readonly edge: 'zero' | 'replicate';
  /** Per phase: first tap position m (relative to k * inputStep - padding). */
  readonly start: Int32Array;
  /** Per phase: number of taps kept. */
  readonly length: Int32Array;
  /** Per phase: where its taps begin in `taps`. */
  readonly offset: Int32Array;
  /** All phases' taps, float32 as the references hold them. */
  readonly taps: Float32Array;
  /** Output length for an input of `frames` samples. */
  outputFrames(frames: number): number;
}

/**
 * Packs full-width phase kernels (`kernels[j][m]`, m in [0, fullWidth)) into a `PolyphaseFilter`,
 * keeping for each phase the span between its first and last tap flagged in `keep` (the
 * references' taps outside the window's support are clamped to the window edge, where the window
 * is ~1e-15 and the sinc ~1e-7: they add < 1e-20 per sample and are dropped).
 */
export function packPolyphase(
  kernels: readonly Float32Array[],
  keep: readonly Uint8Array[],
  settings: Pick<PolyphaseFilter, 'inputStep' | 'outputStep' | 'padding' | 'edge' | 'outputFrames'>,
): PolyphaseFilter {
  const phases = kernels.length;
  const start = new Int32Array(phases);
  const length = new Int32Array(phases);
  const offset = new Int32Array(phases);
  let total = 0;
  for (let j = 0; j < phases; j++) {
    const flags = keep[j] as Uint8Array;
    let first = flags.indexOf(1);
    let last = flags.lastIndexOf(1);
    if (first < 0) first = last = 0;
    start[j] = first;
    length[j] = last - first + 1;
    offset[j] = total;
    total += last - first + 1;
  }
  const taps = new Float32Array(total);
  for (let j = 0; j < phases; j++) taps.set((kernels[j] as Float32Array).subarray(start[j], (start[j] as number) + (length[j] as number)), offset[j]);
  return { ...settings, start, length, offset, taps };
}
