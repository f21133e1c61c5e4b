import { besselI0 } from './bessel-i0.js';
import { packPolyphase, type PolyphaseFilter } from './polyphase-filter.js';
import type { ResampleSettings } from './resample-options.js';

const f = Math.fround;
const PI32 = f(Math.PI);

/**
 * torchaudio's resampling filter (`_get_sinc_resample_kernel` of torchaudio 0.13, as
 * `torchaudio.functional.resample` builds it for a float32 waveform): a sinc with cutoff
 * `min(orig, new) · rolloff`, `lowpassFilterWidth` zero crossings each side, under a Hann
 * (cos²) or Kaiser window, sampled at the `new` phases. Every step is rounded to float32 in the
 * reference's order (Math.fround), since torchaudio computes the kernel in the waveform's dtype;
 * sin/cos/i0 are evaluated in double and rounded (torch's float32 versions are within an ulp).
 * Outputs: ceil(n · new / orig) samples; the signal is zero beyond its ends.
 *
 * With `kernelPrecision: 'float64'` the kernel is built as `torchaudio.transforms.Resample` builds it
 * (its `dtype=None`: double arithmetic, then one rounding to float32).
 */
export function torchaudioFilter(orig: number, target: number, settings: ResampleSettings): PolyphaseFilter {
  const { lowpassFilterWidth: lpw, rolloff, method, beta, kernelPrecision } = settings;
  const baseFrequency = Math.min(orig, target) * rolloff;
  const width = Math.ceil((lpw * orig) / baseFrequency);
  const base32 = f(baseFrequency);
  const scale32 = f(baseFrequency / orig);
  const taps = 2 * width + orig;
  const i0Beta = f(besselI0(f(beta)));
  const kernels: Float32Array[] = [];
  const keep: Uint8Array[] = [];
  for (let j = 0; j < target; j++) {
    const kernel = new Float32Array(taps);
    const flags = new Uint8Array(taps);
    const phase = f(-j / target);
    if (kernelPrecision === 'float64') {
      float64Phase(kernel, flags, phase, orig, width, baseFrequency, settings);
      kernels.push(kernel);
      keep.push(flags);
      continue;
    }
    for (let m = 0; m < taps; m++) {
      let t = f(f(phase + f((m - width) / orig)) * base32);
      if (t > -lpw && t < lpw) flags[m] = 1;
      t = Math.min(Math.max(t, -lpw), lpw);
      let window: number;
      if (method === 'sinc-kaiser') {
        const ratio = f(t / lpw);
        const root = f(Math.sqrt(f(1 - f(ratio * ratio))));
        window = f(f(besselI0(f(f(beta) * root))) / i0Beta);
      } else {
        const c = f(Math.cos(f(f(f(t * PI32) / lpw) / 2)));
        window = f(c * c);
      }
      const angle = f(t * PI32);
      const sinc = angle === 0 ? 1 : f(f(Math.sin(angle)) / angle);
      kernel[m] = f(sinc * f(window * scale32));
    }
    kernels.push(kernel);
    keep.push(flags);
  }
  return packPolyphase(kernels, keep, {
    inputStep: orig,
    outputStep: target,
    padding: width,
    edge: 'zero',
    outputFrames: (frames) => Math.ceil((target * frames) / orig),
  });
}

/**
 * One phase of `transforms.Resample`'s kernel: the phase offset -j/new is a float32 (an int64 arange
 * divided in the default dtype), everything after it double, rounded once at the end; β is a float32
 * tensor there too.
 */
function float64Phase(kernel: Float32Array, flags: Uint8Array, phase: number, orig: number, width: number, baseFrequency: number, settings: ResampleSettings): void {
  const { lowpassFilterWidth: lpw, method, beta } = settings;
  const beta32 = f(beta);
  const i0Beta = besselI0(beta32);
  const scale = baseFrequency / orig;
  for (let m = 0; m < kernel.length; m++) {
    let t = (phase + (m - width) / orig) * baseFrequency;
    if (t > -lpw && t < lpw) flags[m] = 1;
    t = Math.min(Math.max(t, -lpw), lpw);
    let window: number;
    if (method === 'sinc-kaiser') {
      const ratio = t / lpw;
      window = besselI0(beta32 * Math.sqrt(1 - ratio * ratio)) / i0Beta;
    } else {
      const c = Math.cos((t * Math.PI) / lpw / 2);
      window = c * c;
    }
    const angle = t * Math.PI;
    const sinc = angle === 0 ? 1 : Math.sin(angle) / angle;
    kernel[m] = sinc * (window * scale);
  }
}
