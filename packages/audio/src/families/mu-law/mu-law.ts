import { CodeOutOfRangeError, InvalidArgumentError, NonFiniteValueError } from '@jointok/core';
import { expFloat32 } from '../../dsp/float32/exp-float32.js';

const f = Math.fround;

function checkLevels(quantizationChannels: number): number {
  if (!Number.isInteger(quantizationChannels) || quantizationChannels < 2 || quantizationChannels > 65536) {
    throw new InvalidArgumentError({ argument: 'quantizationChannels', expected: 'an integer from 2 to 65536', received: quantizationChannels });
  }
  return quantizationChannels;
}

/**
 * μ-law companding and quantisation, `torchaudio.functional.mu_law_encoding(x, quantizationChannels)`
 * on a float32 tensor: code = trunc(((sign(x)·log1p(μ|x|)/log1p(μ) + 1) / 2 · μ + 0.5)), μ = Q − 1,
 * every operation rounded to float32 in torch's order. log1p is evaluated in double and rounded
 * (correctly rounded float32); torch's vectorised float32 log1p is within an ulp of that, and over all
 * 2.1 billion float32 inputs in [−1.02, 1.02] the two give a different code for exactly one
 * (x = −0.93659705, where log1p lands within 10^−4 ulp of a rounding midpoint): see the tests.
 *
 * Like torchaudio, inputs beyond ±1 give codes beyond [0, Q): clamp first to stay in range (the
 * tokenizer does). NaN/±Infinity throw `NonFiniteValueError`, inputs whose μ|x| overflows float32
 * `InvalidArgumentError`.
 */
export function muLawEncode(samples: Float32Array, quantizationChannels = 256): Int32Array {
  const mu = f(checkLevels(quantizationChannels) - 1);
  const scale = f(Math.log1p(mu));
  const codes = new Int32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    if (x - x !== 0) throw new NonFiniteValueError({ argument: 'samples', index: i, value: x });
    const magnitude = f(mu * Math.abs(x));
    if (magnitude === Number.POSITIVE_INFINITY) throw new InvalidArgumentError({ argument: `samples[${i}]`, expected: 'a value whose μ·|x| is finite in float32', received: x });
    const companded = x === 0 ? 0 : f(f(Math.log1p(magnitude)) / scale);
    const signed = x < 0 ? -companded : companded;
    codes[i] = Math.trunc(f(f(f(f(signed + 1) / 2) * mu) + 0.5));
  }
  return codes;
}

/**
 * The inverse, `torchaudio.functional.mu_law_decoding(codes, quantizationChannels)`:
 * y = (c / μ)·2 − 1, x = sign(y)·(exp(|y|·log1p(μ)) − 1)/μ, in float32 in torch's order, with exp
 * computed as torch's float32 exp is (`expFloat32`), so every code decodes to torch's float bit for
 * bit. Codes outside [0, Q) throw `CodeOutOfRangeError`.
 */
export function muLawDecode(codes: Int32Array, quantizationChannels = 256): Float32Array {
  const levels = checkLevels(quantizationChannels);
  const mu = f(levels - 1);
  const scale = f(Math.log1p(mu));
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0 || code >= levels) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: code, codebookSize: levels });
    const y = f(f(f(code / mu) * 2) - 1);
    const magnitude = f(expFloat32(f(Math.abs(y) * scale)) - 1);
    out[i] = f((y < 0 ? -magnitude : y > 0 ? magnitude : 0) / mu);
  }
  return out;
}
