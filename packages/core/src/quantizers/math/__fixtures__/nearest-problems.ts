// Seeded inputs shared by the nearest-code tests.

import { createSeededRandom } from '../../../testing/seeded-random.js';

/** A seeded generator (mulberry32), so every run tests the same inputs. */
export const random = createSeededRandom;

export interface Problem {
  vectors: Float32Array;
  count: number;
  dim: number;
  codebook: Float32Array;
  size: number;
}

/**
 * Random codebooks that provoke ties: small integers or quarter steps (every score exact), copies of
 * earlier rows, and queries placed on rows, on midpoints between two rows, or at zero.
 */
export function problem(seed: number, size: number, dim: number, count: number): Problem {
  const next = random(seed);
  const grid = next() < 0.5;
  const value = () => (grid ? Math.round((next() * 2 - 1) * 8) / 4 : (next() * 2 - 1) * 3);
  const codebook = new Float32Array(size * dim);
  for (let k = 0; k < size; k++) {
    const copyOf = k > 0 && next() < 0.15 ? Math.floor(next() * k) : -1;
    for (let d = 0; d < dim; d++) codebook[k * dim + d] = copyOf >= 0 ? codebook[copyOf * dim + d]! : value();
  }
  const vectors = new Float32Array(count * dim);
  for (let n = 0; n < count; n++) {
    const kind = next();
    const a = Math.floor(next() * size);
    const b = Math.floor(next() * size);
    for (let d = 0; d < dim; d++) {
      const i = n * dim + d;
      if (kind < 0.2) vectors[i] = codebook[a * dim + d]!;
      else if (kind < 0.4) vectors[i] = (codebook[a * dim + d]! + codebook[b * dim + d]!) / 2;
      else if (kind < 0.45) vectors[i] = 0;
      else vectors[i] = value() * (grid ? 1 : 1 + next());
    }
  }
  return { vectors, count, dim, codebook, size };
}
