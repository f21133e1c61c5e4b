import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import type { Tensor, TensorType } from '../tensor/tensor.js';
import type { OrtModule, OrtTensor } from './ort-module.js';

/** The typed-array class that holds each element type ONNX Runtime tensors take (not bfloat16). */
const arrayClasses: Readonly<Partial<Record<TensorType, new (length: number) => ArrayLike<unknown>>>> = {
  float32: Float32Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  bool: Uint8Array,
  float16: Uint16Array,
  int8: Int8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  float64: Float64Array,
};

/** The element types a session accepts and returns. */
export const sessionTensorTypes: readonly TensorType[] = Object.keys(arrayClasses) as TensorType[];

/** True if `type` is an element type that sessions take (every jointok type except bfloat16). */
export function isTensorType(type: unknown): type is TensorType {
  return typeof type === 'string' && Object.hasOwn(arrayClasses, type);
}

/** Checks that a fed value is a jointok tensor whose data array matches its `type`. */
export function assertTensorData(value: unknown, argument: string): asserts value is Tensor {
  if (value === null || typeof value !== 'object') {
    throw new InvalidArgumentError({ argument, expected: 'a tensor { type, dims, data }', received: value });
  }
  const { type, data, dims } = value as Partial<Tensor>;
  if (!isTensorType(type)) {
    throw new InvalidArgumentError({ argument: `${argument}.type`, expected: `one of ${sessionTensorTypes.join(', ')}`, received: type });
  }
  const arrayClass = arrayClasses[type]!;
  if (!(data instanceof arrayClass)) {
    throw new InvalidArgumentError({ argument: `${argument}.data`, expected: `a ${arrayClass.name} for type ${type}`, received: data });
  }
  if (!Array.isArray(dims)) throw new InvalidArgumentError({ argument: `${argument}.dims`, expected: 'an array of sizes', received: dims });
}

/** A jointok tensor as a tensor of the given runtime (no copy of the data). */
export function toOrtTensor(ort: OrtModule, tensor: Tensor): OrtTensor {
  return new ort.Tensor(tensor.type, tensor.data, [...tensor.dims]);
}

/**
 * A runtime tensor as a jointok tensor. CPU data is taken as is; data on a device (WebGPU) is
 * downloaded. Float16 data held in a `Float16Array` is viewed as raw `Uint16Array` bits.
 *
 * @throws UnsupportedError for element types jointok has no array for (string, uint16, ...)
 */
export async function fromOrtTensor(tensor: OrtTensor, name: string): Promise<Tensor> {
  const type = tensor.type;
  if (!isTensorType(type)) {
    throw new UnsupportedError({ feature: `output ${JSON.stringify(name)} of element type ${JSON.stringify(type)}`, supported: sessionTensorTypes });
  }
  let data = tensor.location === undefined || tensor.location === 'cpu' || tensor.getData === undefined ? tensor.data : await tensor.getData(true);
  if (type === 'float16' && ArrayBuffer.isView(data) && !(data instanceof Uint16Array)) {
    const view = data as unknown as { buffer: ArrayBuffer; byteOffset: number; length: number };
    data = new Uint16Array(view.buffer, view.byteOffset, view.length);
  }
  return { type, dims: [...tensor.dims], data } as Tensor;
}
