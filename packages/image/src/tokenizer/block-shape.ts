import { ShapeMismatchError, type CodeSpace } from '@jointok/core';

/**
 * The block shape for a codes tensor of one image: the batch axis and size-1 axes that the code space
 * does not name are dropped (`[1, 16, 16]` → `[16, 16]`; a 1-D tokenizer's `[1, 1, 32]` → `[32]`).
 *
 * @throws ShapeMismatchError when the codes cannot take the code space's axes
 */
export function blockShape(dims: readonly number[], codeSpace: CodeSpace): number[] {
  if (dims[0] !== 1) throw new ShapeMismatchError({ argument: 'codes', expected: 'one image (batch 1)', received: dims });
  const shape = dims.slice(1);
  for (let i = 0; shape.length > codeSpace.axes.length && i < shape.length; ) {
    if (shape[i] === 1) shape.splice(i, 1);
    else i++;
  }
  if (shape.length !== codeSpace.axes.length) throw new ShapeMismatchError({ argument: 'codes', expected: `codes with the axes ${codeSpace.axes.join(', ')}`, received: dims });
  return shape;
}
