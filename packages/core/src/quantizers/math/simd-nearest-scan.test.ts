import { describe, expect, it } from 'vitest';
import type { Codebook } from './codebook.js';
import { createNearestCodeSearch } from './nearest-code-search.js';
import type { NearestMetric } from './nearest-metric.js';
import { createSimdNearestScan } from './simd-nearest-scan.js';
import { squaredNorms } from './squared-norms.js';
import { bruteForceNearest as bruteForce } from './__fixtures__/brute-force-nearest.js';
import { problem, random } from './__fixtures__/nearest-problems.js';

const metrics = ['l2', 'dot'] as const;

/**
 * Codes of the SIMD scan (forced, whatever the size) through the public search object (kernel
 * `auto`), after checking that the float32 kernel and the int16 screen, each forced, give the same.
 */
function simdCodes(vectors: Float32Array, count: number, dim: number, codebook: Float32Array, size: number, metric: NearestMetric, settings: Pick<Codebook, 'minDistance' | 'squaredNorms'> = {}): number[] {
  const search = createNearestCodeSearch({ rows: codebook, size, dim, metric, ...settings }, { scan: 'simd' });
  const codes = Array.from(search.search(vectors, count, new Int32Array(count).fill(-7)));
  const norms = metric === 'l2' ? (settings.squaredNorms ?? squaredNorms(codebook, size, dim)) : undefined;
  for (const kernel of ['float32', 'int16'] as const) {
    const scan = createSimdNearestScan(codebook, size, dim, metric, norms, settings.minDistance ?? -Infinity, kernel);
    if (scan === undefined) {
      // Declined (norms past float32's range): then for every kernel, and the search keeps the scalar loop.
      expect(createSimdNearestScan(codebook, size, dim, metric, norms, settings.minDistance ?? -Infinity, 'auto')).toBeUndefined();
      continue;
    }
    const out = new Int32Array(count).fill(-7);
    scan!.scan(vectors, count, out, 1, 0);
    expect(Array.from(out), `${kernel} kernel, dim ${dim} size ${size} ${metric}`).toEqual(codes);
  }
  return codes;
}

/** The next float32 above `value` (one ulp up). */
function nextUp(value: number): number {
  const bits = new Float32Array([value]);
  const view = new Int32Array(bits.buffer);
  view[0]! += value >= 0 ? 1 : -1;
  return bits[0]!;
}

describe('SIMD nearest scan', () => {
  it('is set up for finite codebooks and declined for non-finite ones or a NaN clamp', () => {
    const codebook = Float32Array.from([0, 1, 2, 3]);
    expect(createSimdNearestScan(codebook, 2, 2, 'l2', squaredNorms(codebook, 2, 2), -Infinity)).toBeDefined();
    expect(createSimdNearestScan(Float32Array.from([0, NaN, 2, 3]), 2, 2, 'dot', undefined, -Infinity)).toBeUndefined();
    expect(createSimdNearestScan(codebook, 2, 2, 'l2', squaredNorms(codebook, 2, 2), NaN)).toBeUndefined();
    expect(createSimdNearestScan(codebook, 2, 2, 'l2', Float64Array.from([1, Infinity]), -Infinity)).toBeUndefined();
    // Norms past 2¹²⁶ would not fit the float32 half scores.
    expect(createSimdNearestScan(codebook, 2, 2, 'l2', Float64Array.from([1, 2 ** 127]), -Infinity)).toBeUndefined();
    expect(createSimdNearestScan(codebook, 2, 2, 'l2', Float64Array.from([1, 2 ** 126]), -Infinity)).toBeDefined();
  });

  it('equals the brute force over many shapes (dims 1..300, sizes and counts off multiples of 4 and 8), both metrics', () => {
    const dims = [1, 2, 3, 4, 5, 7, 8, 9, 15, 17, 31, 33, 64, 100, 129, 255, 300];
    const sizes = [1, 3, 7, 8, 9, 13, 40, 257, 1000];
    const counts = [0, 1, 2, 3, 5, 17, 70];
    let seed = 1;
    let checked = 0;
    for (const dim of dims) {
      for (const size of sizes) {
        const count = counts[seed % counts.length]!;
        const p = problem(seed++, size, dim, count);
        for (const metric of metrics) {
          const want = Array.from(bruteForce(p.vectors, count, dim, p.codebook, size, metric));
          expect(simdCodes(p.vectors, count, dim, p.codebook, size, metric), `dim ${dim} size ${size} count ${count} ${metric}`).toEqual(want);
          checked += count;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('splits large batches and codebooks into chunks without changing a code', () => {
    // 4100 rows: 60 vectors per score chunk; dim 300: 13 row blocks per kernel call.
    for (const [size, dim, count] of [[4100, 4, 150], [1000, 300, 9]] as const) {
      const p = problem(size + dim, size, dim, count);
      for (const metric of metrics) {
        expect(simdCodes(p.vectors, count, dim, p.codebook, size, metric)).toEqual(Array.from(bruteForce(p.vectors, count, dim, p.codebook, size, metric)));
      }
    }
  });

  it('resolves near ties built on purpose (rows one ulp apart, exact duplicates) as the float64 loop does', () => {
    const dim = 37;
    const next = random(99);
    const size = 64;
    const codebook = new Float32Array(size * dim);
    const base = Float32Array.from({ length: dim }, () => next() * 2 - 1);
    // Every row is the base row with a few channels moved by one ulp (or not at all: exact duplicates).
    for (let k = 0; k < size; k++) {
      for (let d = 0; d < dim; d++) codebook[k * dim + d] = base[d]!;
      for (let j = 0; j < k % 4; j++) {
        const d = Math.floor(next() * dim);
        codebook[k * dim + d] = nextUp(codebook[k * dim + d]!);
      }
    }
    const count = 50;
    const vectors = new Float32Array(count * dim);
    for (let n = 0; n < count; n++) {
      for (let d = 0; d < dim; d++) vectors[n * dim + d] = n % 3 === 0 ? base[d]! : base[d]! + (next() - 0.5) * 1e-6 * (n % 5);
    }
    for (const metric of metrics) {
      expect(simdCodes(vectors, count, dim, codebook, size, metric), metric).toEqual(Array.from(bruteForce(vectors, count, dim, codebook, size, metric)));
    }
  });

  it('stays exact where the float32 rounding of ‖e‖²/2 dominates (rows far from the origin, low dims)', () => {
    for (const dim of [1, 2, 3]) {
      const next = random(dim * 17);
      const size = 300;
      // Rows 1000 + small steps: ‖e‖² ≈ 1e6·dim, while neighbouring distances differ by about 1e-2.
      const codebook = new Float32Array(size * dim).map(() => 1000 + Math.round(next() * 4000) / 256);
      const count = 200;
      const vectors = new Float32Array(count * dim).map((_, i) => (i % 3 === 0 ? codebook[i % (size * dim)]! : 1000 + next() * 16));
      for (const metric of metrics) {
        expect(simdCodes(vectors, count, dim, codebook, size, metric), `dim ${dim} ${metric}`).toEqual(Array.from(bruteForce(vectors, count, dim, codebook, size, metric)));
      }
    }
  });

  it('applies the minDistance clamp (lucidrains 1e-8 and coarser) with vectors on and near rows', () => {
    const dim = 16;
    const size = 200;
    const next = random(7);
    const codebook = new Float32Array(size * dim).map(() => next() * 2 - 1);
    // Rows 100.. copy rows 0.. shifted by 1e-5 per channel: squared distance 1.6e-9, below 1e-8.
    for (let k = 100; k < size; k++) for (let d = 0; d < dim; d++) codebook[k * dim + d] = codebook[(k - 100) * dim + d]! + 1e-5;
    const count = 64;
    const vectors = new Float32Array(count * dim);
    for (let n = 0; n < count; n++) {
      const row = n % 2 === 0 ? 100 + (n % 100) : n % 100;
      for (let d = 0; d < dim; d++) vectors[n * dim + d] = codebook[row * dim + d]! + (n % 4 === 1 ? 2e-5 : 0);
    }
    for (const minDistance of [1e-8, 0.05, 3]) {
      const want = Array.from(bruteForce(vectors, count, dim, codebook, size, 'l2', minDistance));
      expect(simdCodes(vectors, count, dim, codebook, size, 'l2', { minDistance }), `minDistance ${minDistance}`).toEqual(want);
    }
  });

  it('handles values near float32 overflow and non-finite vectors like the plain loop', () => {
    const dim = 6;
    const size = 12;
    const next = random(5);
    const codebook = new Float32Array(size * dim).map(() => (next() * 2 - 1) * 1e19);
    const count = 24;
    const vectors = new Float32Array(count * dim).map(() => (next() * 2 - 1) * 3e19);
    vectors[3] = NaN;
    vectors[dim * 2 + 1] = Infinity;
    vectors[dim * 3 + 5] = -Infinity;
    vectors.fill(3e38, dim * 4, dim * 5); // ‖x‖² overflows float32 but not double
    vectors.fill(1e-30, dim * 5, dim * 6); // tiny: products underflow float32
    for (const metric of metrics) {
      expect(simdCodes(vectors, count, dim, codebook, size, metric), metric).toEqual(Array.from(bruteForce(vectors, count, dim, codebook, size, metric)));
    }
  });

  it('stays exact where the int16 screen is coarse (one huge channel, tiny vectors, wide dynamic range) and auto falls back to float32', () => {
    const dim = 24;
    const size = 300;
    const next = random(23);
    const codebook = new Float32Array(size * dim).map(() => next() * 2 - 1);
    // Rows that differ only far below the int16 step of their largest channel.
    for (let k = 0; k < size; k++) codebook[k * dim] = 1000;
    const count = 300;
    const vectors = new Float32Array(count * dim).map(() => (next() * 2 - 1) * 1e-3);
    for (let n = 0; n < count; n++) {
      if (n % 3 === 0) vectors[n * dim] = 5e4; // an outlier channel
      if (n % 5 === 1) vectors.fill(2 ** -140, n * dim, (n + 1) * dim); // scale 2^total below float32
      if (n % 7 === 2) vectors[n * dim + 1] = 2 ** 100;
    }
    for (const metric of metrics) {
      expect(simdCodes(vectors, count, dim, codebook, size, metric), metric).toEqual(Array.from(bruteForce(vectors, count, dim, codebook, size, metric)));
    }
  });

  it('writes with a stride and an offset, leaving other entries alone, and honours given norms like the scalar scan', () => {
    const p = problem(31, 21, 10, 11);
    const out = new Int32Array(40).fill(-1);
    createNearestCodeSearch({ rows: p.codebook, size: 21, dim: 10, metric: 'l2' }, { scan: 'simd' }).search(p.vectors, 11, out, { outStride: 3, outOffset: 2 });
    const want = bruteForce(p.vectors, 11, 10, p.codebook, 21, 'l2');
    expect(Array.from(out)).toEqual(Array.from({ length: 40 }, (_, i) => (i >= 2 && (i - 2) % 3 === 0 && (i - 2) / 3 < 11 ? want[(i - 2) / 3]! : -1)));
    // Norms that are not the rows' own still define the scores, as in the scalar loop.
    const norms = squaredNorms(p.codebook, 21, 10).map((v, k) => v * (1 + (k % 3)));
    const scalar = createNearestCodeSearch({ rows: p.codebook, size: 21, dim: 10, metric: 'l2', squaredNorms: norms }, { scan: 'scalar' }).search(p.vectors, 11, new Int32Array(11));
    expect(simdCodes(p.vectors, 11, 10, p.codebook, 21, 'l2', { squaredNorms: norms })).toEqual(Array.from(scalar));
    expect(Array.from(scalar)).not.toEqual(Array.from(want));
  });
});
