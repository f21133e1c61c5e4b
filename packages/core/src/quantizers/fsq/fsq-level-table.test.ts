import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../testing/seeded-random.js';
import { createFsqGrid, type FsqBound, type FsqGrid } from './fsq-grid.js';
import { createFsqLevelTable } from './fsq-level-table.js';
import { findLevelThresholds } from './fsq-level-thresholds.js';
import { boundaryProbes, fromBits, nextUp } from './__fixtures__/level-boundaries.js';

// The bucket-table encoder (grid.encodeIndices) must give, for every float32 input, the index that
// the reference arithmetic (grid.exactLevel, tanh and all) gives. The probes cover random values
// over many magnitudes, both sides of every level boundary (found here by bisection on exactLevel,
// independently of the table), both sides of every possible bucket edge, zeros, subnormals and extremes.
const configs: Array<{ levels: number[]; bound: FsqBound; preserveSymmetry: boolean; eps: number }> = [
  { levels: [8, 8, 8, 5, 5, 5], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 },
  { levels: [7, 5, 4, 3, 2], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 },
  { levels: [8, 5, 5, 5], bound: 'tan', preserveSymmetry: false, eps: 1e-3 },
  { levels: [8, 7, 6], bound: 'hard-clamp', preserveSymmetry: false, eps: 1e-3 },
  { levels: [8, 5, 4], bound: 'tanh', preserveSymmetry: true, eps: 1e-3 },
  { levels: [8, 5, 4], bound: 'hard-clamp', preserveSymmetry: true, eps: 1e-3 },
  { levels: [5, 3], bound: 'hard-clamp', preserveSymmetry: false, eps: 0 },
  { levels: [6, 9], bound: 'tan', preserveSymmetry: false, eps: 0.5 },
  { levels: [16, 64, 3], bound: 'tanh', preserveSymmetry: false, eps: 0.1 },
  { levels: [16, 1001], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 },
  { levels: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 },
];

/** The index by the reference arithmetic, channel by channel. */
const exactIndex = (grid: FsqGrid, values: Float32Array, offset: number): number => {
  let index = 0;
  for (let d = 0; d < grid.levels.length; d++) index += grid.exactLevel(d, values[offset + d]!) * grid.basis[d]!;
  return index;
};


/** Both sides of every edge of a 2^16-bucket table (finer tables' edges include every coarser one's). */
function bucketEdgeProbes(): number[] {
  const probes: number[] = [];
  for (let u = 0; u < 1 << 16; u++) probes.push(fromBits(u << 16), fromBits((u << 16) - 1));
  return probes.filter((v) => Number.isFinite(v));
}

describe('FSQ level table: encodeIndices equals the reference arithmetic', () => {
  const edges = bucketEdgeProbes();
  for (const config of configs) {
    it(JSON.stringify(config), () => {
      const grid = createFsqGrid(config);
      const size = config.levels.length;
      const random = createSeededRandom(size * 977 + config.levels[0]!);
      const columns: number[][] = [];
      let boundaries = 0;
      for (let d = 0; d < size; d++) {
        const own = boundaryProbes(grid, d);
        boundaries += own.length;
        const column = [0, -0, 3.4028234663852886e38, -3.4028234663852886e38, 1e-45, -1e-45, 1.1754942e-38, -1.1754942e-38, ...own, ...edges];
        for (let i = 0; i < 20000; i++) column.push(Math.fround((random() * 2 - 1) * 10 ** (random() * 10 - 6)));
        columns.push(column);
      }
      expect(boundaries).toBeGreaterThan(0);
      // Vectors: row r takes the r-th probe of every channel (channels cycle through their probes).
      const rows = Math.max(...columns.map((c) => c.length));
      const values = new Float32Array(rows * size);
      for (let r = 0; r < rows; r++) for (let d = 0; d < size; d++) values[r * size + d] = columns[d]![(r + d * 7919) % columns[d]!.length]!;
      const wide = grid.codebookSize > 2 ** 31;
      const out = wide ? new Float64Array(rows) : new Int32Array(rows);
      expect(grid.encodeIndices(values, rows, out)).toBe(true);
      for (let r = 0; r < rows; r++) {
        const want = exactIndex(grid, values, r * size);
        if (out[r] !== want) expect(`row ${r}: ${Array.from(values.subarray(r * size, (r + 1) * size)).join(', ')} → ${out[r]}`).toBe(`→ ${want}`);
        // The scalar lookup (used by residual FSQ) goes through the same table.
        for (let d = 0; d < size; d++) {
          const v = values[r * size + d]!;
          if (grid.level(d, v) !== grid.exactLevel(d, v)) expect(`channel ${d} value ${v}: ${grid.level(d, v)}`).toBe(`${grid.exactLevel(d, v)}`);
        }
      }
      expect(Array.from(out.subarray(0, 200))).toEqual(Array.from({ length: 200 }, (_, r) => grid.indexOf(values, r * size)));
    });
  }

  it('agrees on arbitrary float32 vectors (property)', () => {
    const grid = createFsqGrid({ levels: [8, 8, 8, 5, 5, 5], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 6, maxLength: 60 }), (list) => {
        const groups = Math.floor(list.length / 6);
        const values = Float32Array.from(list.slice(0, groups * 6));
        const out = new Int32Array(groups);
        expect(grid.encodeIndices(values, groups, out)).toBe(true);
        for (let n = 0; n < groups; n++) expect(out[n]).toBe(exactIndex(grid, values, n * 6));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('FSQ level table: NaN and ±Infinity', () => {
  const grid = createFsqGrid({ levels: [8, 5, 3], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
  for (const bad of [Number.NaN, Infinity, -Infinity, fromBits(0xffc00000 | 0), fromBits(0x7f800001)]) {
    // Positions inside the four-vector steps and in the tail (9 vectors: two steps and one more).
    for (const at of [4, 13, 26]) {
      it(`reports ${String(bad)} at value ${at} and still writes the threshold-count indices`, () => {
        const random = createSeededRandom(at);
        const values = Float32Array.from({ length: 27 }, () => (random() * 2 - 1) * 3);
        values[at] = bad;
        const out = new Int32Array(9);
        expect(grid.encodeIndices(values, 9, out)).toBe(false);
        expect(Array.from(out)).toEqual(Array.from({ length: 9 }, (_, n) => grid.indexOf(values, n * 3)));
        for (let n = 0; n < 9; n++) if (n !== Math.floor(at / 3)) expect(out[n]).toBe(exactIndex(grid, values, n * 3));
      });
    }
  }

  it('reports nothing for the largest finite values and subnormals', () => {
    const values = Float32Array.from([3.4028234663852886e38, -3.4028234663852886e38, 1e-45]);
    const out = new Int32Array(1);
    expect(grid.encodeIndices(values, 1, out)).toBe(true);
    expect(out[0]).toBe(exactIndex(grid, values, 0));
  });
});

describe('createFsqLevelTable', () => {
  const thresholdsOf = (levels: number[]) => {
    const grid = createFsqGrid({ levels, bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
    return findLevelThresholds(levels, (d, v) => grid.exactLevel(d, v));
  };

  it('picks a small table and shares it between channels with equal levels', () => {
    const table = createFsqLevelTable(thresholdsOf([8, 8, 8, 5, 5, 5]));
    expect(table).toBeDefined();
    // Thresholds of L = 8 are ≥ 0.29 apart: a few mantissa bits separate them.
    expect(32 - table!.shift).toBeLessThanOrEqual(12);
    expect(Array.from(table!.offsets)).toEqual([0, 0, 0, 1, 1, 1].map((k) => k << (32 - table!.shift)));
    expect(table!.above.length).toBe(2 << (32 - table!.shift));
  });

  it('gives up when thresholds are too close for 2^16 buckets (many levels)', () => {
    expect(createFsqLevelTable(thresholdsOf([1001]))).toBeUndefined();
  });

  it('puts each threshold in its own bucket, as the split key', () => {
    const thresholds = thresholdsOf([16, 7]);
    const table = createFsqLevelTable(thresholds)!;
    const perChannel = 1 << (32 - table.shift);
    let splits = 0;
    for (let i = 0; i < table.split.length; i++) if (table.split[i] !== ((i % perChannel) << table.shift)) splits++;
    for (let d = 0; d < 2; d++) {
      for (let j = thresholds.start[d]!; j < thresholds.start[d + 1]!; j++) {
        const key = thresholds.keys[j]!;
        expect(table.split[table.offsets[d]! + (key >>> table.shift)]).toBe(key);
      }
    }
    // Only thresholds are splits (one may coincide with its bucket's first key).
    expect(splits).toBeLessThanOrEqual(thresholds.keys.length);
  });
});
