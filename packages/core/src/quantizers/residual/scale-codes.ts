import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { collectCodes } from '../layout/arrange-codes.js';

/**
 * Puts per-scale codes (`[B, T_i]` each) side by side in one `[B, Σ T_i]` tensor: each batch row holds
 * scale 0's codes, then scale 1's, and so on.
 */
export function concatScales(scales: readonly Tensor<'int32'>[]): Tensor<'int32'> {
  const batch = scales[0]?.dims[0] ?? 0;
  const width = scales.reduce((sum, scale) => sum + scale.dims[1]!, 0);
  const data = new Int32Array(batch * width);
  for (let b = 0; b < batch; b++) {
    let offset = b * width;
    for (const scale of scales) {
      const length = scale.dims[1]!;
      data.set(scale.data.subarray(b * length, (b + 1) * length), offset);
      offset += length;
    }
  }
  return { type: 'int32', dims: [batch, width], data };
}

/**
 * The inverse of {@link concatScales} for codes of every scale: the width fixes the time length
 * (a multiple of every stride), and from it each scale's `T / stride_i`. Checks code ranges.
 *
 * @throws ShapeMismatchError when the tensor is not `[B, width]` with a width that every scale can share
 */
export function splitScales(codes: Tensor<'int32' | 'int64'>, strides: readonly number[], codebookSize: number): Tensor<'int32'>[] {
  const frameUnit = strides.reduce(lcm, 1);
  const codesPerUnit = strides.reduce((sum, stride) => sum + frameUnit / stride, 0);
  const { codes: flat, batchShape } = collectCodes(codes, 'tokens-streams', 1, codebookSize, false);
  const width = batchShape[1];
  if (batchShape.length !== 2 || width === undefined || width % codesPerUnit !== 0) {
    throw new ShapeMismatchError({ argument: 'codes', expected: `[B, n·${codesPerUnit}] (every scale's codes, concatenated)`, received: codes.dims });
  }
  const batch = batchShape[0]!;
  const frames = (width / codesPerUnit) * frameUnit;
  let offset = 0;
  return strides.map((stride) => {
    const length = frames / stride;
    const data = new Int32Array(batch * length);
    for (let b = 0; b < batch; b++) for (let t = 0; t < length; t++) data[b * length + t] = flat[b * width + offset + t]!;
    offset += length;
    return { type: 'int32', dims: [batch, length], data };
  });
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}
