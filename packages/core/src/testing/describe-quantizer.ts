import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../errors/code-out-of-range-error.js';
import { JointokError } from '../errors/jointok-error.js';
import { NonFiniteValueError } from '../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import { nearestCodes } from '../quantizers/math/nearest-code.js';
import type { Quantizer } from '../quantizers/quantizer.js';
import type { AsyncNearestSearch } from '../quantizers/search/async-nearest-search.js';
import type { Tensor } from '../tensor/tensor.js';
import { seededNormal } from './seeded-random.js';

/** What a quantizer under test supports; the suite skips checks a backend does not claim. */
export interface QuantizerCapabilities {
  /** Re-encoding decoded latents gives back the same codes (true for VQ/LFQ with distinct rows; false for tanh-bounded FSQ). */
  reencodeStable?: boolean;
  /** `encode(x, { numQuantizers })` uses the first n stages (residual families). */
  numQuantizers?: boolean;
}

/** Settings of {@link describeQuantizer}. */
export interface QuantizerConformanceOptions {
  /** Builds a fresh quantizer (called once per test). */
  create: () => Quantizer;
  capabilities?: QuantizerCapabilities;
  /** Standard deviation of the random latents (default 1). */
  sigma?: number;
  /** Number of latent vectors per test batch (default 24). */
  vectors?: number;
}

/**
 * The shared conformance suite of the Quantizer contract, run by every implementation
 * (jointok's own families and third-party ones):
 *
 * ```ts
 * import { describeQuantizer } from '@jointok/core/test';
 * describeQuantizer('my-fsq', { create: () => createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5] }) });
 * ```
 */
export function describeQuantizer(name: string, options: QuantizerConformanceOptions): void {
  const { create, capabilities = {}, sigma = 1, vectors = 24 } = options;

  const latents = (q: Quantizer, seed = 1): Float32Array => seededNormal(vectors * q.dim, seed, sigma);
  const asTensor = (q: Quantizer, data: Float32Array, batch = 2): Tensor<'float32'> => ({
    type: 'float32',
    dims: [batch, data.length / q.dim / batch, q.dim],
    data,
  });

  describe(`${name}: Quantizer conformance`, () => {
    it('describes itself consistently', () => {
      const q = create();
      expect(typeof q.type).toBe('string');
      expect(q.spec.type).toBe(q.type);
      expect(Number.isInteger(q.dim) && q.dim > 0).toBe(true);
      expect(Number.isInteger(q.numCodebooks) && q.numCodebooks > 0).toBe(true);
      expect(q.codebookSize).toBeGreaterThan(1);
    });

    it('encodes vectors to numCodebooks integer codes in [0, codebookSize) each', () => {
      const q = create();
      const codes = q.encodeVectors(latents(q), vectors);
      expect(codes.length).toBe(vectors * q.numCodebooks);
      for (const code of codes) {
        expect(Number.isInteger(code)).toBe(true);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThan(q.codebookSize);
      }
    });

    it('is deterministic', () => {
      const q = create();
      const x = latents(q, 7);
      expect(Array.from(q.encodeVectors(x, vectors))).toEqual(Array.from(create().encodeVectors(x.slice(), vectors)));
    });

    it('does not modify its input', () => {
      const q = create();
      const x = latents(q, 3);
      const copy = x.slice();
      q.encodeVectors(x, vectors);
      expect(x).toEqual(copy);
    });

    it('decodes to outputDim floats per vector', () => {
      const q = create();
      const codes = q.encodeVectors(latents(q), vectors);
      const decoded = q.decodeVectors(codes, vectors, q.numCodebooks);
      expect(decoded.length).toBe(vectors * q.outputDim);
      for (const v of decoded) expect(Number.isFinite(v)).toBe(true);
    });

    if (capabilities.reencodeStable) {
      it('re-encodes its own decoded vectors to the same codes', () => {
        const q = create();
        const codes = q.encodeVectors(latents(q, 11), vectors);
        const decoded = q.decodeVectors(codes, vectors, q.numCodebooks);
        expect(Array.from(q.encodeVectors(decoded, vectors))).toEqual(Array.from(codes));
      });
    }

    if (capabilities.numQuantizers && create().numCodebooks > 1) {
      it('uses only the first numQuantizers stages when asked', () => {
        const q = create();
        const x = latents(q, 5);
        const all = q.encodeVectors(x, vectors);
        const first = q.encodeVectors(x, vectors, { numQuantizers: 1 });
        expect(first.length).toBe(vectors);
        for (let n = 0; n < vectors; n++) expect(first[n]).toBe(all[n * q.numCodebooks]);
      });
    }

    it('gives the same codes for channel-first and channel-last tensors', () => {
      const q = create();
      const x = latents(q, 13);
      const last = q.encode(asTensor(q, x), { channelAxis: 'last' });
      const batch = 2;
      const perBatch = x.length / q.dim / batch;
      const first = new Float32Array(x.length);
      for (let b = 0; b < batch; b++)
        for (let t = 0; t < perBatch; t++)
          for (let c = 0; c < q.dim; c++) first[b * q.dim * perBatch + c * perBatch + t] = x[b * q.dim * perBatch + t * q.dim + c]!;
      const viaFirst = q.encode({ type: 'float32', dims: [batch, q.dim, perBatch], data: first }, { channelAxis: 'first' });
      expect(Array.from(viaFirst.data, Number)).toEqual(Array.from(last.data, Number));
    });

    it('round-trips codes through decode with the encoded shape', () => {
      const q = create();
      const codes = q.encode(asTensor(q, latents(q, 17)), { channelAxis: 'last' });
      const batchShape = [2, vectors / 2];
      const decoded = q.decode(codes, { channelAxis: 'last', batchShape });
      expect(decoded.dims[decoded.dims.length - 1]).toBe(q.outputDim);
      expect(decoded.data.length).toBe(vectors * q.outputDim);
    });

    it('encodeAsync gives the same codes as encode', async () => {
      const q = create();
      const x = asTensor(q, latents(q, 19));
      const sync = q.encode(x, { channelAxis: 'last' });
      const viaAsync = await q.encodeAsync(x, { channelAxis: 'last' });
      expect(viaAsync.dims).toEqual(sync.dims);
      expect(Array.from(viaAsync.data, Number)).toEqual(Array.from(sync.data, Number));
    });

    it('encodeAsync runs every codebook search on options.nearestSearch', async () => {
      const q = create();
      const x = asTensor(q, latents(q, 23));
      let calls = 0;
      const delegating: AsyncNearestSearch = {
        nearestCodes: async (vectors, count, codebook, out, output) => {
          calls++;
          return nearestCodes(vectors, count, codebook, out, output);
        },
      };
      const viaSearch = await q.encodeAsync(x, { channelAxis: 'last', nearestSearch: delegating });
      expect(Array.from(viaSearch.data, Number)).toEqual(Array.from(q.encode(x, { channelAxis: 'last' }).data, Number));
      if (q.encodeSteps === undefined) {
        expect(calls).toBe(0);
        return;
      }
      expect(calls).toBeGreaterThan(0);
      // A search that answers 0 everywhere must show up in the codes: nothing is searched behind its back.
      const zeros: AsyncNearestSearch = { nearestCodes: async (_v, count, _c, out, o = {}) => {
        for (let n = 0; n < count; n++) out[n * (o.outStride ?? 1) + (o.outOffset ?? 0)] = 0;
        return out;
      } };
      const zeroed = await q.encodeAsync(x, { channelAxis: 'last', nearestSearch: zeros });
      expect(Array.from(zeroed.data, Number).every((code) => code === 0)).toBe(true);
    });

    it('encodeAsync rejects with the reason of an aborted signal', async () => {
      const q = create();
      const controller = new AbortController();
      const reason = new Error('stop');
      controller.abort(reason);
      await expect(q.encodeAsync(asTensor(q, latents(q)), { channelAxis: 'last', signal: controller.signal })).rejects.toBe(reason);
    });

    it('rejects NaN and Infinity in encodeVectors and encodeAsync too', async () => {
      const q = create();
      const x = latents(q);
      x[2 * q.dim - 1] = Number.NaN;
      expect(() => q.encodeVectors(x, vectors)).toThrow(NonFiniteValueError);
      await expect(q.encodeAsync(asTensor(q, x), { channelAxis: 'last' })).rejects.toThrow(NonFiniteValueError);
    });

    it('rejects NaN and Infinity with NonFiniteValueError', () => {
      const q = create();
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const x = latents(q);
        x[q.dim + 1] = bad;
        expect(() => q.encode(asTensor(q, x), { channelAxis: 'last' })).toThrow(NonFiniteValueError);
      }
    });

    it('rejects a wrong channel count with ShapeMismatchError', () => {
      const q = create();
      const data = new Float32Array(2 * 3 * (q.dim + 1));
      expect(() => q.encode({ type: 'float32', dims: [2, 3, q.dim + 1], data }, { channelAxis: 'last' })).toThrow(ShapeMismatchError);
    });

    it('rejects codes outside [0, codebookSize) with CodeOutOfRangeError', () => {
      const q = create();
      const codes = q.encode(asTensor(q, latents(q)), { channelAxis: 'last' });
      const batchShape = [2, vectors / 2];
      for (const bad of [-1, q.codebookSize]) {
        const broken = codes.type === 'int32'
          ? { ...codes, data: Int32Array.from(codes.data as Int32Array) }
          : { ...codes, data: BigInt64Array.from(codes.data as BigInt64Array) };
        if (broken.data instanceof Int32Array) {
          if (bad > 2147483647) continue;
          broken.data[0] = bad;
        } else (broken.data as BigInt64Array)[0] = BigInt(bad);
        let error: unknown;
        try {
          q.decode(broken as Tensor<'int32' | 'int64'>, { channelAxis: 'last', batchShape });
        } catch (e) {
          error = e;
        }
        expect(CodeOutOfRangeError.isInstance(error)).toBe(true);
        expect(JointokError.isInstance(error)).toBe(true);
      }
    });
  });
}
