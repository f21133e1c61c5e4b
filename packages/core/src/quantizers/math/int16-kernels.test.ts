import { describe, expect, it } from 'vitest';
import { createSeededRandom as random } from '../../testing/seeded-random.js';
import { nearestDotsModule, type NearestDotsKernel } from './nearest-dots-module.js';

/** A fresh instance of the kernels over `pages` 64 KB pages. */
function instance(pages: number): { kernel: NearestDotsKernel; memory: WebAssembly.Memory } {
  const memory = new WebAssembly.Memory({ initial: pages });
  const kernel = new WebAssembly.Instance(nearestDotsModule()!, { env: { memory } }).exports as unknown as NearestDotsKernel;
  return { kernel, memory };
}

/** Round half to even, the rounding of f32x4.nearest. */
function nearestEven(value: number): number {
  const floor = Math.floor(value);
  const rest = value - floor;
  return rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
}

describe('idots (int16 dot products of the int16 screen)', () => {
  it('equals the exact integer dot product, converted to float32 and scaled, for ragged sizes; fuses the running minimum', () => {
    const next = random(41);
    // dims in channel pairs: 1, odd, and long; rows and blocks off the call size; counts multiples of 4.
    for (const [count, size, pairs, stride] of [[4, 8, 1, 8], [8, 16, 3, 24], [12, 40, 37, 48], [4, 24, 150, 24], [16, 8, 64, 8]] as const) {
      const blocks = size / 8;
      const { kernel, memory } = instance(16);
      // Values up to the dim's limit (q with 2·pairs·q² < 2³¹), both signs, zeros included.
      const q = Math.floor(Math.sqrt((2 ** 31 - 1) / (2 * pairs)));
      const int = () => (next() < 0.1 ? 0 : Math.round((next() * 2 - 1) * q));
      const x = Int16Array.from({ length: count * pairs * 2 }, int);
      const rows = Int16Array.from({ length: size * pairs * 2 }, int);
      // Extremes: a vector and a row at ±q in every channel (the largest sums the bound allows).
      x.fill(q, 0, pairs * 2);
      rows.fill(-q, 0, pairs * 2);
      const scales = Float32Array.from({ length: count }, (_, n) => 2 ** (n % 7 - 20));
      const offsets = Float32Array.from({ length: size }, () => (next() * 2 - 1) * 1e-3);
      const bookAt = 0;
      const xAt = bookAt + size * pairs * 4;
      const scalesAt = xAt + count * pairs * 4;
      const offsetsAt = scalesAt + count * 4;
      const minsAt = offsetsAt + size * 4;
      const outAt = minsAt + count * 16;
      const book = new Int16Array(memory.buffer, bookAt, size * pairs * 2);
      for (let k = 0; k < size; k++) {
        for (let d = 0; d < pairs * 2; d++) book[((k >> 3) * pairs + (d >> 1)) * 16 + (k & 7) * 2 + (d & 1)] = rows[k * pairs * 2 + d]!;
      }
      new Int16Array(memory.buffer, xAt, x.length).set(x);
      new Float32Array(memory.buffer, scalesAt, count).set(scales);
      new Float32Array(memory.buffer, offsetsAt, size).set(offsets);
      const mins = new Float32Array(memory.buffer, minsAt, count * 4).fill(Infinity);
      // Two calls over halves of the blocks where there are two, as the scan splits them.
      const split = blocks > 1 ? Math.floor(blocks / 2) : blocks;
      kernel.idots(xAt, count, pairs, bookAt, split, outAt, stride, scalesAt, offsetsAt, minsAt);
      if (split < blocks) kernel.idots(xAt, count, pairs, bookAt + split * pairs * 32, blocks - split, outAt + split * 32, stride, scalesAt, offsetsAt + split * 32, minsAt);
      const out = new Float32Array(memory.buffer, outAt, count * stride);
      for (let n = 0; n < count; n++) {
        let smallest = Infinity;
        for (let k = 0; k < size; k++) {
          let sum = 0;
          for (let d = 0; d < pairs * 2; d++) sum += x[n * pairs * 2 + d]! * rows[k * pairs * 2 + d]!;
          expect(Math.abs(sum)).toBeLessThan(2 ** 31);
          const want = Math.fround(Math.fround(sum) * scales[n]!);
          expect(out[n * stride + k], `count ${count} size ${size} pairs ${pairs} n ${n} k ${k}`).toBe(want);
          smallest = Math.min(smallest, Math.fround(offsets[k]! - want));
        }
        expect(Math.min(...mins.subarray(n * 4, n * 4 + 4)), `min of vector ${n}`).toBe(smallest);
      }
    }
  });
});

describe('quantize and stats (the int16 screen vector preparation)', () => {
  it('rounds x·2^−s half to even into int16 pairs, zeroes the padding channel, and leaves the next rows to their own pass', () => {
    const next = random(7);
    for (const dim of [1, 2, 3, 7, 8, 9, 15, 16, 17, 100, 129]) {
      const count = 1 + Math.floor(next() * 9);
      const pairs = (dim + 1) >> 1;
      const { kernel, memory } = instance(4);
      const x = Float32Array.from({ length: count * dim }, () => (next() * 2 - 1) * 10 ** Math.floor(next() * 4 - 2));
      // Exact halves (ties) after scaling: 2.5 → 2, 3.5 → 4, −2.5 → −2.
      x[0] = 2.5 * 2 ** -3;
      if (x.length > 1) x[1] = -2.5 * 2 ** -3;
      const xAt = 0;
      const inversesAt = xAt + count * dim * 4 + 32;
      const outAt = inversesAt + count * 4;
      new Float32Array(memory.buffer, xAt, x.length).set(x);
      const exponents = Array.from({ length: count }, (_, n) => (n === 0 ? -3 : -10 + n));
      const inverses = new Float32Array(memory.buffer, inversesAt, count);
      exponents.forEach((s, n) => (inverses[n] = 2 ** -s));
      const out = new Int16Array(memory.buffer, outAt, count * pairs * 2 + 16).fill(-999);
      kernel.quantize(xAt, count, dim, inversesAt, outAt, pairs);
      for (let n = 0; n < count; n++) {
        for (let d = 0; d < dim; d++) {
          const scaled = x[n * dim + d]! * 2 ** -exponents[n]!;
          const want = Math.max(-32768, Math.min(32767, nearestEven(scaled)));
          expect(out[n * pairs * 2 + d], `dim ${dim} n ${n} d ${d}`).toBe(want);
        }
        if (dim % 2 === 1) expect(out[n * pairs * 2 + dim], `padding channel of vector ${n}`).toBe(0);
      }
      // The ties of vector 0 (exponent −3): 2.5 → 2 and −2.5 → −2, not 3 and −3.
      expect(out[0]).toBe(2);
      if (dim >= 2) expect(out[1]).toBe(-2);
    }
  });

  it('gives the double Σx² from channel 0 (the scalar loop’s value), non-finite with a NaN or ±∞, and max |x| otherwise', () => {
    const next = random(3);
    // Counts around the kernel's groups of 4 vectors (and its one-vector tail).
    for (const [dim, count] of [[1, 6], [5, 6], [64, 6], [255, 6], [3, 1], [7, 4], [9, 9], [128, 13]] as const) {
      const { kernel, memory } = instance(2);
      const x = Float32Array.from({ length: count * dim }, () => (next() * 2 - 1) * 2 ** Math.floor(next() * 40 - 20));
      if (count > 2) x[2 * dim] = NaN;
      if (count > 3) x[3 * dim + dim - 1] = -Infinity;
      if (count > 8) x[8 * dim] = NaN;
      new Float32Array(memory.buffer, 0, x.length).set(x);
      const normsAt = (x.length * 4 + 7) & ~7;
      const maxesAt = normsAt + count * 8;
      kernel.stats(0, count, dim, normsAt, maxesAt);
      const norms = new Float64Array(memory.buffer, normsAt, count);
      const maxes = new Float32Array(memory.buffer, maxesAt, count);
      for (let n = 0; n < count; n++) {
        let norm = 0;
        let max = 0;
        for (let d = 0; d < dim; d++) {
          norm += x[n * dim + d]! * x[n * dim + d]!;
          max = Number.isNaN(max) || Number.isNaN(x[n * dim + d]!) ? NaN : Math.max(max, Math.abs(x[n * dim + d]!));
        }
        expect(norms[n], `dim ${dim} n ${n}`).toBe(norm);
        if (Number.isFinite(norm)) expect(maxes[n], `dim ${dim} n ${n}`).toBe(Math.fround(max));
      }
    }
  });
});
