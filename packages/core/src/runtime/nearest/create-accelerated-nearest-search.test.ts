import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { MissingDependencyError } from '../../errors/missing-dependency-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { bruteForceNearest } from '../../quantizers/math/__fixtures__/brute-force-nearest.js';
import { nearestCodes } from '../../quantizers/math/nearest-code.js';
import { createSession } from '../create-session.js';
import type { OrtModule } from '../ort-module.js';
import type { SessionFactory } from '../session.js';
import { expected, fixtureBytes } from '../__fixtures__/fixtures.js';
import { createAcceleratedNearestSearch } from './create-accelerated-nearest-search.js';
import { nearestCodeGraph } from './nearest-code-graph.js';

const ort = ortNode as unknown as OrtModule;

/** A session factory that counts the sessions it makes. */
function countingFactory(): { factory: SessionFactory; created: () => number } {
  let created = 0;
  return {
    factory: (model) => {
      created++;
      return createSession(model, { ort, threads: 1 });
    },
    created: () => created,
  };
}

/** Deterministic pseudo-random floats (xorshift), so failures reproduce. */
function randomFloats(length: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = (((state >>> 0) / 4294967296) * 2 - 1) * scale;
  }
  return out;
}

describe('createAcceleratedNearestSearch', () => {
  it('embeds exactly the committed nearest-code graphs', () => {
    expect(nearestCodeGraph('l2')).toEqual(fixtureBytes('nearest-l2.onnx'));
    expect(nearestCodeGraph('dot')).toEqual(fixtureBytes('nearest-dot.onnx'));
  });

  it("gives torch's float64 indices on both paths, first index on exact ties, near ties and clamps", async () => {
    for (const threshold of [1, 1 << 30]) {
      const search = createAcceleratedNearestSearch({ createSession: countingFactory().factory, threshold });
      for (const c of expected.nearest) {
        const [count, dim] = c.x.dims as [number, number];
        const out = new Int32Array(count);
        const clamp = c.minDistance === null || c.minDistance === undefined ? {} : { minDistance: c.minDistance };
        await search.nearestCodes(Float32Array.from(c.x.data), count, { rows: Float32Array.from(c.codebook.data), size: c.codebook.dims[0]!, dim, metric: c.metric, ...clamp }, out);
        expect(Array.from(out), `${c.name}, threshold ${threshold}`).toEqual(c.indices.data);
      }
      await search.release();
    }
  });

  it('matches the TypeScript nearestCodes on random data, across batches, with stride and offset', async () => {
    const search = createAcceleratedNearestSearch({ createSession: countingFactory().factory, threshold: 1, maxBatchElements: 1000 });
    for (const [size, dim, count] of [[512, 8, 300], [64, 33, 100], [1000, 3, 77]] as const) {
      const codebook = randomFloats(size * dim, size + dim);
      // Duplicate rows make exact ties on random data too.
      codebook.copyWithin(5 * dim, 2 * dim, 3 * dim);
      const vectors = randomFloats(count * dim, count, 1.5);
      vectors.set(codebook.subarray(2 * dim, 3 * dim), 0);
      for (const metric of ['l2', 'dot'] as const) {
        const want = nearestCodes(vectors, count, { rows: codebook, size, dim, metric }, new Int32Array(count * 3), { outStride: 3, outOffset: 1 });
        const got = await search.nearestCodes(vectors, count, { rows: codebook, size, dim, metric }, new Int32Array(count * 3), { outStride: 3, outOffset: 1 });
        const strided = (codes: Int32Array): number[] => Array.from({ length: count }, (_, n) => codes[n * 3 + 1]!);
        expect(strided(got), `${metric} ${size}x${dim} vs the plain loop`).toEqual(Array.from(bruteForceNearest(vectors, count, dim, codebook, size, metric)));
        expect(Array.from(got), `${metric} ${size}x${dim} vs nearestCodes`).toEqual(Array.from(want));
        if (metric === 'l2') expect(got[1]).toBe(2);
      }
    }
    await search.release();
  });

  it('uses the graph only at and above the threshold of count × size × dim, and creates one session per metric', async () => {
    const { factory, created } = countingFactory();
    const search = createAcceleratedNearestSearch({ createSession: factory, threshold: 128 });
    const rows = randomFloats(64, 1);
    const codebook = (size: number, metric: 'l2' | 'dot' = 'l2') => ({ rows, size, dim: 4, metric });
    // 2 × 15 × 4 = 120 and 1 × 16 × 4 = 64 multiply-adds stay below 128.
    await search.nearestCodes(randomFloats(8, 2), 2, codebook(15), new Int32Array(2));
    await search.nearestCodes(randomFloats(4, 2), 1, codebook(16), new Int32Array(1));
    expect(created()).toBe(0);
    expect(search.usage.typescriptVectors).toBe(3);
    expect([search.searchesInTypeScript(2, codebook(15)), search.searchesInTypeScript(2, codebook(16)), search.searchesInTypeScript(64, codebook(3))]).toEqual([true, false, true]);
    await search.nearestCodes(randomFloats(8, 2), 2, codebook(16), new Int32Array(2));
    await search.nearestCodes(randomFloats(8, 3), 2, codebook(16), new Int32Array(2));
    expect(created()).toBe(1);
    await search.nearestCodes(randomFloats(8, 2), 2, codebook(16, 'dot'), new Int32Array(2));
    expect(created()).toBe(2);
    await search.release();
  });

  it('trusts clear gaps, rescores close candidates, and searches everything when all four are close', async () => {
    // A fake graph with deliberately wrong answers, so the output shows which path each vector took.
    // Codebook rows: 0 = (0,0) is the true nearest for every vector; rows 1..4 are farther.
    const fake: SessionFactory = async () => ({
      inputNames: ['x', 'codebook'],
      outputNames: ['scores', 'indices'],
      run: async () => ({
        scores: { type: 'float32', dims: [3, 4], data: new Float32Array([-10, 5, 6, 7, -10, -10 + 1e-7, 6, 7, -10, -10, -10, -10]) },
        indices: { type: 'int64', dims: [3, 4], data: new BigInt64Array([3n, 0n, 1n, 2n, 2n, 1n, 0n, 3n, 4n, 3n, 2n, 1n]) },
      }),
      release: async () => undefined,
    });
    const search = createAcceleratedNearestSearch({ createSession: fake, threshold: 1 });
    const codebook = new Float32Array([0, 0, 3, 3, 5, 5, 7, 7, 9, 9]);
    const out = await search.nearestCodes(new Float32Array([0.1, 0, 0.2, 0.1, 0, 0.3]), 3, { rows: codebook, size: 5, dim: 2, metric: 'l2' }, new Int32Array(3));
    // Vector 0: clear gap, the graph's row 3 is taken as is. Vector 1: rows 2 and 1 are within reach,
    // so only they are rescored (1 is nearer). Vector 2: all four are close, the full search finds 0.
    expect(Array.from(out)).toEqual([3, 1, 0]);
    expect(search.usage).toEqual({ graphVectors: 3, typescriptVectors: 0, rescoredVectors: 1, researchedVectors: 1 });
  });

  it('falls back to TypeScript when the runtime package is missing', async () => {
    const search = createAcceleratedNearestSearch({
      createSession: () => Promise.reject(new MissingDependencyError({ packageName: 'onnxruntime-node', purpose: 'test' })),
      threshold: 1,
    });
    const codebook = new Float32Array([0, 0, 1, 1, 2, 2]);
    const out = await search.nearestCodes(new Float32Array([0.9, 1.2, 2, 1.9]), 2, { rows: codebook, size: 3, dim: 2, metric: 'l2' }, new Int32Array(2));
    expect(Array.from(out)).toEqual([1, 2]);
    expect(search.usage.typescriptVectors).toBe(2);
    expect(search.usage.graphVectors).toBe(0);
  });

  it('passes other session failures through', async () => {
    const search = createAcceleratedNearestSearch({ createSession: () => Promise.reject(new InvalidArgumentError({ argument: 'x', expected: 'y' })), threshold: 1 });
    await expect(search.nearestCodes(new Float32Array(2), 1, { rows: new Float32Array(8), size: 4, dim: 2, metric: 'dot' }, new Int32Array(1))).rejects.toThrow(/Invalid x/);
  });

  it('rejects bad options and arguments with typed errors', async () => {
    expect(() => createAcceleratedNearestSearch({} as never)).toThrow(InvalidArgumentError);
    expect(() => createAcceleratedNearestSearch({ createSession: countingFactory().factory, threshold: 0 })).toThrow(/options\.threshold/);
    expect(() => createAcceleratedNearestSearch({ createSession: countingFactory().factory, maxBatchElements: 1.5 })).toThrow(/options\.maxBatchElements/);
    const search = createAcceleratedNearestSearch({ createSession: countingFactory().factory });
    const call = (overrides: Partial<{ vectors: Float32Array; count: number; dim: number; codebook: Float32Array; size: number; metric: string; out: Int32Array }>) => {
      const a = { vectors: new Float32Array(4), count: 2, dim: 2, codebook: new Float32Array(6), size: 3, metric: 'l2', out: new Int32Array(2), ...overrides };
      return search.nearestCodes(a.vectors, a.count, { rows: a.codebook, size: a.size, dim: a.dim, metric: a.metric as 'l2' }, a.out).catch((e: unknown) => e);
    };
    const argumentOf = (e: unknown): string | undefined => (InvalidArgumentError.isInstance(e) || ShapeMismatchError.isInstance(e) ? e.argument : undefined);
    expect(argumentOf(await call({ count: -1 }))).toBe('count');
    expect(argumentOf(await call({ dim: 0 }))).toBe('codebook.dim');
    expect(argumentOf(await call({ size: 2.5 }))).toBe('codebook.size');
    expect(argumentOf(await call({ metric: 'cosine' }))).toBe('codebook.metric');
    expect(argumentOf(await call({ vectors: new Float32Array(3) }))).toBe('vectors');
    expect(argumentOf(await call({ codebook: new Float32Array(5) }))).toBe('codebook.rows');
    expect(argumentOf(await call({ out: new Int32Array(1) }))).toBe('out');
    expect(await call({ count: 0, vectors: new Float32Array(0), out: new Int32Array(0) })).toEqual(new Int32Array(0));
  });
});
