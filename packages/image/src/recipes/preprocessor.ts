import type { Tensor } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import { toRgb } from '../image/channels.js';
import type { Image8, RgbImage } from '../image/types.js';
import { resize } from '../resize/resize.js';
import { centerCrop } from '../transforms/center-crop.js';
import { centerCropArr } from '../transforms/center-crop-arr.js';
import { compositeAlpha } from '../transforms/composite-alpha.js';
import { type Padding, padToMultiple } from '../transforms/pad.js';
import { resizeShortSide } from '../transforms/resize-short-side.js';
import { resizeTorchvision } from '../transforms/resize-torchvision.js';
import { smartResize } from '../transforms/smart-resize.js';
import { toTensor } from '../transforms/to-tensor.js';
import { readPreprocessSteps } from './read-steps.js';
import type { PreprocessStep } from './step-types.js';

/** What a preprocessor returns: the encoder's input and what postprocessing needs to undo. */
export interface PreprocessResult {
  /** float32 `[1, 3, H, W]`. */
  readonly tensor: Tensor<'float32'>;
  /** The RGB image after the image steps (what the tensor holds, as bytes). */
  readonly image: RgbImage;
  /** The padding a `pad-to-multiple` step added, if any (for `crop-padding`). */
  readonly padding: Padding | undefined;
}

/** A validated preprocessing recipe. */
export interface Preprocessor {
  readonly steps: readonly PreprocessStep[];
  /** True when the recipe composites alpha: read images with `{ alpha: 'keep' }` for it. */
  readonly needsAlpha: boolean;
  /** Runs the steps on an RGB or RGBA image (alpha is dropped unless the first step composites it). */
  run(image: Image8): PreprocessResult;
}

/**
 * Builds a preprocessor from `jointok.json`'s `preprocessing` (`{ steps: [...] }`, or the list of
 * steps itself), validating it first: `InvalidSpecError` names the bad JSON path.
 */
export function createPreprocessor(spec: unknown, path = 'preprocessing'): Preprocessor {
  const steps = readPreprocessSteps(Array.isArray(spec) ? { steps: spec } : spec, path);
  return {
    steps,
    needsAlpha: steps[0]?.type === 'composite-alpha',
    run(input) {
      assertImage(input, 'image', [1, 2, 3, 4]);
      let image: RgbImage = steps[0]?.type === 'composite-alpha' ? compositeAlpha(input, steps[0].background) : toRgb(input);
      let padding: Padding | undefined;
      let tensor: Tensor<'float32'> | undefined;
      for (const step of steps) {
        switch (step.type) {
          case 'composite-alpha':
            break;
          case 'center-crop-arr':
            image = centerCropArr(image, step.size);
            break;
          case 'resize':
            image = resize(image, step);
            break;
          case 'resize-short-side':
            image = resizeShortSide(image, step);
            break;
          case 'resize-torchvision':
            image = resizeTorchvision(image, step);
            break;
          case 'center-crop':
            image = centerCrop(image, step);
            break;
          case 'smart-resize':
            image = smartResize(image, step);
            break;
          case 'pad-to-multiple':
            ({ image, padding } = padToMultiple(image, step.multiple, step));
            break;
          case 'to-tensor':
            tensor = toTensor(image, step);
            break;
        }
      }
      return { tensor: tensor!, image, padding };
    },
  };
}
