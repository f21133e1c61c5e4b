import { packPolyphase, type PolyphaseFilter } from './polyphase-filter.js';
import type { ResampleSettings } from './resample-options.js';

const f = Math.fround;
const PI32 = f(Math.PI);

/**
 * julius's `ResampleFrac` filter (what `julius.resample_frac` and descript's audiotools use): a
 * sinc with cutoff `min(old, new) · rolloff` and `zeros` crossings each side under a cos² window,
 * each phase renormalised to sum 1 so that a constant stays constant. The kernel is float32 and
 * every step is rounded in julius's order (its t is scaled by π before the window, unlike
 * torchaudio's). The signal continues beyond its ends with its edge values (`mode='replicate'`);
 * the output has floor(n · new / old) samples (ceil with `full`), the ratio taken in float32 as
 * julius's `torch.as_tensor` does.
 */
export function juliusFilter(old: number, target: number, settings: ResampleSettings): PolyphaseFilter {
  const { lowpassFilterWidth: zeros, rolloff, full } = settings;
  const cutoff = Math.min(old, target) * rolloff;
  const width = Math.ceil((zeros * old) / cutoff);
  const cutoff32 = f(cutoff);
  const taps = 2 * width + old;
  const kernels: Float32Array[] = [];
  const keep: Uint8Array[] = [];
  for (let i = 0; i < target; i++) {
    const kernel = new Float32Array(taps);
    const flags = new Uint8Array(taps);
    const phase = f(-i / target);
    let sum = 0;
    for (let m = 0; m < taps; m++) {
      let t = f(f(phase + f((m - width) / old)) * cutoff32);
      if (t > -zeros && t < zeros) flags[m] = 1;
      t = f(Math.min(Math.max(t, -zeros), zeros) * PI32);
      const c = f(Math.cos(f(f(t / zeros) / 2)));
      const sinc = t === 0 ? 1 : f(f(Math.sin(t)) / t);
      const value = f(sinc * f(c * c));
      kernel[m] = value;
      sum += value;
    }
    const total = f(sum);
    for (let m = 0; m < taps; m++) kernel[m] = f((kernel[m] as number) / total);
    kernels.push(kernel);
    keep.push(flags);
  }
  return packPolyphase(kernels, keep, {
    inputStep: old,
    outputStep: target,
    padding: width,
    edge: 'replicate',
    outputFrames: (frames) => {
      const ratio = f((target * frames) / old);
      return full ? Math.ceil(ratio) : Math.floor(ratio);
    },
  });
}
