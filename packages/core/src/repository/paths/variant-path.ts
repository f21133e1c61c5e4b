import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';

/**
 * Weight variants published next to the full-precision ONNX file, as in onnx-community folders
 * (`onnx/encoder_model_fp16.onnx`). `fp32` is the file without a suffix.
 */
export const ONNX_VARIANTS = ['fp32', 'fp16', 'int8', 'uint8', 'quantized', 'q4', 'q4f16', 'bnb4'] as const;

/** One of {@link ONNX_VARIANTS}. */
export type OnnxVariant = (typeof ONNX_VARIANTS)[number];

/**
 * The path of a variant by the onnx-community naming convention: `_<variant>` before the `.onnx`
 * extension. `fp32` (or no variant) returns the path unchanged; files that are not `.onnx` have no
 * variants and are returned unchanged.
 *
 * @throws InvalidArgumentError when `variant` is not one of {@link ONNX_VARIANTS}.
 */
export function variantPath(path: string, variant: string | undefined): string {
  if (variant === undefined || variant === 'fp32') return path;
  if (!(ONNX_VARIANTS as readonly string[]).includes(variant)) {
    throw new InvalidArgumentError({ argument: 'variant', expected: `one of ${ONNX_VARIANTS.join(', ')}`, received: variant });
  }
  if (!path.endsWith('.onnx')) return path;
  return `${path.slice(0, -'.onnx'.length)}_${variant}.onnx`;
}
