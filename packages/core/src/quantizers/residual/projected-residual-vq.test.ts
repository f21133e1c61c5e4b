import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import type { ProjectedResidualQuantizer } from './projected-residual-vq.js';
import { thrown } from '../../__fixtures__/thrown.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const i32 = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });

/**
 * Two DAC stages in 2-D with codebookDim 2.
 * Stage 0: in_proj weight-normed to the identity (v = diag(2, 7), g = 1), bias 0; out_proj weight-normed
 * to 2·I (v = I, g = 2) with bias (1, 0); rows (1,0), (0,1), (3,0) — row 2 has row 0's direction.
 * Stage 1: plain identity projections without bias offset; rows (0,1), (1,0).
 */
const weights: QuantizerWeights = {
  'quantizers.0.in_proj.weight_v': f32([2, 2, 1], [2, 0, 0, 7]),
  'quantizers.0.in_proj.weight_g': f32([2, 1, 1], [1, 1]),
  'quantizers.0.in_proj.bias': f32([2], [0, 0]),
  'quantizers.0.out_proj.weight_v': f32([2, 2, 1], [1, 0, 0, 1]),
  'quantizers.0.out_proj.weight_g': f32([2, 1, 1], [2, 2]),
  'quantizers.0.out_proj.bias': f32([2], [1, 0]),
  'quantizers.0.codebook.weight': f32([3, 2], [1, 0, 0, 1, 3, 0]),
  'quantizers.1.in_proj.weight': f32([2, 2], [1, 0, 0, 1]),
  'quantizers.1.in_proj.bias': f32([2], [0, 0]),
  'quantizers.1.out_proj.weight': f32([2, 2], [1, 0, 0, 1]),
  'quantizers.1.out_proj.bias': f32([2], [0, 0]),
  'quantizers.1.codebook.weight': f32([3, 2], [0, 1, 1, 0, 0, -1]),
};
const spec: QuantizerSpec = { type: 'projected-residual-vq', numQuantizers: 2, codebookSize: 3, dim: 2, codebookDim: 2 };
const build = (overrides: Partial<QuantizerSpec> = {}, w: QuantizerWeights = weights) => createQuantizer({ ...spec, ...overrides }, w) as ProjectedResidualQuantizer;

describe('projected-residual-vq (DAC)', () => {
  // x = (5, 1) as [B=1, D=2, T=1]. Stage 0: z_e = (5, 1), nearest direction (1,0): rows 0 and 2 tie after
  // normalisation -> 0, raw row (1, 0) -> out 2·(1,0) + (1,0) = (3, 0); residual (2, 1).
  // Stage 1: z_e = (2, 1) -> nearest direction (1, 0) = row 1 -> out (1, 0). Total (4, 0).
  const x = f32([1, 2, 1], [5, 1]);

  it('encodes with folded weight norm, normalised lookup and raw rows (hand-computed)', () => {
    const q = build();
    const detailed = q.encodeDetailed(x);
    expect(detailed.codes.dims).toEqual([1, 2, 1]);
    expect(Array.from(detailed.codes.data as Int32Array)).toEqual([0, 1]);
    expect(Array.from(detailed.output.data)).toEqual([4, 0]);
    expect(detailed.latents.dims).toEqual([1, 4, 1]);
    expect(Array.from(detailed.latents.data)).toEqual([5, 1, 2, 1]);
    expect(Array.from(q.encode(x).data as Int32Array)).toEqual([0, 1]);
  });

  it('decodes to Σ out_proj(raw row) and returns the raw rows as latents', () => {
    const q = build();
    // Code 2 of stage 0 is the raw row (3, 0), not its normalised (1, 0): out 2·(3,0) + (1,0) = (7, 0).
    const decoded = q.decodeDetailed(i32([1, 2, 1], [2, 0]));
    expect(Array.from(decoded.output.data)).toEqual([7, 1]);
    expect(Array.from(decoded.latents.data)).toEqual([3, 0, 0, 1]);
    expect(Array.from(q.decode(i32([1, 2, 1], [0, 1])).data)).toEqual([4, 0]);
  });

  it('uses the first n stages with numQuantizers (n_quantizers)', () => {
    const q = build();
    const detailed = q.encodeDetailed(x, { numQuantizers: 1 });
    expect(detailed.codes.dims).toEqual([1, 1, 1]);
    expect(Array.from(detailed.output.data)).toEqual([3, 0]);
    expect(detailed.latents.dims).toEqual([1, 2, 1]);
    expect(Array.from(q.decode(detailed.codes).data)).toEqual([3, 0]);
  });

  it('reads channel-last input with tokens-streams codes', () => {
    const q = build({ channelAxis: 'last', indexLayout: 'tokens-streams' });
    const codes = q.encode(f32([1, 2, 2], [5, 1, 0, 2]));
    // Token 1 = (0, 2): stage 0 row 1 -> out 2·(0,1) + (1,0) = (1, 2), residual (-1, 0) -> stage 1:
    // distances 2, 4, 2 to (0,1), (1,0), (0,-1) -> first tie, row 0 -> out (0, 1). Total (1, 3).
    expect(codes.dims).toEqual([1, 2, 2]);
    expect(Array.from(codes.data as Int32Array)).toEqual([0, 1, 1, 0]);
    expect(Array.from(q.decode(codes).data)).toEqual([4, 0, 1, 3]);
  });

  it('accepts the parametrizations weight-norm names', () => {
    const renamed: Record<string, Tensor<'float32'>> = {};
    for (const [name, value] of Object.entries(weights)) {
      const key = name.replace('.weight_v', '.parametrizations.weight.original1').replace('.weight_g', '.parametrizations.weight.original0');
      renamed[key] = value as Tensor<'float32'>;
    }
    expect(Array.from(build({}, renamed).encodeDetailed(x).output.data)).toEqual([4, 0]);
  });

  it('reads names under weightPrefix', () => {
    const prefixed = Object.fromEntries(Object.entries(weights).map(([name, value]) => [`quantizer.${name}`, value]));
    expect(Array.from(build({ weightPrefix: 'quantizer.' }, prefixed).encodeDetailed(x).output.data)).toEqual([4, 0]);
  });

  it('keeps the straight-through arithmetic z_e + (z_q - z_e) in float32', () => {
    // z_e = 1e8 + 8 (exact in float32 as 100000008): z_q - z_e rounds, so the sum is not exactly z_q = 0.5.
    const one: QuantizerWeights = {
      'quantizers.0.in_proj.weight': f32([1, 1], [1]),
      'quantizers.0.in_proj.bias': f32([1], [0]),
      'quantizers.0.out_proj.weight': f32([1, 1], [1]),
      'quantizers.0.out_proj.bias': f32([1], [0]),
      'quantizers.0.codebook.weight': f32([1, 1], [0.5]),
    };
    const q = createQuantizer({ type: 'projected-residual-vq', numQuantizers: 1, codebookSize: 1, dim: 1, codebookDim: 1 }, one) as ProjectedResidualQuantizer;
    const detailed = q.encodeDetailed(f32([1, 1, 1], [100000008]));
    // f32(0.5 - 100000008) = -100000008 (ulp 8), then 100000008 + -100000008 = 0.
    expect(detailed.output.data[0]).toBe(0);
    expect(q.decode(detailed.codes).data[0]).toBe(0.5);
  });
});

describe('projected-residual-vq errors', () => {
  it('names bad spec fields', () => {
    for (const [overrides, path] of [
      [{ numQuantizers: 0 }, 'numQuantizers'],
      [{ codebookDim: [2] }, 'codebookDim'],
      [{ codebookDim: [2, 0] }, 'codebookDim[1]'],
      [{ normEps: -1 }, 'normEps'],
      [{ channelAxis: 'middle' }, 'channelAxis'],
    ] as Array<[Partial<QuantizerSpec>, string]>) {
      const error = thrown(() => build(overrides));
      expect(InvalidSpecError.isInstance(error), path).toBe(true);
      expect((error as InvalidSpecError).path).toBe(path);
    }
  });

  it('names missing or misshapen weights', () => {
    const { 'quantizers.1.codebook.weight': _, ...noCodebook } = weights;
    expect(() => build({}, noCodebook)).toThrow(/quantizers\.1\.codebook\.weight/);
    const badV = { ...weights, 'quantizers.0.in_proj.weight_v': f32([2, 3, 1], [1, 0, 0, 0, 1, 0]) };
    expect(() => build({}, badV)).toThrow(WeightsMismatchError);
    const { 'quantizers.0.in_proj.weight_g': __, ...noG } = weights;
    expect(() => build({}, noG)).toThrow(/quantizers\.0\.in_proj\.weight_g/);
    const { 'quantizers.1.out_proj.bias': ___, ...noBias } = weights;
    expect(() => build({}, noBias)).toThrow(/quantizers\.1\.out_proj\.bias/);
  });

  it('rejects non-finite latents and out-of-range codes', () => {
    const q = build();
    expect(() => q.encodeDetailed(f32([1, 2, 1], [Number.NaN, 1]))).toThrow(NonFiniteValueError);
    expect(() => q.encode(f32([1, 2, 1], [-Infinity, 1]))).toThrow(NonFiniteValueError);
    expect(() => q.decodeDetailed(i32([1, 2, 1], [0, 3]))).toThrow(CodeOutOfRangeError);
  });
});
