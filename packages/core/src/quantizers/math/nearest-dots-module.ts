import { decodeBase64 } from '../../bytes/base64.js';
import { nearestDotsWasmBase64 } from './nearest-dots-wasm.js';

/** The exports of `tools/wasm/nearest-dots.wat` (byte addresses; see that file for the layout). */
export interface NearestDotsKernel {
  /** Float32 dot products of `count` vectors (a multiple of 4) with `blocks` blocks of 8 transposed rows. */
  dots(x: number, count: number, dim: number, book: number, blocks: number, out: number, stride: number): void;
  /**
   * Int16 dot products (`pairs` channel pairs per vector and row, see the .wat file for the layout),
   * each converted to float32 and multiplied by the float32 `scales[n]` of its vector; also lowers
   * the 4 lanes of `mins[n]` to the smallest `offsets[k] − out[k]` of the call's rows.
   */
  idots(x: number, count: number, pairs: number, book: number, blocks: number, out: number, stride: number, scales: number, offsets: number, mins: number): void;
  /** Per vector: the double `Σ x_d²` from channel 0 into `norms` (float64) and `max |x_d|` into `maxes` (float32; unspecified where the norm is not finite). */
  stats(x: number, count: number, dim: number, norms: number, maxes: number): void;
  /**
   * Int16 copies of `count` float32 vectors for `idots`, each scaled by its `inverses[n]` and rounded
   * to nearest (see the .wat file for the room it needs after `x` and `out`).
   */
  quantize(x: number, count: number, dim: number, inverses: number, out: number, pairs: number): void;
  /** `x[n] −= row codes[n]` of the float32 `rows` (row-major) for `count` vectors, in float32. */
  subtract(x: number, count: number, dim: number, rows: number, codes: number): void;
  /** The smallest float32 `offsets[k] − scores[k]` over `4·groups` rows. */
  minimum(scores: number, offsets: number, groups: number): number;
  /** Writes the rows with `offsets[k] − scores[k] ≤ limit` to `out` (int32, increasing) and returns their number. */
  collect(scores: number, offsets: number, groups: number, limit: number, out: number): number;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled float32 dot-product kernel, or `undefined` where WebAssembly or its SIMD extension is
 * unavailable (then callers keep the scalar scan). Compiled synchronously on first use and cached:
 * the module is about 2.4 KB, inside the 4 KB that Chromium allows to compile synchronously on the main
 * thread (keep it so when adding kernels).
 */
export function nearestDotsModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (typeof WebAssembly === 'object') {
        const bytes = new Uint8Array(decodeBase64(nearestDotsWasmBase64));
        // validate() is false where SIMD is unsupported: the module uses v128 throughout.
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      }
    } catch {
      // A runtime that forbids compilation (e.g. a CSP without 'wasm-unsafe-eval') keeps the scalar scan.
      compiled = null;
    }
  }
  return compiled ?? undefined;
}
