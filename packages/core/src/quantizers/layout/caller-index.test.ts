import { describe, expect, it } from 'vitest';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec } from '../quantizer.js';

// Channel-first [B=1, C=4, H=2, W=3]: the kernels see a channel-last copy, where caller index 17
// (channel 2, h 1, w 2) sits at flat index 5 * 4 + 2 = 22. The error must name 17.
const dims = [1, 4, 2, 3];
const latents = (index: number, value: number): Tensor<'float32'> => {
  const data = Float32Array.from({ length: 24 }, (_, i) => ((i * 7) % 11) / 11 - 0.5);
  data[index] = value;
  return { type: 'float32', dims, data };
};
const codebook = { type: 'float32' as const, dims: [5, 4], data: Float32Array.from({ length: 20 }, (_, i) => Math.sin(i)) };
const cases: [string, QuantizerSpec, Record<string, Tensor<'float32'>>][] = [
  ['fsq', { type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' }, {}],
  ['vq', { type: 'vq', codebookSize: 5, dim: 4, channelAxis: 'first' }, { codebook }],
  ['lfq', { type: 'lfq', dim: 4, channelAxis: 'first' }, {}],
];

describe('non-finite latents are named by their index in the caller tensor', () => {
  it.each(cases)('%s, channel-first', async (_, spec, weights) => {
    const quantizer = createQuantizer(spec, weights);
    for (const [index, value] of [[17, Number.NaN], [0, Infinity], [23, -Infinity]] as const) {
      const sync = (() => {
        try {
          quantizer.encode(latents(index, value));
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(NonFiniteValueError.isInstance(sync) && sync.index).toBe(index);
      const asyncError = await quantizer.encodeAsync(latents(index, value)).catch((error: unknown) => error);
      expect(NonFiniteValueError.isInstance(asyncError) && asyncError.index).toBe(index);
    }
  });

  it('projected residual VQ (DAC layout [B, D, T])', () => {
    const dim = 4;
    const spec = { type: 'projected-residual-vq', numQuantizers: 1, codebookSize: 3, dim, codebookDim: 2 } as QuantizerSpec;
    const weights = {
      'quantizers.0.in_proj.weight_v': { type: 'float32' as const, dims: [2, dim, 1], data: Float32Array.from({ length: 8 }, (_, i) => i / 8 - 0.4) },
      'quantizers.0.in_proj.weight_g': { type: 'float32' as const, dims: [2, 1, 1], data: Float32Array.of(1, 1) },
      'quantizers.0.in_proj.bias': { type: 'float32' as const, dims: [2], data: new Float32Array(2) },
      'quantizers.0.out_proj.weight_v': { type: 'float32' as const, dims: [dim, 2, 1], data: Float32Array.from({ length: 8 }, (_, i) => 0.3 - i / 9) },
      'quantizers.0.out_proj.weight_g': { type: 'float32' as const, dims: [dim, 1, 1], data: Float32Array.of(1, 1, 1, 1) },
      'quantizers.0.out_proj.bias': { type: 'float32' as const, dims: [dim], data: new Float32Array(dim) },
      'quantizers.0.codebook.weight': { type: 'float32' as const, dims: [3, 2], data: Float32Array.of(1, 0, 0, 1, -1, -1) },
    };
    const quantizer = createQuantizer(spec, weights);
    const data = new Float32Array(dim * 3);
    data[7] = Number.NaN; // channel 2, frame 1: channel-last index 1 * 4 + 2 = 6
    expect(() => quantizer.encode({ type: 'float32', dims: [1, dim, 3], data })).toThrowError(/at flat index 7/);
  });
});
