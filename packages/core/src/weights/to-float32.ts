import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { Tensor } from '../tensor/tensor.js';

const scratch = new DataView(new ArrayBuffer(4));

/** A float32 copy of a floating-point tensor (float64, float16 and bfloat16 widen or round as torch's `.float()` does). */
export function toFloat32(tensor: Tensor, argument = 'tensor'): Tensor<'float32'> {
  const { dims } = tensor;
  switch (tensor.type) {
    case 'float32':
      return tensor as Tensor<'float32'>;
    case 'float64':
      return { type: 'float32', dims, data: Float32Array.from(tensor.data as Float64Array) };
    case 'bfloat16': {
      const bits = tensor.data as Uint16Array;
      const out = new Float32Array(bits.length);
      // bfloat16 is the top half of a float32: widening is exact.
      new Uint32Array(out.buffer).set(Uint32Array.from(bits, (b) => b << 16));
      return { type: 'float32', dims, data: out };
    }
    case 'float16':
      return { type: 'float32', dims, data: Float32Array.from(tensor.data as Uint16Array, halfToFloat) };
    default:
      throw new InvalidArgumentError({ argument: `${argument}.type`, expected: 'a floating-point tensor (float32, float64, float16, bfloat16)', received: tensor.type });
  }
}

/** IEEE 754 half → float32, exact (subnormals, infinities and NaN included). */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : Number.NaN;
  scratch.setFloat32(0, sign * (1 + fraction / 1024) * 2 ** (exponent - 15));
  return scratch.getFloat32(0);
}
