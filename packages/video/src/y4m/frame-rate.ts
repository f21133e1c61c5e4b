import { InvalidArgumentError } from '@jointok/core';

/** A frame rate as a rational number of frames per second. */
export interface FrameRate {
  readonly numerator: number;
  readonly denominator: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * A frame rate given as a number (`25`, `29.97`) or a rational, as the rational Y4M and ffmpeg write:
 * whole numbers over 1, NTSC rates over 1001 (`29.97` → `30000:1001`), others over 1000 reduced.
 */
export function toFrameRate(value: number | FrameRate, argument = 'options.frameRate'): FrameRate {
  if (typeof value === 'object' && value !== null) {
    const { numerator, denominator } = value;
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator <= 0 || denominator <= 0) {
      throw new InvalidArgumentError({ argument, expected: 'positive integers { numerator, denominator }', received: value });
    }
    return { numerator, denominator };
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1e6) throw new InvalidArgumentError({ argument, expected: 'a frame rate in frames per second', received: value });
  if (Number.isInteger(value)) return { numerator: value, denominator: 1 };
  const ntsc = Math.round(value * 1001);
  if (Math.abs(value * 1001 - ntsc) < 1e-6 * value && ntsc % 1000 === 0) return { numerator: ntsc, denominator: 1001 };
  const numerator = Math.round(value * 1000);
  const divisor = gcd(numerator, 1000);
  return { numerator: numerator / divisor, denominator: 1000 / divisor };
}
