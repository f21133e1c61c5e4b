/** Element types jointok uses; the names are onnxruntime's. */
export type TensorType = 'float32' | 'int32' | 'int64' | 'uint8' | 'bool' | 'float16' | 'bfloat16' | 'int8' | 'int16' | 'uint16' | 'uint32' | 'float64';

/** The typed array that holds each element type (`int64` uses `BigInt64Array`, as onnxruntime does). */
export interface TensorDataTypeMap {
  float32: Float32Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  bool: Uint8Array;
  /** IEEE half floats, as their bit patterns (onnxruntime's convention). */
  float16: Uint16Array;
  /** bfloat16, as bit patterns (the top 16 bits of a float32). */
  bfloat16: Uint16Array;
  int8: Int8Array;
  int16: Int16Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  float64: Float64Array;
}

/**
 * A dense row-major tensor: `{ type, dims, data }`. Structurally compatible with the
 * `Tensor` of `onnxruntime-common`, so an ort tensor can be passed wherever a jointok
 * Tensor is expected, and `new ort.Tensor(t.type, t.data, t.dims)` goes the other way.
 */
export interface Tensor<T extends TensorType = TensorType> {
  readonly type: T;
  readonly dims: readonly number[];
  readonly data: TensorDataTypeMap[T];
}
