import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../testing/seeded-random.js';
import { createFsqGrid, type FsqBound } from './fsq-grid.js';
import { boundaryProbes, nextDown, nextUp } from './__fixtures__/level-boundaries.js';

// The threshold lookup must give exactly the level of the reference arithmetic, for every float32
// input: random values over many magnitudes, the neighbours of every threshold, zeros and extremes.
const configs: Array<{ levels: number[]; bound: FsqBound; preserveSymmetry: boolean }> = [
  { levels: [8, 8, 8, 5, 5, 5], bound: 'tanh', preserveSymmetry: false },
  { levels: [7, 5, 4, 3, 2], bound: 'tanh', preserveSymmetry: false },
  { levels: [8, 5, 5, 5], bound: 'tan', preserveSymmetry: false },
  { levels: [8, 7, 6], bound: 'hard-clamp', preserveSymmetry: false },
  { levels: [8, 5, 4], bound: 'tanh', preserveSymmetry: true },
  { levels: [8, 5, 4], bound: 'hard-clamp', preserveSymmetry: true },
  { levels: [16, 1001], bound: 'tanh', preserveSymmetry: false },
];


describe('FSQ level thresholds', () => {
  for (const config of configs) {
    it(`agree with the direct evaluation: ${JSON.stringify(config)}`, () => {
      const grid = createFsqGrid({ ...config, eps: 1e-3 });
      const random = createSeededRandom(config.levels.length * 131 + config.levels[0]!);
      const probes: number[] = [0, -0, 3.4028234663852886e38, -3.4028234663852886e38, 1e-45, -1e-45];
      for (let i = 0; i < 20000; i++) {
        const magnitude = 10 ** (random() * 8 - 5);
        probes.push(Math.fround((random() * 2 - 1) * magnitude));
      }
      // Walk each channel's level boundaries with ulp steps around every value where the level changes.
      for (let d = 0; d < config.levels.length; d++) {
        for (let x = -4; x <= 4; x += 1 / 64) {
          const v = Math.fround(x);
          probes.push(v, nextUp(v), nextDown(v));
        }
      }
      let changes = 0;
      for (let d = 0; d < config.levels.length; d++) {
        for (const v of probes) expect(grid.level(d, v), `channel ${d} value ${v}`).toBe(grid.exactLevel(d, v));
        // Every level boundary between -4 and 4, to the ulp: both of its sides.
        const sides = boundaryProbes(grid, d, 4, 1 / 64);
        for (const v of sides) expect(grid.level(d, v), `channel ${d} boundary side ${v}`).toBe(grid.exactLevel(d, v));
        changes += sides.length / 2;
      }
      expect(changes).toBeGreaterThan(0);
    });
  }

  it('computes whole-vector indices equal to the direct levels times the basis', () => {
    const grid = createFsqGrid({ levels: [8, 8, 8, 5, 5, 5], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
    const random = createSeededRandom(99);
    const values = Float32Array.from({ length: 6 * 500 }, () => (random() * 2 - 1) * 4);
    for (let n = 0; n < 500; n++) {
      let want = 0;
      for (let d = 0; d < 6; d++) want += grid.exactLevel(d, values[n * 6 + d]!) * grid.basis[d]!;
      expect(grid.indexOf(values, n * 6)).toBe(want);
    }
  });

  it('falls back to the direct evaluation for values that are not float32', () => {
    const grid = createFsqGrid({ levels: [8], bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
    const notFloat32 = 0.1; // a double between two float32 values
    expect(grid.level(0, notFloat32)).toBe(grid.exactLevel(0, notFloat32));
  });
});
