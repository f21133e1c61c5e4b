import type { TensorType } from '../tensor/tensor.js';

/** safetensors dtype names (the format's spelling) and the tensor types they load as. */
export const SAFETENSORS_DTYPES: Readonly<Record<string, { readonly type: TensorType; readonly bytes: number }>> = {
  F64: { type: 'float64', bytes: 8 },
  F32: { type: 'float32', bytes: 4 },
  F16: { type: 'float16', bytes: 2 },
  BF16: { type: 'bfloat16', bytes: 2 },
  I64: { type: 'int64', bytes: 8 },
  I32: { type: 'int32', bytes: 4 },
  I16: { type: 'int16', bytes: 2 },
  I8: { type: 'int8', bytes: 1 },
  U32: { type: 'uint32', bytes: 4 },
  U16: { type: 'uint16', bytes: 2 },
  U8: { type: 'uint8', bytes: 1 },
  BOOL: { type: 'bool', bytes: 1 },
};

/** The safetensors dtype name of a tensor type. */
export function safetensorsDtypeOf(type: TensorType): string | undefined {
  for (const [name, entry] of Object.entries(SAFETENSORS_DTYPES)) if (entry.type === type) return name;
  return undefined;
}

/** The header of a safetensors file is at most this long (the reference implementation's limit). */
export const MAX_HEADER_BYTES = 100_000_000;
