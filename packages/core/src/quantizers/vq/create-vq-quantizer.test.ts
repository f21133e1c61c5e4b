import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../quantizer.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const codesOf = (t: Tensor<'int32' | 'int64'>): number[] => Array.from(t.data as Int32Array, Number);

// Rows 0 = (0,0), 1 = (4,0), 2 = (0,4), 3 = (4,0) again (a duplicate of row 1).
const square = { codebook: f32([4, 2], [0, 0, 4, 0, 0, 4, 4, 0]) };
const euclidean: QuantizerSpec = { type: 'vq', codebookSize: 4, dim: 2 };

describe("createQuantizer({ type: 'vq' })", () => {
  it('picks the nearest row; the first on duplicates and midpoints (hand-computed)', () => {
    const vq = createQuantizer(euclidean, square);
    // (1,0.5) -> row 0; (3.9,0.2) -> row 1 (row 3 is the same row, later); (2,0) is the exact
    // midpoint of rows 0 and 1 -> row 0; (2,2) is equidistant from rows 0, 1, 2 -> row 0; (0,3) -> row 2.
    const codes = vq.encode(f32([5, 2], [1, 0.5, 3.9, 0.2, 2, 0, 2, 2, 0, 3]));
    expect(codes.dims).toEqual([5]);
    expect(codesOf(codes)).toEqual([0, 1, 0, 0, 2]);
    expect(Array.from(vq.decode(codes).data)).toEqual([0, 0, 4, 0, 0, 0, 0, 0, 0, 4]);
  });

  it('reads channel-first latents and decodes in the same layout', () => {
    const vq = createQuantizer({ ...euclidean, channelAxis: 'first' }, square);
    // [1, 2, 1, 3]: positions (0.1,3), (3,0.1), (0,0).
    const latents = f32([1, 2, 1, 3], [0.1, 3, 0, 3, 0.1, 0]);
    const codes = vq.encode(latents);
    expect(codes.dims).toEqual([1, 1, 3]);
    expect(codesOf(codes)).toEqual([2, 1, 0]);
    const decoded = vq.decode(codes);
    expect(decoded.dims).toEqual([1, 2, 1, 3]);
    expect(Array.from(decoded.data)).toEqual([0, 4, 0, 4, 0, 0]);
    // The same tensor read channel-last per call, as [..., 2] would be: only the layout changes.
    expect(codesOf(vq.encode(f32([3, 2], [0.1, 3, 3, 0.1, 0, 0]), { channelAxis: 'last' }))).toEqual([2, 1, 0]);
  });

  it('makes rows within minDistance tie (lucidrains clamps squared distances at 1e-8)', () => {
    const weights = { codebook: f32([2, 1], [0, 0.0001]) };
    const x = f32([1, 1], [0.0001]);
    expect(codesOf(createQuantizer({ type: 'vq', codebookSize: 2, dim: 1 }, weights).encode(x))).toEqual([1]);
    // Squared distances 1e-8 and 0 both clamp to 1e-8: a tie, so row 0.
    expect(codesOf(createQuantizer({ type: 'vq', codebookSize: 2, dim: 1, minDistance: 1e-8 }, weights).encode(x))).toEqual([0]);
  });

  it('cosine compares directions with the stored rows as they are; l2-normalized normalises both', () => {
    const weights = { codebook: f32([2, 2], [1, 0, 0, 2]) };
    const x = f32([3, 2], [5, 5, 0, 0, 0.001, 0]);
    // cosine: x̂ = (0.707, 0.707); x̂·row0 = 0.707, x̂·row1 = 1.414 -> row 1. Zero vector: all 0 -> row 0.
    const cosine = createQuantizer({ type: 'vq', codebookSize: 2, dim: 2, metric: 'cosine' }, weights);
    expect(codesOf(cosine.encode(x))).toEqual([1, 0, 0]);
    expect(Array.from(cosine.decode({ type: 'int32', dims: [1], data: Int32Array.from([1]) }).data)).toEqual([0, 2]);
    // l2-normalized: rows become (1,0) and (0,1), both at the same distance from x̂ -> row 0.
    const normalized = createQuantizer({ type: 'vq', codebookSize: 2, dim: 2, metric: 'l2-normalized' }, weights);
    expect(codesOf(normalized.encode(x))).toEqual([0, 0, 0]);
  });

  it('returns the normalised or the stored row as returnRow says', () => {
    const weights = { codebook: f32([2, 2], [3, 0, 0, 2]) };
    const codes: Tensor<'int32'> = { type: 'int32', dims: [2], data: Int32Array.from([0, 1]) };
    const spec: QuantizerSpec = { type: 'vq', codebookSize: 2, dim: 2, metric: 'l2-normalized' };
    expect(Array.from(createQuantizer(spec, weights).decode(codes).data)).toEqual([1, 0, 0, 1]);
    expect(Array.from(createQuantizer({ ...spec, returnRow: 'stored' }, weights).decode(codes).data)).toEqual([3, 0, 0, 2]);
    expect(Array.from(createQuantizer({ ...spec, metric: 'euclidean', returnRow: 'normalized' }, weights).decode(codes).data)).toEqual([1, 0, 0, 1]);
  });

  it('projects in and out when codebookDim differs from dim', () => {
    const weights: QuantizerWeights = {
      codebook: f32([2, 2], [0, 0, 10, 10]),
      // project_in: (a, b, c) -> (a + c, b + 1); project_out: (u, v) -> (u, v, u + v + 5).
      'project_in.weight': f32([2, 3], [1, 0, 1, 0, 1, 0]),
      'project_in.bias': f32([2], [0, 1]),
      'project_out.weight': f32([3, 2], [1, 0, 0, 1, 1, 1]),
      'project_out.bias': f32([3], [0, 0, 5]),
    };
    const vq = createQuantizer({ type: 'vq', codebookSize: 2, dim: 3, codebookDim: 2 }, weights);
    // (1, 2, 3) -> (4, 3): nearer (0,0) (25) than (10,10) (85) -> 0; (6, 8, 2) -> (8, 9) -> 1.
    const codes = vq.encode(f32([2, 3], [1, 2, 3, 6, 8, 2]));
    expect(codesOf(codes)).toEqual([0, 1]);
    expect(Array.from(vq.decode(codes).data)).toEqual([0, 0, 5, 10, 10, 25]);
    expect(vq.outputDim).toBe(3);
  });

  it("accepts LlamaGen's and lucidrains' weight names, or a named one", () => {
    const rows = [0, 0, 4, 0, 0, 4, 4, 0];
    const x = f32([1, 2], [3.9, 0.2]);
    const forms: QuantizerWeights[] = [{ 'embedding.weight': f32([4, 2], rows) }, { '_codebook.embed': f32([1, 4, 2], rows) }, { codebook: Float32Array.from(rows) }];
    for (const weights of forms) {
      expect(codesOf(createQuantizer(euclidean, weights).encode(x))).toEqual([1]);
    }
    expect(codesOf(createQuantizer({ ...euclidean, codebookWeight: 'quantize.embedding.weight' }, { 'quantize.embedding.weight': f32([4, 2], rows) }).encode(x))).toEqual([1]);
  });

  it('lays codes out flat (LlamaGen) and decodes them with the batch shape', () => {
    const vq = createQuantizer({ ...euclidean, channelAxis: 'first', indexLayout: 'flat' }, square);
    const latents = f32([2, 2, 1, 1], [3, 0.1, 0, 3.5]);
    const codes = vq.encode(latents);
    expect(codes.dims).toEqual([2]);
    expect(codesOf(codes)).toEqual([1, 2]);
    const decoded = vq.decode(codes, { batchShape: [2, 1, 1] });
    expect(decoded.dims).toEqual([2, 2, 1, 1]);
    expect(Array.from(decoded.data)).toEqual([4, 0, 0, 4]);
  });

  it('is consistent: encoding a decoded row gives its code back', () => {
    const size = 64;
    const rows = new Float32Array(size * 3).map((_, i) => Math.fround(Math.sin(i * 1.7) * 3));
    const vq = createQuantizer({ type: 'vq', codebookSize: size, dim: 3 }, { codebook: rows });
    const codes: Tensor<'int32'> = { type: 'int32', dims: [size], data: Int32Array.from({ length: size }, (_, k) => k) };
    expect(codesOf(vq.encode(vq.decode(codes)))).toEqual(Array.from(codes.data));
  });

  it('matches a plain nearest-row loop on a large low-dimensional codebook (the pruned search)', () => {
    const size = 2048;
    const dim = 4;
    const count = 700;
    const rows = new Float32Array(size * dim).map((_, i) => Math.fround(Math.sin(i * 0.37) * 2 + Math.cos(i * 1.3)));
    const latents = new Float32Array(count * dim).map((_, i) => Math.fround(Math.cos(i * 0.91) * 2.5));
    const vq = createQuantizer({ type: 'vq', codebookSize: size, dim }, { codebook: rows });
    const want: number[] = [];
    for (let n = 0; n < count; n++) {
      let best = 0;
      let bestScore = Infinity;
      for (let k = 0; k < size; k++) {
        let distance = 0;
        for (let d = 0; d < dim; d++) distance += (latents[n * dim + d]! - rows[k * dim + d]!) ** 2;
        if (distance < bestScore) {
          bestScore = distance;
          best = k;
        }
      }
      want.push(best);
    }
    // Two calls, so the second one runs on the tree built after the first.
    expect(codesOf(vq.encode({ type: 'float32', dims: [count, dim], data: latents }))).toEqual(want);
    expect(codesOf(vq.encode({ type: 'float32', dims: [count, dim], data: latents }))).toEqual(want);
  });

  it('rejects bad spec fields, naming them', () => {
    const bad = (fields: Record<string, unknown>) => () => createQuantizer({ ...euclidean, ...fields } as QuantizerSpec, square);
    expect(bad({ codebookSize: undefined })).toThrow(InvalidSpecError);
    expect(bad({ codebookSize: 0 })).toThrow(/codebookSize/);
    expect(bad({ dim: 2.5 })).toThrow(/dim/);
    expect(bad({ metric: 'manhattan' })).toThrow(/metric/);
    expect(bad({ returnRow: 'raw' })).toThrow(/returnRow/);
    expect(bad({ normalizeEps: -1 })).toThrow(/normalizeEps/);
    expect(bad({ minDistance: -1 })).toThrow(/minDistance/);
    expect(bad({ metric: 'cosine', minDistance: 1e-8 })).toThrow(/minDistance/);
    expect(bad({ codebookDim: 3, projection: false })).toThrow(/projection/);
    expect(bad({ codebookWeight: 42 })).toThrow(/codebookWeight/);
    expect(bad({ channelAxis: 'middle' })).toThrow(/channelAxis/);
  });

  it('rejects weights that do not match the spec', () => {
    expect(() => createQuantizer(euclidean, {})).toThrow(WeightsMismatchError);
    expect(() => createQuantizer(euclidean, { codebook: f32([3, 2], [0, 0, 1, 1, 2, 2]) })).toThrow(/codebook/);
    expect(() => createQuantizer({ ...euclidean, codebookWeight: 'rows' }, square)).toThrow(/rows/);
    expect(() => createQuantizer(euclidean, { codebook: f32([4, 2], [0, 0, NaN, 0, 0, 4, 4, 0]) })).toThrow(NonFiniteValueError);
    expect(() => createQuantizer({ type: 'vq', codebookSize: 4, dim: 3, codebookDim: 2 }, square)).toThrow(/project_in\.weight/);
    const projected = { ...square, 'project_in.weight': f32([2, 3], [1, 0, 0, 0, 1, 0]), 'project_out.weight': f32([2, 3], [1, 0, 0, 0, 1, 0]) };
    expect(() => createQuantizer({ type: 'vq', codebookSize: 4, dim: 3, codebookDim: 2 }, projected)).toThrow(/project_out\.weight/);
  });

  it('rejects bad latents and codes', () => {
    const vq = createQuantizer(euclidean, square);
    expect(() => vq.encode(f32([2, 3], [0, 0, 0, 0, 0, 0]))).toThrow(ShapeMismatchError);
    expect(() => vq.encode(f32([1, 2], [0, Infinity]))).toThrow(NonFiniteValueError);
    expect(() => vq.encodeVectors(Float32Array.from([0, NaN]), 1)).toThrow(NonFiniteValueError);
    expect(() => vq.encodeVectors(Float32Array.from([0]), 1)).toThrow(ShapeMismatchError);
    expect(() => vq.decode({ type: 'int32', dims: [2], data: Int32Array.from([0, 4]) })).toThrow(CodeOutOfRangeError);
    expect(() => vq.decodeVectors(Int32Array.from([-1]), 1, 1)).toThrow(CodeOutOfRangeError);
  });
});
