import { describe, expect, it } from 'vitest';
import { createQuantizer } from '../quantizers/create-quantizer.js';
import { defaultNearestSearch } from './browser.js';
import { seededNormal } from '../testing/seeded-random.js';
import type { Tensor } from '../tensor/tensor.js';

const tensor = (data: Float32Array, dims: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data });

// onnxruntime-web's WASM backend, run in Node: the path the browser build takes.
describe("the browser's defaultNearestSearch", () => {
  it('runs large searches of encodeAsync on onnxruntime-web when a quantizer opts in, with the codes of encode', async () => {
    const [size, dim, count] = [4096, 32, 1100]; // 144M multiply-adds ≥ the 2^27 threshold
    const codebook = seededNormal(size * dim, 11);
    const vq = createQuantizer({ type: 'vq', codebookSize: size, dim, metric: 'cosine' }, { codebook }, { nearestSearch: defaultNearestSearch() });
    const x = tensor(seededNormal(count * dim, 12), [2, count / 2, dim]);
    const before = defaultNearestSearch().usage.graphVectors;
    const codes = await vq.encodeAsync(x);
    expect(defaultNearestSearch().usage.graphVectors - before).toBe(count);
    expect(Array.from(codes.data, Number)).toEqual(Array.from(vq.encode(x).data, Number));
  });
});
