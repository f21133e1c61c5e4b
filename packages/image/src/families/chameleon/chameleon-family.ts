import type { ImageFamilyDefinition } from '../create-image-family.js';

/** Meta's Chameleon VQGAN image tokenizer (also Anole's): 8192 codes, 512 px → 32 × 32. */
export const CHAMELEON_FAMILY = 'chameleon';

/**
 * Chameleon on the standard image pipeline with no hooks: its recipe ({@link chameleonRecipe}) and
 * euclidean `vq` quantizer are manifest data, and its `[h, w]` blocks are row-major as Chameleon's
 * `img_tokens_from_pil` flattens them, so they feed core's `chameleonLayout` as they are.
 */
export const chameleonFamily: ImageFamilyDefinition = { family: CHAMELEON_FAMILY };
