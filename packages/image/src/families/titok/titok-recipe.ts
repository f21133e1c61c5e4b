import type { PostprocessStep, PreprocessStep } from '../../recipes/step-types.js';

/**
 * TiTok's image recipe as `jointok.json` data, for a model of `imageSize` pixels (256 published): the
 * evaluation transform `Resize(imageSize, BICUBIC)` of the short side (torchvision's sizes), `CenterCrop`
 * (rounded offsets), `ToTensor` (pixels in [0, 1], no normalisation); alpha is dropped as `convert('RGB')`
 * does. Decoded pixels are the demo's `clamp(0, 1) · 255` truncated to bytes. Any image size is accepted:
 * smaller images are upscaled.
 */
export function titokRecipe(imageSize = 256): { preprocessing: { steps: PreprocessStep[] }; postprocessing: { steps: PostprocessStep[] } } {
  return {
    preprocessing: {
      steps: [
        { type: 'resize-torchvision', size: imageSize, filter: 'bicubic' },
        { type: 'center-crop', width: imageSize, height: imageSize, offsets: 'round' },
        { type: 'to-tensor', mean: [0, 0, 0], std: [1, 1, 1], arithmetic: 'torchvision' },
      ],
    },
    postprocessing: { steps: [{ type: 'to-uint8', clamp: [0, 1], scale: 255, offset: 0, rounding: 'truncate' }] },
  };
}
