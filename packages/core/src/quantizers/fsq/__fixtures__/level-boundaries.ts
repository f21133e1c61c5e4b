// Float32 helpers shared by the FSQ level tests: ulp steps and the level boundaries of a channel.
import type { FsqGrid } from '../fsq-grid.js';

const bitsOf = new Float32Array(1);
const intOf = new Int32Array(bitsOf.buffer);

/** The next float32 above `x` (a float32 value). */
export function nextUp(x: number): number {
  if (x === 0) return 1.401298464324817e-45;
  bitsOf[0] = x;
  intOf[0]! += x > 0 ? 1 : -1;
  return bitsOf[0]!;
}

/** The next float32 below `x` (a float32 value). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** The float32 whose bits are `bits`. */
export function fromBits(bits: number): number {
  intOf[0] = bits;
  return bitsOf[0]!;
}

/**
 * The float32 values on both sides of every level boundary of channel `d` in `[−range, range)`, to the
 * ulp, found with the reference arithmetic (`exactLevel`) by scanning in `step`s and bisecting.
 */
export function boundaryProbes(grid: FsqGrid, d: number, range = 8, step = 1 / 256): number[] {
  const probes: number[] = [];
  for (let x = -range; x < range; x += step) {
    let lo = Math.fround(x);
    let hi = Math.fround(x + step);
    if (grid.exactLevel(d, lo) === grid.exactLevel(d, hi)) continue;
    while (nextUp(lo) !== hi) {
      const mid = Math.fround((lo + hi) / 2);
      if (mid === lo || mid === hi) break;
      if (grid.exactLevel(d, mid) === grid.exactLevel(d, lo)) lo = mid;
      else hi = mid;
    }
    probes.push(lo, hi);
  }
  return probes;
}
