import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { CodeArray, IndexLayout } from '../quantizer.js';

/**
 * Places `count × streams` codes (vector-major) into a tensor of the given index layout.
 * Codes ≥ 2^31 come back as int64 (`BigInt64Array`).
 */
export function arrangeCodes(
  codes: CodeArray,
  batchShape: readonly number[],
  streams: number,
  layout: IndexLayout,
  keepStreamAxis: boolean,
  wide: boolean,
): Tensor<'int32' | 'int64'> {
  const count = codes.length / Math.max(streams, 1);
  let dims: number[];
  let ordered: CodeArray = codes;
  if (layout === 'flat') {
    dims = [codes.length];
  } else if (layout === 'tokens-streams') {
    dims = streams === 1 && !keepStreamAxis ? [...batchShape] : [...batchShape, streams];
  } else {
    // Move the stream axis in front of the tokens: per batch item (after-batch) or overall (first).
    const outer = layout === 'streams-first' ? 1 : (batchShape[0] ?? 1);
    const inner = count / outer;
    ordered = codes instanceof Int32Array ? new Int32Array(codes.length) : new Float64Array(codes.length);
    for (let o = 0; o < outer; o++) {
      const base = o * inner * streams;
      for (let t = 0; t < inner; t++) {
        for (let s = 0; s < streams; s++) ordered[base + s * inner + t] = codes[base + t * streams + s]!;
      }
    }
    dims = layout === 'streams-first' ? [streams, ...batchShape] : [batchShape[0] ?? 1, streams, ...batchShape.slice(1)];
  }
  if (!wide) {
    const data = ordered instanceof Int32Array ? ordered : Int32Array.from(ordered);
    return { type: 'int32', dims, data };
  }
  const data = new BigInt64Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) data[i] = BigInt(ordered[i]!);
  return { type: 'int64', dims, data };
}

/** Codes read back from a tensor: vector-major `count × streams`, plus the batch shape. */
export interface CollectedCodes {
  readonly codes: CodeArray;
  readonly count: number;
  readonly streams: number;
  readonly batchShape: readonly number[];
}

/**
 * The inverse of {@link arrangeCodes}: reads a codes tensor in the given layout, checks every
 * code against `[0, codebookSize)` and the stream count against `maxStreams`.
 * `batchShape` is required for the `flat` layout.
 */
export function collectCodes(
  tensor: Tensor<'int32' | 'int64'>,
  layout: IndexLayout,
  maxStreams: number,
  codebookSize: number,
  keepStreamAxis: boolean,
  batchShapeHint?: readonly number[],
): CollectedCodes {
  if (tensor === null || typeof tensor !== 'object' || !(tensor.data instanceof Int32Array || tensor.data instanceof BigInt64Array)) {
    throw new InvalidArgumentError({ argument: 'codes', expected: 'an int32 or int64 tensor { type, dims, data }', received: tensor });
  }
  const dims = tensor.dims;
  let total = 1;
  for (const d of dims) total *= d;
  if (tensor.data.length !== total) {
    throw new ShapeMismatchError({ argument: 'codes.data', expected: `${total} elements for dims [${dims.join(', ')}]`, received: tensor.data.length });
  }
  const flat = readCodes(tensor.data, codebookSize);
  let streams: number;
  let batchShape: number[];
  if (layout === 'flat') {
    if (batchShapeHint === undefined) {
      throw new InvalidArgumentError({ argument: 'options.batchShape', expected: 'the [B, ...spatial] shape of flat codes', received: undefined });
    }
    batchShape = [...batchShapeHint];
    let count = 1;
    for (const d of batchShape) count *= d;
    streams = count === 0 ? 1 : total / count;
    if (!Number.isInteger(streams) || streams < 1) {
      throw new ShapeMismatchError({ argument: 'codes', expected: `a multiple of ${count} codes for batchShape [${batchShape.join(', ')}]`, received: dims });
    }
  } else if (layout === 'tokens-streams') {
    const hasStreamAxis = maxStreams > 1 || keepStreamAxis;
    streams = hasStreamAxis ? (dims[dims.length - 1] ?? 0) : 1;
    batchShape = hasStreamAxis ? dims.slice(0, -1) : [...dims];
  } else {
    const axis = layout === 'streams-first' ? 0 : 1;
    if (dims.length <= axis) throw new ShapeMismatchError({ argument: 'codes', expected: `a stream axis at position ${axis}`, received: dims });
    streams = dims[axis]!;
    batchShape = dims.filter((_, i) => i !== axis);
  }
  if (streams < 1 || streams > maxStreams) {
    throw new ShapeMismatchError({ argument: 'codes', expected: `between 1 and ${maxStreams} codes per vector`, received: dims });
  }
  const count = total / streams;
  if (layout === 'flat' || layout === 'tokens-streams') return { codes: flat, count, streams, batchShape };
  const outer = layout === 'streams-first' ? 1 : (batchShape[0] ?? 1);
  const inner = count / Math.max(outer, 1);
  const codes = flat instanceof Int32Array ? new Int32Array(total) : new Float64Array(total);
  for (let o = 0; o < outer; o++) {
    const base = o * inner * streams;
    for (let s = 0; s < streams; s++) {
      for (let t = 0; t < inner; t++) codes[base + t * streams + s] = flat[base + s * inner + t]!;
    }
  }
  return { codes, count, streams, batchShape };
}

function readCodes(data: Int32Array | BigInt64Array, codebookSize: number): CodeArray {
  if (data instanceof Int32Array) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (v < 0 || v >= codebookSize) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: v, codebookSize });
    }
    return data;
  }
  const wide = codebookSize > 2 ** 31;
  const out = wide ? new Float64Array(data.length) : new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]!);
    if (!(v >= 0 && v < codebookSize)) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: v, codebookSize });
    out[i] = v;
  }
  return out;
}
