import { InvalidArgumentError, type Tensor } from '@jointok/core';
import type { RgbImage } from '../image/types.js';
import { type Padding, removePadding } from '../transforms/pad.js';
import { toUint8 } from '../transforms/to-uint8.js';
import { readPostprocessSteps } from './read-steps.js';
import type { PostprocessStep } from './step-types.js';

/** A validated postprocessing recipe. */
export interface Postprocessor {
  readonly steps: readonly PostprocessStep[];
  /** Turns a decoder's float32 `[1, 3, H, W]` output into pixels; `padding` comes from the preprocessor. */
  run(tensor: Tensor<'float32'>, context?: { padding?: Padding | undefined }): RgbImage;
}

/** Builds a postprocessor from `jointok.json`'s `postprocessing` (`{ steps: [...] }` or the list). */
export function createPostprocessor(spec: unknown, path = 'postprocessing'): Postprocessor {
  const steps = readPostprocessSteps(Array.isArray(spec) ? { steps: spec } : spec, path);
  return {
    steps,
    run(tensor, context = {}) {
      let image: RgbImage | undefined;
      for (const step of steps) {
        if (step.type === 'to-uint8') image = toUint8(tensor, step);
        else if (context.padding !== undefined) {
          const { padding } = context;
          if (image!.width !== padding.width + padding.left + padding.right || image!.height !== padding.height + padding.top + padding.bottom) {
            throw new InvalidArgumentError({
              argument: 'context.padding',
              expected: `padding that matches the decoded ${image!.width}x${image!.height} image`,
              received: padding,
            });
          }
          image = removePadding(image!, padding);
        }
      }
      return image!;
    },
  };
}
