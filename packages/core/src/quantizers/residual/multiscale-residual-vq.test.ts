import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { nearestCodes } from '../math/nearest-code.js';
import type { AsyncNearestSearch } from '../search/async-nearest-search.js';
import type { MultiscaleResidualQuantizer } from './multiscale-residual-vq.js';
import { thrown } from '../../__fixtures__/thrown.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const i32 = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });

/** SNAC-style stage i in 2-D: identity projections (SNAC's parametrized weight norm), rows (1,0), (0,1). */
function stage(i: number): QuantizerWeights {
  const p = `quantizers.${i}`;
  return {
    [`${p}.in_proj.parametrizations.weight.original1`]: f32([2, 2, 1], [3, 0, 0, 0.5]),
    [`${p}.in_proj.parametrizations.weight.original0`]: f32([2, 1, 1], [1, 1]),
    [`${p}.in_proj.bias`]: f32([2], [0, 0]),
    [`${p}.out_proj.parametrizations.weight.original1`]: f32([2, 2, 1], [1, 0, 0, 1]),
    [`${p}.out_proj.parametrizations.weight.original0`]: f32([2, 1, 1], [1, 1]),
    [`${p}.out_proj.bias`]: f32([2], [0, 0]),
    [`${p}.codebook.weight`]: f32([2, 2], [1, 0, 0, 1]),
  };
}
const weights = { ...stage(0), ...stage(1) };
const spec: QuantizerSpec = { type: 'multiscale-residual-vq', strides: [2, 1], codebookSize: 2, dim: 2, codebookDim: 2 };
const build = (overrides: Partial<QuantizerSpec> = {}, w: QuantizerWeights = weights) => createQuantizer({ ...spec, ...overrides }, w) as MultiscaleResidualQuantizer;

// [B=1, D=2, T=2]: frame 0 = (4, 0), frame 1 = (2, 2).
// Scale 0 (stride 2): pooled (3, 1) -> row 0 = (1, 0), repeated on both frames; residual (3, 0), (1, 2).
// Scale 1 (stride 1): (3, 0) -> row 0, (1, 2) -> row 1. Decoded: (1,0)+(1,0) = (2, 0), (1,0)+(0,1) = (1, 1).
const x = f32([1, 2, 2], [4, 2, 0, 2]);

describe('multiscale-residual-vq (SNAC)', () => {
  it('pools, quantizes and repeats each scale (hand-computed)', () => {
    const q = build();
    const scales = q.encodeScales(x);
    expect(scales.map((s) => s.dims)).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(scales.map((s) => Array.from(s.data))).toEqual([[0], [0, 1]]);
    const decoded = q.decodeScales(scales);
    expect(decoded.dims).toEqual([1, 2, 2]);
    expect(Array.from(decoded.data)).toEqual([2, 1, 0, 1]);
  });

  it('concatenates the scales coarse-first in the single-tensor form', () => {
    const q = build();
    const codes = q.encode(x);
    expect(codes.dims).toEqual([1, 3]);
    expect(Array.from(codes.data as Int32Array)).toEqual([0, 0, 1]);
    expect(Array.from(q.decode(codes).data)).toEqual([2, 1, 0, 1]);
  });

  it('reads channel-last input and keeps batches apart', () => {
    const q = build({ channelAxis: 'last' });
    // Batch 1 = frames (0, 4), (0, 2): pooled (0, 3) -> row 1; residual (0, 3), (0, 1) -> rows 1, 1.
    const scales = q.encodeScales(f32([2, 2, 2], [4, 0, 2, 2, 0, 4, 0, 2]));
    expect(scales.map((s) => Array.from(s.data))).toEqual([
      [0, 1],
      [0, 1, 1, 1],
    ]);
    expect(Array.from(q.decodeScales(scales).data)).toEqual([2, 0, 1, 1, 0, 2, 0, 2]);
  });

  it('decodes a prefix of the scales and encodes the first numQuantizers scales', () => {
    const q = build();
    const coarse = q.encodeScales(x, { numQuantizers: 1 });
    expect(coarse.length).toBe(1);
    expect(Array.from(q.decodeScales(coarse).data)).toEqual([1, 1, 0, 0]);
  });
});

describe('multiscale-residual-vq errors', () => {
  it('names bad spec fields', () => {
    for (const [overrides, path] of [
      [{ strides: [] }, 'strides'],
      [{ strides: [2, 0] }, 'strides[1]'],
      [{ codebookDim: [2, 2, 2] }, 'codebookDim'],
      [{ indexLayout: 'streams-first' }, 'indexLayout'],
      [{ dim: 0 }, 'dim'],
    ] as Array<[Partial<QuantizerSpec>, string]>) {
      const error = thrown(() => build(overrides));
      expect(InvalidSpecError.isInstance(error), path).toBe(true);
      expect((error as InvalidSpecError).path).toBe(path);
    }
  });

  it('names missing weights', () => {
    expect(() => build({}, stage(0))).toThrow(WeightsMismatchError);
    expect(() => build({}, stage(0))).toThrow(/quantizers\.1\.in_proj\.weight/);
  });

  it('rejects bad latents and codes', () => {
    const q = build();
    expect(() => q.encodeScales(f32([1, 2, 3], [1, 2, 3, 4, 5, 6]))).toThrow(ShapeMismatchError);
    expect(() => q.encodeScales(f32([1, 2, 1, 2], [1, 2, 3, 4]))).toThrow(ShapeMismatchError);
    expect(() => q.encodeScales(f32([1, 2, 2], [1, Number.NaN, 3, 4]))).toThrow(NonFiniteValueError);
    expect(() => q.encode(x, { numQuantizers: 1 })).toThrow(InvalidArgumentError);
    expect(() => q.encode(x, { numQuantizers: 3 })).toThrow(InvalidArgumentError);
    expect(() => q.decodeScales([i32([1, 1], [0]), i32([1, 3], [0, 0, 0])])).toThrow(ShapeMismatchError);
    expect(() => q.decodeScales([i32([1, 1], [2])])).toThrow(CodeOutOfRangeError);
    expect(() => q.decodeScales([])).toThrow(InvalidArgumentError);
    expect(() => q.decode(i32([1, 4], [0, 0, 0, 0]))).toThrow(ShapeMismatchError);
    expect(() => q.encodeVectors(new Float32Array(2), 1)).toThrow(UnsupportedError);
  });

  it('encodes asynchronously with one search per scale, on the search given at creation or per call', async () => {
    const calls: number[] = [];
    const recording: AsyncNearestSearch = {
      nearestCodes: async (vectors, count, codebook, out, output) => {
        calls.push(count);
        return nearestCodes(vectors, count, codebook, out, output);
      },
    };
    const q = createQuantizer(spec, weights, { nearestSearch: recording }) as MultiscaleResidualQuantizer;
    const scales = await q.encodeScalesAsync(x);
    expect(scales.map((s) => Array.from(s.data))).toEqual([[0], [0, 1]]);
    // Scale 0 pools two frames into one vector; scale 1 searches both frames.
    expect(calls).toEqual([1, 2]);
    expect(Array.from((await q.encodeAsync(x)).data, Number)).toEqual([0, 0, 1]);
    expect(calls).toHaveLength(4);
    const other: AsyncNearestSearch = { nearestCodes: async (_v, count, _c, out) => out.fill(1, 0, count) };
    expect((await q.encodeScalesAsync(x, { nearestSearch: other, numQuantizers: 1 })).map((s) => Array.from(s.data))).toEqual([[1]]);
    await expect(q.encodeAsync(x, { numQuantizers: 1 })).rejects.toThrow(InvalidArgumentError);
  });
});
