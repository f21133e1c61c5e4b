// Shared by the examples: the built core package and reproducible latents.
export { createQuantizer, fitCodebook } from '../packages/core/dist/index.node.js';
import { seededNormal } from '../packages/core/dist/testing/index.js';

/** `count` seeded normal samples (σ = 1) as a Float32Array. */
export function seededLatents(count, seed) {
  return seededNormal(count, seed, 1);
}
