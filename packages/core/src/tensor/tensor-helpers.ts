import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import type { Tensor, TensorDataTypeMap, TensorType } from './tensor.js';

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(dims: readonly number[]): number {
  let size = 1;
  for (const d of dims) size *= d;
  return size;
}

/** Checks a shape: non-negative safe integers only. */
export function assertValidDims(dims: readonly number[], argument = 'dims'): void {
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new InvalidArgumentError({ argument, expected: 'a shape of non-negative integers', received: dims });
    }
  }
}

/** Builds a tensor and checks that `data` has exactly as many elements as `dims` ask for. */
export function createTensor<T extends TensorType>(type: T, data: TensorDataTypeMap[T], dims: readonly number[]): Tensor<T> {
  assertValidDims(dims);
  if (data.length !== sizeOf(dims)) {
    throw new ShapeMismatchError({ argument: 'data', expected: `${sizeOf(dims)} elements for dims [${dims.join(', ')}]`, received: data.length });
  }
  return { type, dims: [...dims], data };
}

/**
 * Moves the channel axis (axis 1) of a `[B, C, ...spatial]` tensor to the end: `[B, ...spatial, C]`.
 * A rank-2 tensor `[B, C]` is returned as is.
 */
export function toChannelsLast<T extends TensorType>(tensor: Tensor<T>): Tensor<T> {
  const { dims } = tensor;
  if (dims.length < 2) throw new ShapeMismatchError({ argument: 'tensor', expected: 'rank ≥ 2 ([B, C, ...])', received: dims });
  const [batch, channels] = [dims[0]!, dims[1]!];
  const inner = sizeOf(dims.slice(2));
  const data = moveAxis(tensor.data, batch, channels, inner);
  return { type: tensor.type, dims: [batch, ...dims.slice(2), channels], data };
}

/** Moves the last axis of `[B, ...spatial, C]` to axis 1: `[B, C, ...spatial]`. */
export function toChannelsFirst<T extends TensorType>(tensor: Tensor<T>): Tensor<T> {
  const { dims } = tensor;
  if (dims.length < 2) throw new ShapeMismatchError({ argument: 'tensor', expected: 'rank ≥ 2 ([B, ..., C])', received: dims });
  const batch = dims[0]!;
  const channels = dims[dims.length - 1]!;
  const inner = sizeOf(dims.slice(1, -1));
  const data = moveAxis(tensor.data, batch, inner, channels);
  return { type: tensor.type, dims: [batch, channels, ...dims.slice(1, -1)], data };
}

/** Transposes the two middle axes of a `[outer, a, b]` view into `[outer, b, a]`. */
export function moveAxis<A extends TensorDataTypeMap[TensorType]>(data: A, outer: number, a: number, b: number): A {
  const out = data.slice(0) as unknown as Record<number, unknown>;
  const src = data as unknown as Record<number, unknown>;
  const block = a * b;
  for (let o = 0; o < outer; o++) {
    const base = o * block;
    for (let i = 0; i < a; i++) {
      for (let j = 0; j < b; j++) out[base + j * a + i] = src[base + i * b + j];
    }
  }
  return out as unknown as A;
}

/** Converts an int32 tensor to int64 (`BigInt64Array`), for ONNX models that take int64 inputs. */
export function toInt64(tensor: Tensor<'int32'> | Tensor<'int64'>): Tensor<'int64'> {
  if (tensor.type === 'int64') return tensor as Tensor<'int64'>;
  const src = tensor.data as Int32Array;
  const data = new BigInt64Array(src.length);
  for (let i = 0; i < src.length; i++) data[i] = BigInt(src[i]!);
  return { type: 'int64', dims: [...tensor.dims], data };
}

/**
 * Converts an int64 tensor to int32. Throws `InvalidArgumentError` if a value does not fit in
 * int32, rather than wrapping silently.
 */
export function toInt32(tensor: Tensor<'int32'> | Tensor<'int64'>): Tensor<'int32'> {
  if (tensor.type === 'int32') return tensor as Tensor<'int32'>;
  const src = tensor.data as BigInt64Array;
  const data = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (v > 2147483647n || v < -2147483648n) {
      throw new InvalidArgumentError({ argument: `tensor.data[${i}]`, expected: 'a value within int32 range', received: v });
    }
    data[i] = Number(v);
  }
  return { type: 'int32', dims: [...tensor.dims], data };
}
