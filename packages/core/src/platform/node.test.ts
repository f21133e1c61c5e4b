import { describe, expect, it } from 'vitest';
import { createQuantizer as createNeutralQuantizer } from '../quantizers/create-quantizer.js';
import { createQuantizer } from './node.js';
import { defaultNearestSearch } from '../runtime/node.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { seededNormal } from '../testing/seeded-random.js';
import type { Tensor } from '../tensor/tensor.js';
import { typescriptNearestSearch } from '../quantizers/search/typescript-nearest-search.js';

const tensor = (data: Float32Array, dims: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data });

describe("Node's createQuantizer", () => {
  it('searches large codebooks on onnxruntime-node in encodeAsync, with the codes of encode', async () => {
    const [size, dim, count] = [8192, 16, 1100]; // 1100 × 8192 × 16 ≈ 144M multiply-adds ≥ the 2^27 threshold
    const codebook = seededNormal(size * dim, 1);
    const vq = createQuantizer({ type: 'vq', codebookSize: size, dim }, { codebook });
    const x = tensor(seededNormal(count * dim, 2, 1.3), [1, count, dim]);
    const before = { ...defaultNearestSearch().usage };
    const codes = await vq.encodeAsync(x);
    expect(defaultNearestSearch().usage.graphVectors - before.graphVectors).toBe(count);
    expect(Array.from(codes.data, Number)).toEqual(Array.from(vq.encode(x).data, Number));
  });

  it('runs every stage of a residual VQ through the runtime', async () => {
    const [stages, size, dim, count] = [4, 4096, 32, 1100]; // 144M multiply-adds per stage (≥ 2^27)
    const codebooks = seededNormal(stages * size * dim, 3);
    const rvq = createQuantizer({ type: 'residual-vq', numQuantizers: stages, codebookSize: size, dim }, { codebooks: tensor(codebooks, [stages, size, dim]) });
    const x = tensor(seededNormal(count * dim, 4), [1, count, dim]);
    const before = defaultNearestSearch().usage.graphVectors;
    const codes = await rvq.encodeAsync(x);
    expect(defaultNearestSearch().usage.graphVectors - before).toBe(stages * count);
    expect(Array.from(codes.data, Number)).toEqual(Array.from(rvq.encode(x).data, Number));
  });

  it('keeps small codebooks, explicit TypeScript searches and the neutral entry in TypeScript', async () => {
    const [size, dim, count] = [64, 8, 50]; // 25,600 multiply-adds
    const codebook = seededNormal(size * dim, 5);
    const x = tensor(seededNormal(count * dim, 6), [1, count, dim]);
    const small = createQuantizer({ type: 'vq', codebookSize: size, dim }, { codebook });
    const usage = defaultNearestSearch().usage;
    const graphBefore = usage.graphVectors;
    const typescriptBefore = usage.typescriptVectors;
    expect(defaultNearestSearch().searchesInTypeScript(count, { rows: codebook, size, dim, metric: 'l2' })).toBe(true);
    // Below the threshold the quantizer's own prepared search answers, without asking the accelerated one.
    expect(Array.from((await small.encodeAsync(x)).data, Number)).toEqual(Array.from(small.encode(x).data, Number));
    expect(usage.typescriptVectors).toBe(typescriptBefore);

    const bigCodebook = seededNormal(1024 * dim, 7);
    const big = createQuantizer({ type: 'vq', codebookSize: 1024, dim }, { codebook: bigCodebook }, { nearestSearch: typescriptNearestSearch });
    const neutral = createNeutralQuantizer({ type: 'vq', codebookSize: 1024, dim }, { codebook: bigCodebook });
    const many = tensor(seededNormal(17000 * dim, 9), [1, 17000, dim]); // 139M multiply-adds: large enough for the graph
    expect(Array.from((await big.encodeAsync(many)).data, Number)).toEqual(Array.from((await neutral.encodeAsync(many)).data, Number));
    expect(usage.graphVectors).toBe(graphBefore);
  });

  it('rejects a nearestSearch that is not one, where it is given', async () => {
    const codebook = seededNormal(64, 8);
    expect(() => createQuantizer({ type: 'vq', codebookSize: 8, dim: 8 }, { codebook }, { nearestSearch: {} as never })).toThrow(InvalidArgumentError);
    const vq = createQuantizer({ type: 'vq', codebookSize: 8, dim: 8 }, { codebook });
    await expect(vq.encodeAsync(tensor(new Float32Array(8), [1, 8]), { nearestSearch: 'ort' as never })).rejects.toThrow(/options\.nearestSearch/);
  });
});
