import { InvalidArgumentError, type Tensor, createTensor } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import type { Image8 } from '../image/types.js';

/**
 * Whose float arithmetic turns bytes into normalised floats (they differ in the last bit):
 * - `'torchvision'`: `ToTensor` then `Normalize`, float32 throughout: `((v / 255) - mean) / std`,
 *   each operation rounded to float32 (LlamaGen, most PyTorch training code);
 * - `'huggingface'`: transformers' `rescale` (`v * (1/255)` in float64, then float32) and
 *   `normalize` in float32 (Emu3's image processor);
 * - `'float64'`: `(v / 255 - mean) / std` in float64, then float32 (Chameleon's `x/255*2-1`,
 *   Cosmos' `numpy2tensor`; identical to those for mean = std = 0.5).
 */
export type TensorArithmetic = 'torchvision' | 'huggingface' | 'float64';

/** Options of {@link toTensor}. */
export interface ToTensorOptions {
  /** Per-channel mean (default 0: no centring). */
  readonly mean?: readonly number[];
  /** Per-channel standard deviation (default 1). */
  readonly std?: readonly number[];
  /** Default `'torchvision'`. */
  readonly arithmetic?: TensorArithmetic;
}

/**
 * An RGB image (HWC bytes) to a float32 tensor `[1, 3, H, W]` in `[0, 1]`, normalised per channel
 * with the chosen reference's arithmetic. Each channel maps through a 256-entry table, computed with
 * exactly that arithmetic, so the result is bit-identical to the reference.
 */
export function toTensor(image: Image8, options: ToTensorOptions = {}): Tensor<'float32'> {
  assertImage(image, 'image', [3]);
  const { mean = [0, 0, 0], std = [1, 1, 1], arithmetic = 'torchvision' } = options;
  checkTriple(mean, 'options.mean', false);
  checkTriple(std, 'options.std', true);
  if (!['torchvision', 'huggingface', 'float64'].includes(arithmetic)) {
    throw new InvalidArgumentError({ argument: 'options.arithmetic', expected: "'torchvision', 'huggingface' or 'float64'", received: arithmetic });
  }
  const { width, height, data } = image;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const table = normalisationTable(mean[c]!, std[c]!, arithmetic);
    const base = c * plane;
    for (let p = 0; p < plane; p++) out[base + p] = table[data[3 * p + c]!]!;
  }
  return createTensor('float32', out, [1, 3, height, width]);
}

/** The 256 normalised values of one channel. */
export function normalisationTable(mean: number, std: number, arithmetic: TensorArithmetic): Float32Array {
  const table = new Float32Array(256);
  const f = Math.fround;
  for (let v = 0; v < 256; v++) {
    if (arithmetic === 'float64') table[v] = (v / 255 - mean) / std;
    else {
      const scaled = arithmetic === 'torchvision' ? f(v / 255) : f(v * (1 / 255));
      table[v] = f(f(scaled - f(mean)) / f(std));
    }
  }
  return table;
}

function checkTriple(values: readonly number[], argument: string, positive: boolean): void {
  if (!Array.isArray(values) || values.length !== 3 || !values.every((v) => typeof v === 'number' && Number.isFinite(v) && (!positive || v !== 0))) {
    throw new InvalidArgumentError({ argument, expected: `three finite numbers${positive ? ', none zero' : ''}`, received: values });
  }
}
