import type { AudioSignal } from '../signal/audio-signal.js';
import { checkPair } from './check-pair.js';

/** Options of {@link siSdr}. */
export interface SiSdrOptions {
  /** Scale-invariant (default true); false gives the plain signal-to-noise ratio. */
  scaling?: boolean;
  /** Remove each signal's mean first (default true). */
  zeroMean?: boolean;
}

const EPS = 1e-8;

/**
 * Scale-invariant signal-to-distortion ratio in dB (higher is better), as descript-audio-codec's
 * `SISDRLoss` computes it (negated: the loss is −SI-SDR): all channels are joined into one vector,
 * means removed, the reference scaled by ⟨e, r⟩/⟨r, r⟩ (each sum + 1e-8), and
 * 10·log10(‖αr‖² / ‖e − αr‖² + 1e-8). Double precision (the reference: float32).
 */
export function siSdr(reference: AudioSignal, estimate: AudioSignal, options: SiSdrOptions = {}): number {
  checkPair(estimate, reference);
  const { scaling = true, zeroMean = true } = options;
  const total = reference.channels.length * reference.channels[0]!.length;
  let referenceMean = 0;
  let estimateMean = 0;
  if (zeroMean) {
    for (const channel of reference.channels) for (const v of channel) referenceMean += v;
    for (const channel of estimate.channels) for (const v of channel) estimateMean += v;
    referenceMean /= total;
    estimateMean /= total;
  }
  let projection = 0;
  let cross = 0;
  reference.channels.forEach((channel, c) => {
    const other = estimate.channels[c]!;
    for (let i = 0; i < channel.length; i++) {
      const r = channel[i]! - referenceMean;
      projection += r * r;
      cross += (other[i]! - estimateMean) * r;
    }
  });
  const scale = scaling ? (cross + EPS) / (projection + EPS) : 1;
  let signal = 0;
  let noise = 0;
  reference.channels.forEach((channel, c) => {
    const other = estimate.channels[c]!;
    for (let i = 0; i < channel.length; i++) {
      const target = scale * (channel[i]! - referenceMean);
      const residual = other[i]! - estimateMean - target;
      signal += target * target;
      noise += residual * residual;
    }
  });
  return 10 * Math.log10(signal / noise + EPS);
}
