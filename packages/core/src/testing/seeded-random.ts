import { createSeededRandom } from '../random/seeded-random.js';

export { createSeededRandom };

/** `count` normal samples (Box–Muller) scaled by `sigma`, as float32. */
export function seededNormal(count: number, seed: number, sigma = 1): Float32Array {
  const random = createSeededRandom(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u)) * sigma;
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
