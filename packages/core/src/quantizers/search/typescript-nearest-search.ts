import { nearestCodes } from '../math/nearest-code.js';
import type { AsyncNearestSearch } from './async-nearest-search.js';

/**
 * The TypeScript search behind the {@link AsyncNearestSearch} interface: pass it as `nearestSearch`
 * to keep `encodeAsync` off ONNX Runtime (the Node and browser `createQuantizer` otherwise use the
 * runtime for large codebooks).
 */
export const typescriptNearestSearch: AsyncNearestSearch = {
  nearestCodes: async (vectors, count, codebook, out, output) => nearestCodes(vectors, count, codebook, out, output),
};
