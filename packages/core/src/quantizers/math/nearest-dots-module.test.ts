import { describe, expect, it } from 'vitest';
import { nearestDotsModule, type NearestDotsKernel } from './nearest-dots-module.js';
import { createSeededRandom as random } from '../../testing/seeded-random.js';

/** The kernel's documented arithmetic: float32 products, float32 sum from channel 0, no FMA. */
function float32Dot(x: Float32Array, xOffset: number, e: Float32Array, eOffset: number, dim: number): number {
  let sum = 0;
  for (let d = 0; d < dim; d++) sum = Math.fround(sum + Math.fround(x[xOffset + d]! * e[eOffset + d]!));
  return sum;
}

describe('nearestDotsModule', () => {
  it('is available (Node 20 has WebAssembly SIMD) and compiled once', () => {
    expect(nearestDotsModule()).toBeInstanceOf(WebAssembly.Module);
    expect(nearestDotsModule()).toBe(nearestDotsModule());
  });

  it('computes every dot product bit for bit as the sequential float32 sum, for the layout it documents', () => {
    const module = nearestDotsModule()!;
    for (const [count, size, dim] of [[4, 8, 1], [8, 16, 5], [4, 24, 37], [12, 8, 300]] as const) {
      const blocks = size / 8;
      const stride = size + 8; // wider than needed: the kernel must honour it
      const memory = new WebAssembly.Memory({ initial: 8 });
      const { dots } = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as NearestDotsKernel;
      // Values of mixed signs and scales, so rounding and cancellation happen.
      const x = Float32Array.from({ length: count * dim }, (_, i) => Math.sin(i * 1.37) * 10 ** ((i % 7) - 3));
      const rows = Float32Array.from({ length: size * dim }, (_, i) => Math.cos(i * 0.71) * 10 ** ((i % 5) - 2));
      const bookOffset = 0;
      const xOffset = blocks * dim * 32;
      const outOffset = xOffset + count * dim * 4;
      const book = new Float32Array(memory.buffer, bookOffset, blocks * dim * 8);
      for (let k = 0; k < size; k++) for (let d = 0; d < dim; d++) book[(k >> 3) * dim * 8 + d * 8 + (k & 7)] = rows[k * dim + d]!;
      new Float32Array(memory.buffer, xOffset, count * dim).set(x);
      dots(xOffset, count, dim, bookOffset, blocks, outOffset, stride);
      const out = new Float32Array(memory.buffer, outOffset, count * stride);
      for (let n = 0; n < count; n++) {
        for (let k = 0; k < size; k++) {
          expect(out[n * stride + k], `count ${count} size ${size} dim ${dim} n ${n} k ${k}`).toBe(float32Dot(x, n * dim, rows, k * dim, dim));
        }
        // Columns past the codebook stay untouched.
        expect(out[n * stride + size]).toBe(0);
      }
    }
  });

  it('finds the float32 minimum of offsets − scores and collects the rows within a limit, in order', () => {
    const module = nearestDotsModule()!;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as NearestDotsKernel;
    const scores = new Float32Array(memory.buffer, 0, 12);
    const offsets = new Float32Array(memory.buffer, 64, 12);
    scores.set([0.5, 2, 1, 3, 0, 0.25, 2, 1, 0, 0, 0, 0]);
    offsets.set([1, 1, 1.5, 3, 0.75, 0.5, 2.25, 1.5, Infinity, Infinity, Infinity, Infinity]);
    // offsets − scores = 0.5, −1, 0.5, 0, 0.75, 0.25, 0.25, 0.5 (all exact), then +∞ for the padding rows.
    expect(kernel.minimum(0, 64, 3)).toBe(-1);
    expect(kernel.minimum(0, 64, 1)).toBe(-1);
    const out = new Int32Array(memory.buffer, 256, 12);
    expect(kernel.collect(0, 64, 3, 0.25, 256)).toBe(4);
    expect(Array.from(out.subarray(0, 4))).toEqual([1, 3, 5, 6]);
    expect(kernel.collect(0, 64, 3, 1e30, 256)).toBe(8);
    expect(Array.from(out.subarray(0, 8))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(kernel.collect(0, 64, 3, -2, 256)).toBe(0);
  });

  it('collects the same rows as a plain loop when they are sparse, clustered or in the last groups (skipped 16 rows at a time)', () => {
    const module = nearestDotsModule()!;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as NearestDotsKernel;
    const next = random(17);
    for (const groups of [1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 255]) {
      const rows = groups * 4;
      const scores = new Float32Array(memory.buffer, 0, rows);
      const offsets = new Float32Array(memory.buffer, 4096, rows);
      const out = new Int32Array(memory.buffer, 8192, rows);
      for (const share of [0, 0.01, 0.1, 1]) {
        for (let k = 0; k < rows; k++) {
          scores[k] = next() * 4 - 2;
          // A share of rows lands below the limit 0; the last row often does, to hit the tail.
          offsets[k] = scores[k]! + (next() < share || (k === rows - 1 && share > 0) ? -next() : 1 + next());
        }
        const want: number[] = [];
        for (let k = 0; k < rows; k++) if (Math.fround(offsets[k]! - scores[k]!) <= 0) want.push(k);
        const found = kernel.collect(0, 4096, groups, 0, 8192);
        expect(Array.from(out.subarray(0, found)), `groups ${groups} share ${share}`).toEqual(want);
      }
    }
  });
});
