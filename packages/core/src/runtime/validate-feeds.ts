import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import { assertValidDims, sizeOf } from '../tensor/tensor-helpers.js';
import type { Tensor } from '../tensor/tensor.js';
import { assertTensorData } from './convert-tensor.js';
import type { OrtValueMetadata } from './ort-module.js';

/**
 * Checks feeds against a model's inputs before the runtime sees them, so that a wrong name, element
 * type or fixed dimension gives a typed error that names the input instead of a runtime message.
 * Symbolic dimensions (`'batch'`) accept any size; an empty metadata shape (unknown) is not checked.
 */
export function validateFeeds(feeds: unknown, inputNames: readonly string[], metadata: readonly OrtValueMetadata[] | undefined): asserts feeds is Record<string, Tensor> {
  if (feeds === null || typeof feeds !== 'object' || Array.isArray(feeds)) {
    throw new InvalidArgumentError({ argument: 'feeds', expected: `an object keyed by input name (${inputNames.join(', ')})`, received: feeds });
  }
  for (const name of Object.keys(feeds)) {
    if (!inputNames.includes(name)) {
      throw new InvalidArgumentError({ argument: `feeds.${name}`, expected: `one of the model's inputs: ${inputNames.join(', ')}`, received: name });
    }
  }
  for (const name of inputNames) {
    const tensor = (feeds as Record<string, unknown>)[name];
    const argument = `feeds.${name}`;
    if (tensor === undefined) {
      throw new InvalidArgumentError({ argument, expected: 'a tensor: the model requires this input', received: undefined });
    }
    assertTensorData(tensor, argument);
    assertValidDims(tensor.dims, `${argument}.dims`);
    if (tensor.data.length !== sizeOf(tensor.dims)) {
      throw new ShapeMismatchError({ argument: `${argument}.data`, expected: `${sizeOf(tensor.dims)} elements for dims [${tensor.dims.join(', ')}]`, received: tensor.data.length });
    }
    const meta = metadata?.find((m) => m.name === name);
    if (meta !== undefined && meta.isTensor) checkAgainstMetadata(tensor, meta, argument);
  }
}

function checkAgainstMetadata(tensor: Tensor, meta: OrtValueMetadata, argument: string): void {
  if (meta.type !== undefined && meta.type !== tensor.type) {
    throw new InvalidArgumentError({ argument: `${argument}.type`, expected: JSON.stringify(meta.type), received: tensor.type });
  }
  const shape = meta.shape;
  if (shape === undefined || shape.length === 0) return;
  const expected = `[${shape.join(', ')}]`;
  if (tensor.dims.length !== shape.length) throw new ShapeMismatchError({ argument, expected, received: tensor.dims });
  shape.forEach((size, axis) => {
    if (typeof size === 'number' && size >= 0 && tensor.dims[axis] !== size) throw new ShapeMismatchError({ argument, expected, received: tensor.dims });
  });
}
