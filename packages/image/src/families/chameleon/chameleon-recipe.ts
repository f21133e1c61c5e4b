import type { PostprocessStep, PreprocessStep } from '../../recipes/step-types.js';

/**
 * Chameleon's image recipe as `jointok.json` data, for a model of `imageSize` pixels (512 published):
 * `_whiten_transparency` (alpha blended over white, so transparent areas turn white rather than black),
 * `_vqgan_input_from` (LANCZOS resize of the short side to `imageSize` with Python's `round` on both sides,
 * centre crop with floored offsets, `x / 255 · 2 − 1` in float64), and `_pil_from_chw_tensor` on the way
 * back (clamp to [−1, 1], `(x + 1) / 2 · 255` truncated). Any image size is accepted: smaller images are
 * upscaled to `imageSize`.
 */
export function chameleonRecipe(imageSize = 512): { preprocessing: { steps: PreprocessStep[] }; postprocessing: { steps: PostprocessStep[] } } {
  const half = [0.5, 0.5, 0.5] as const;
  return {
    preprocessing: {
      steps: [
        { type: 'composite-alpha', background: [255, 255, 255] },
        { type: 'resize-short-side', size: imageSize, filter: 'lanczos', rounding: 'round' },
        { type: 'center-crop', width: imageSize, height: imageSize, offsets: 'floor' },
        { type: 'to-tensor', mean: half, std: half, arithmetic: 'float64' },
      ],
    },
    postprocessing: { steps: [{ type: 'to-uint8', mean: half, std: half, clamp: [0, 1], scale: 255, offset: 0, rounding: 'truncate' }] },
  };
}
