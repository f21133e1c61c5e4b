import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec } from '../quantizer.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const i32 = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });

// Two stages in 2-D. Stage 0 rows: (0,0), (4,0), (0,4); stage 1 rows: (0,0), (1,0), (0,1).
const codebooks = f32([2, 3, 2], [0, 0, 4, 0, 0, 4, 0, 0, 1, 0, 0, 1]);
const base: QuantizerSpec = { type: 'residual-vq', numQuantizers: 2, codebookSize: 3, dim: 2 };

describe('residual-vq (euclidean)', () => {
  it('quantizes the residual stage by stage (hand-computed)', () => {
    const q = createQuantizer(base, { codebooks });
    // x = (3.5, 0.75): stage 0 distances 12.8125, 0.8125, 22.3125 -> 1; residual (-0.5, 0.75);
    // stage 1 distances 0.8125, 2.8125, 0.3125 -> 2; decoded (4, 0) + (0, 1) = (4, 1).
    const codes = q.encode(f32([1, 1, 2], [3.5, 0.75]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 2]);
    expect(Array.from(q.decode(codes).data)).toEqual([4, 1]);
  });

  it('reads channel-first input and writes EnCodec [Q, B, T] codes', () => {
    const q = createQuantizer({ ...base, channelAxis: 'first', indexLayout: 'streams-first' }, { codebooks });
    // [B=1, D=2, T=2]: token 0 = (3.5, 0.75), token 1 = (0.25, 3.5) -> stage 0: 2, residual (0.25, -0.5) -> stage 1: 0.
    const codes = q.encode(f32([1, 2, 2], [3.5, 0.25, 0.75, 3.5]));
    expect(codes.dims).toEqual([2, 1, 2]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 2, 2, 0]);
    const decoded = q.decode(codes);
    expect(decoded.dims).toEqual([1, 2, 2]);
    expect(Array.from(decoded.data)).toEqual([4, 0, 1, 4]);
  });

  it('uses the first numQuantizers stages (EnCodec n_q) and decodes a prefix of stages', () => {
    const q = createQuantizer({ ...base, channelAxis: 'first', indexLayout: 'streams-first' }, { codebooks });
    const codes = q.encode(f32([1, 2, 1], [3.5, 0.75]), { numQuantizers: 1 });
    expect(codes.dims).toEqual([1, 1, 1]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1]);
    expect(Array.from(q.decode(codes).data)).toEqual([4, 0]);
  });

  it('breaks exact ties to the first row and returns every stage even with one quantizer', () => {
    const dup = f32([1, 3, 2], [0, 0, 2, 0, 2, 0]);
    const q = createQuantizer({ ...base, numQuantizers: 1 }, { codebooks: dup });
    const codes = q.encode(f32([2, 2], [2, 0, 1, 0]));
    // (2,0) equals rows 1 and 2 -> 1; (1,0) is exactly midway between rows 0 and 1 -> 0.
    expect(codes.dims).toEqual([2, 1]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 0]);
  });

  it('clamps small squared distances with minSquaredDistance (lucidrains cdist)', () => {
    const rows = f32([1, 2, 2], [0, 0, 0.001, 0]);
    const x = f32([1, 2], [0.001, 0]);
    const plain = createQuantizer({ ...base, numQuantizers: 1, codebookSize: 2 }, { codebooks: rows });
    const clamped = createQuantizer({ ...base, numQuantizers: 1, codebookSize: 2, minSquaredDistance: 1e-5 }, { codebooks: rows });
    expect(Array.from(plain.encode(x).data as Int32Array)).toEqual([1]);
    // Both distances (1e-6 and 0) fall under the clamp, so the first row wins.
    expect(Array.from(clamped.encode(x).data as Int32Array)).toEqual([0]);
  });

  it('decode(encode(x)) is the sum of the chosen rows', () => {
    const q = createQuantizer(base, { codebooks });
    const values = [1.3, -0.2, 2.9, 3.1, -1, 0.4, 5, 5];
    const codes = q.encode(f32([4, 2], values)).data as Int32Array;
    const decoded = q.decode({ type: 'int32', dims: [4, 2], data: codes }).data;
    const rows = codebooks.data;
    for (let n = 0; n < 4; n++) {
      for (let d = 0; d < 2; d++) {
        const expected = Math.fround(rows[codes[2 * n]! * 2 + d]! + rows[6 + codes[2 * n + 1]! * 2 + d]!);
        expect(decoded[2 * n + d]).toBe(expected);
      }
    }
  });
});

describe('residual-vq (cosine)', () => {
  const rows = f32([1, 2, 2], [1, 0, 0, 10]);
  const spec: QuantizerSpec = { ...base, numQuantizers: 1, codebookSize: 2, metric: 'cosine' };

  it('compares the normalised residual by dot product with the stored rows', () => {
    const q = createQuantizer(spec, { codebooks: rows });
    // (0, 1.5): euclidean would pick row 0 (distance 3.25 vs 72.25); cosine scores 0 and 10 -> row 1.
    expect(Array.from(q.encode(f32([1, 2], [0, 1.5])).data as Int32Array)).toEqual([1]);
    expect(Array.from(createQuantizer({ ...spec, metric: 'euclidean' }, { codebooks: rows }).encode(f32([1, 2], [0, 1.5])).data as Int32Array)).toEqual([0]);
  });

  it('subtracts the raw row from the unnormalised residual', () => {
    // Stage 0 (unit rows (1,0), (0,1)) picks (0,1) for (0.5, 3); stage 1 then sees (0.5, 2) -> still (0,1).
    const unit = f32([2, 2, 2], [1, 0, 0, 1, 1, 0, 0, 1]);
    const q = createQuantizer({ ...spec, numQuantizers: 2 }, { codebooks: unit });
    const codes = q.encode(f32([1, 2], [0.5, 3]));
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 1]);
    expect(Array.from(q.decode(codes).data)).toEqual([0, 2]);
  });

  it('gives the zero vector index 0 (all scores tie)', () => {
    const q = createQuantizer(spec, { codebooks: f32([1, 2, 2], [0, 1, 1, 0]) });
    expect(Array.from(q.encode(f32([1, 2], [0, 0])).data as Int32Array)).toEqual([0]);
  });
});

describe('residual-vq projections and weight names', () => {
  it('projects in and out around the codebooks (lucidrains codebook_dim)', () => {
    const weights = {
      codebooks: f32([2, 2, 1], [0, 4, 0, -0.5]),
      'project_in.weight': f32([1, 2], [1, 1]),
      'project_in.bias': f32([1], [0.5]),
      'project_out.weight': f32([2, 1], [2, -1]),
      'project_out.bias': f32([2], [0, 1]),
    };
    const q = createQuantizer({ ...base, codebookSize: 2, codebookDim: 1 }, weights);
    // z = 1 + 2 + 0.5 = 3.5 -> stage 0 row 4 (index 1), residual -0.5 -> stage 1 row -0.5 (index 1);
    // sum 3.5 -> out (7, -2.5).
    const codes = q.encode(f32([1, 2], [1, 2]));
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 1]);
    expect(Array.from(q.decode(codes).data)).toEqual([7, -2.5]);
  });

  it('accepts per-layer names: layers.<q>.codebook, EnCodec/lucidrains _codebook.embed, Moshi embedding_sum', () => {
    const x = f32([1, 2], [3.5, 0.75]);
    const stage0 = [0, 0, 4, 0, 0, 4];
    const stage1 = [0, 0, 1, 0, 0, 1];
    const named = createQuantizer(base, { 'layers.0.codebook': f32([3, 2], stage0), 'layers.1.codebook': f32([3, 2], stage1) });
    const encodec = createQuantizer(base, { 'layers.0._codebook.embed': f32([3, 2], stage0), 'layers.1._codebook.embed': f32([3, 2], stage1) });
    const lucidrains = createQuantizer(base, { 'layers.0._codebook.embed': f32([1, 3, 2], stage0), 'layers.1._codebook.embed': f32([1, 3, 2], stage1) });
    // Moshi rows are embedding_sum / max(cluster_usage, 1e-5): (0,0)/1, (8,0)/2, (0,2)/0.5.
    const moshi = createQuantizer(base, {
      'layers.0._codebook.embedding_sum': f32([3, 2], [0, 0, 8, 0, 0, 2]),
      'layers.0._codebook.cluster_usage': f32([3], [1, 2, 0.5]),
      'layers.1.codebook': f32([3, 2], stage1),
    });
    for (const q of [named, encodec, lucidrains, moshi]) {
      expect(Array.from(q.encode(x).data as Int32Array)).toEqual([1, 2]);
      expect(Array.from(q.decode(i32([1, 2], [1, 2])).data)).toEqual([4, 1]);
    }
  });

  it('reads names under weightPrefix (a whole model state dict)', () => {
    const q = createQuantizer({ ...base, weightPrefix: 'quantizer.vq.' }, {
      'quantizer.vq.layers.0._codebook.embed': f32([3, 2], [0, 0, 4, 0, 0, 4]),
      'quantizer.vq.layers.1._codebook.embed': f32([3, 2], [0, 0, 1, 0, 0, 1]),
    });
    expect(Array.from(q.encode(f32([1, 2], [3.5, 0.75])).data as Int32Array)).toEqual([1, 2]);
  });

  it('divides by 1e-5 where a Moshi cluster_usage is zero', () => {
    const q = createQuantizer({ ...base, numQuantizers: 1, codebookSize: 1, dim: 1 }, {
      'layers.0._codebook.embedding_sum': f32([1, 1], [2e-5]),
      'layers.0._codebook.cluster_usage': f32([1], [0]),
    });
    expect(q.decode(i32([1, 1], [0])).data[0]).toBeCloseTo(2, 5);
  });
});

describe('residual-vq errors', () => {
  it('names bad spec fields', () => {
    const cases: Array<[QuantizerSpec, string]> = [
      [{ type: 'residual-vq', codebookSize: 3, dim: 2 }, 'numQuantizers'],
      [{ ...base, codebookSize: 0 }, 'codebookSize'],
      [{ ...base, dim: 2.5 }, 'dim'],
      [{ ...base, metric: 'manhattan' }, 'metric'],
      [{ ...base, codebookDim: 1, projections: false }, 'projections'],
      [{ ...base, outputDim: 3 }, 'outputDim'],
      [{ ...base, minSquaredDistance: -1 }, 'minSquaredDistance'],
      [{ ...base, cosineEps: 'small' }, 'cosineEps'],
      [{ ...base, weightPrefix: 3 }, 'weightPrefix'],
      [{ ...base, indexLayout: 'diagonal' as never }, 'indexLayout'],
    ];
    for (const [spec, path] of cases) {
      const error = catchError(() => createQuantizer(spec, { codebooks }));
      expect(InvalidSpecError.isInstance(error), path).toBe(true);
      expect((error as InvalidSpecError).path).toBe(path);
    }
  });

  it('names missing or misshapen weights', () => {
    expect((catchError(() => createQuantizer(base, {})) as WeightsMismatchError).weight).toBe('layers.0.codebook');
    expect((catchError(() => createQuantizer(base, { codebooks: f32([2, 3, 3], new Array(18).fill(0)) })) as WeightsMismatchError).weight).toBe('codebooks');
    const error = catchError(() => createQuantizer({ ...base, codebookDim: 1 }, { codebooks: f32([2, 3, 1], [0, 1, 2, 0, 1, 2]) }));
    expect(WeightsMismatchError.isInstance(error)).toBe(true);
    expect((error as WeightsMismatchError).weight).toBe('project_in.weight');
  });

  it('rejects bad latents, bad codes and a bad numQuantizers', () => {
    const q = createQuantizer(base, { codebooks });
    expect(() => q.encode(f32([1, 2], [Number.NaN, 0]))).toThrow(NonFiniteValueError);
    expect(() => q.encode(f32([1, 2], [Infinity, 0]))).toThrow(NonFiniteValueError);
    expect(() => q.encode(f32([1, 3], [0, 0, 0]))).toThrow(ShapeMismatchError);
    expect(() => q.decode(i32([1, 2], [0, 3]))).toThrow(CodeOutOfRangeError);
    expect(() => q.decode(i32([1, 3], [0, 0, 0]))).toThrow(ShapeMismatchError);
    for (const n of [0, 3, 1.5]) {
      const error = catchError(() => q.encode(f32([1, 2], [0, 0]), { numQuantizers: n }));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe('options.numQuantizers');
    }
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return expect.unreachable('expected an error');
}
