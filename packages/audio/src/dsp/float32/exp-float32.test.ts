import { describe, expect, it } from 'vitest';
import { goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { expFloat32 } from './exp-float32.js';

describe('expFloat32 against torch.exp on float32 (x86-64)', () => {
  const golden = goldens().exp as Record<string, GoldenEntry>;
  const inputs = goldenArray(golden.inputs!) as Float32Array;
  const outputs = goldenArray(golden.outputs!) as Float32Array;

  it('gives torch’s float32 bit for bit on 5121 inputs in [-20, 20]', () => {
    const ours = inputs.map((x) => expFloat32(x));
    expect(ours).toEqual(outputs);
  });

  it('differs from the correctly rounded exp on some of them (so the emulation matters)', () => {
    const rounded = inputs.map((x) => Math.exp(x));
    let differ = 0;
    rounded.forEach((v, i) => (differ += v === outputs[i] ? 0 : 1));
    expect(differ).toBeGreaterThan(100);
  });

  it('saturates like SLEEF: 0 below -104, +Infinity above 100', () => {
    expect(expFloat32(-200)).toBe(0);
    expect(expFloat32(150)).toBe(Number.POSITIVE_INFINITY);
    expect(expFloat32(0)).toBe(1);
  });
});
