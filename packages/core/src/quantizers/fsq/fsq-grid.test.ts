import { describe, expect, it } from 'vitest';
import { createFsqGrid, fsqCodes, fsqIndex, fsqLevelOf } from './fsq-grid.js';

const f32 = Math.fround;
const tanhGrid = (levels: number[]) => createFsqGrid({ levels, bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });

describe('createFsqGrid: index and digit order', () => {
  it('uses basis cumprod([1, L0, L1, ...]) with channel 0 least significant', () => {
    const grid = tanhGrid([8, 5, 5, 5]);
    expect(grid.basis).toEqual([1, 8, 40, 200]);
    expect(grid.codebookSize).toBe(1000);
    // index 123 = 3 + 0·8 + 3·40 + 0·200
    expect([0, 1, 2, 3].map((d) => fsqLevelOf(grid, 123, d))).toEqual([3, 0, 3, 0]);
  });

  it('maps zeros to the middle levels and saturated values to the ends', () => {
    const grid = tanhGrid([8, 5, 5, 5]);
    // z = 0: L=8 bounds tanh(atanh(0.5/half_l))·half_l − 0.5 ≈ 0 → level 4; L=5 gives 0 → level 2.
    expect(fsqIndex(grid, new Float32Array([0, 0, 0, 0]), 0)).toBe(4 + 2 * 8 + 2 * 40 + 2 * 200);
    // z = 10: 3.0035 → 3 → level 7; 2.002 → 2 → level 4: the last index.
    expect(fsqIndex(grid, new Float32Array([10, 10, 10, 10]), 0)).toBe(999);
    // z = −10: −4.0035 → −4 → level 0; −2.002 → −2 → level 0.
    expect(fsqIndex(grid, new Float32Array([-10, -10, -10, -10]), 0)).toBe(0);
  });

  it('decodes levels to (level − ⌊L/2⌋)/⌊L/2⌋', () => {
    const grid = tanhGrid([8, 5, 7]);
    const out = new Float32Array(3);
    // index 7 + 4·8 + 0·40 → levels [7, 4, 0]
    fsqCodes(grid, 7 + 4 * 8, out, 0);
    expect(Array.from(out)).toEqual([0.75, 1, -1]);
    // levels [0, 2, 4] of L=7 → (4 − 3)/3 rounded to float32
    fsqCodes(grid, 0 + 2 * 8 + 4 * 40, out, 0);
    expect(Array.from(out)).toEqual([-1, 0, f32(1 / 3)]);
  });

  it('round-trips every index of a small grid through its codes', () => {
    const grid = createFsqGrid({ levels: [4, 3, 5], bound: 'hard-clamp', preserveSymmetry: true, eps: 1e-3 });
    const codes = new Float32Array(3);
    for (let k = 0; k < grid.codebookSize; k++) {
      fsqCodes(grid, k, codes, 0);
      // The symmetric clamp quantizer maps code 2l/(L−1) − 1 back to bracket l + 0.5, so to l.
      expect(fsqIndex(grid, codes, 0)).toBe(k);
    }
  });
});

describe('createFsqGrid: rounding ties', () => {
  // eps = 0 with the hard clamp makes the bound exact: L=5 → 2·clamp(z), L=3 → clamp(z).
  const grid = createFsqGrid({ levels: [5, 3], bound: 'hard-clamp', preserveSymmetry: false, eps: 0 });

  it('rounds exact halves to even, like torch.round', () => {
    // 2·0.75 = 1.5 → 2 (level 4); 0.5 → 0 (level 1). Math.round would give 2 and 1.
    expect(fsqIndex(grid, new Float32Array([0.75, 0.5]), 0)).toBe(4 + 1 * 5);
    // 2·0.25 = 0.5 → 0 (level 2); −0.5 → −0 (level 1).
    expect(fsqIndex(grid, new Float32Array([0.25, -0.5]), 0)).toBe(2 + 1 * 5);
    // 2·(−0.75) = −1.5 → −2 (level 0).
    expect(grid.level(0, -0.75)).toBe(0);
  });
});

describe('createFsqGrid: bounds', () => {
  it('tanh (1 + eps) and tan (1 − eps) bounds differ as their half_l says', () => {
    const tan = createFsqGrid({ levels: [5], bound: 'tan', preserveSymmetry: false, eps: 1e-3 });
    const tanh = tanhGrid([5]);
    // tanh(0.9721) = 0.74963: × 2.002 = 1.5008 → 2 (level 4); × 1.998 = 1.4978 → 1 (level 3).
    expect(tanh.level(0, 0.9721)).toBe(4);
    expect(tan.level(0, 0.9721)).toBe(3);
  });

  it('tan bound shifts even levels by tan(offset / half_l)', () => {
    const tan = createFsqGrid({ levels: [8], bound: 'tan', preserveSymmetry: false, eps: 1e-3 });
    // half_l = 7·0.999/2 = 3.4965, shift = tan(0.5/3.4965) = 0.14399: z = −0.1440 sits just below 0 after
    // the shift, so tanh(−0.0001)·3.4965 − 0.5 ≈ −0.5003 → −1 (level 3); z = −0.1439 gives −0.49997 → −0 (level 4).
    expect(tan.level(0, -0.144)).toBe(3);
    expect(tan.level(0, -0.1439)).toBe(4);
    // The tanh bound's shift is atanh(0.5/3.5035) = 0.14369, so z = −0.1438 already falls below −0.5 there.
    expect(tan.level(0, -0.1438)).toBe(4);
    expect(tanhGrid([8]).level(0, -0.1438)).toBe(3);
  });

  it('hard clamp saturates exactly at ±1', () => {
    const grid = createFsqGrid({ levels: [5], bound: 'hard-clamp', preserveSymmetry: false, eps: 1e-3 });
    expect(grid.level(0, 1e30)).toBe(4);
    expect(grid.level(0, -1e30)).toBe(0);
    // 0.25·2.002 = 0.5005 → 1: the eps margin moves the tie.
    expect(grid.level(0, 0.25)).toBe(3);
  });

  it('symmetric quantizer: floor((L−1)(t+1)/2 + 0.5), codes 2l/(L−1) − 1', () => {
    const grid = createFsqGrid({ levels: [8, 5], bound: 'tanh', preserveSymmetry: true, eps: 1e-3 });
    // z = 0: L=8 gives 7/2 + 0.5 = 4 exactly, and floor keeps it.
    expect(grid.level(0, 0)).toBe(4);
    expect(grid.code(0, 4)).toBe(f32(f32(f32(2 / 7) * 4) - 1));
    expect(grid.code(1, 0)).toBe(-1);
    expect(grid.code(1, 3)).toBe(0.5);
    const clamp = createFsqGrid({ levels: [5], bound: 'hard-clamp', preserveSymmetry: true, eps: 1e-3 });
    // 4·(0.5 + 1)/2 + 0.5 = 3.5 → 3; z = 1 → 4.5 → 4; z = −1 → 0.5 → 0.
    expect(clamp.level(0, 0.5)).toBe(3);
    expect(clamp.level(0, 1)).toBe(4);
    expect(clamp.level(0, -7)).toBe(0);
  });
});
