import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { QuantizerWeights } from '../quantizer.js';

/**
 * Reads the named weight as a Float32Array and checks its size (and its dims, when the weight
 * is a tensor). `shape` is the expected shape; dims of size 1 are ignored when comparing,
 * so a conv weight `[out, in, 1]` serves where `[out, in]` is wanted.
 */
export function readWeight(weights: QuantizerWeights | undefined, name: string, shape: readonly number[]): Float32Array {
  const weight = weights?.[name];
  const expected = `float32 [${shape.join(', ')}]`;
  if (weight === undefined) throw new WeightsMismatchError({ weight: name, expected, received: 'nothing (missing)' });
  const data = weight instanceof Float32Array ? weight : weight.data;
  if (!(data instanceof Float32Array)) throw new WeightsMismatchError({ weight: name, expected, received: describeWeight(weight) });
  let size = 1;
  for (const d of shape) size *= d;
  const dimsMatch = weight instanceof Float32Array || squeeze(weight.dims).join(',') === squeeze(shape).join(',');
  if (data.length !== size || !dimsMatch) throw new WeightsMismatchError({ weight: name, expected, received: describeWeight(weight) });
  return data;
}

/** Reads an optional weight: `undefined` when absent, checked like {@link readWeight} when present. */
export function readOptionalWeight(weights: QuantizerWeights | undefined, name: string, shape: readonly number[]): Float32Array | undefined {
  return weights?.[name] === undefined ? undefined : readWeight(weights, name, shape);
}

function squeeze(dims: readonly number[]): number[] {
  return dims.filter((d) => d !== 1);
}

function describeWeight(weight: unknown): string {
  if (weight instanceof Float32Array) return `Float32Array(${weight.length})`;
  if (weight && typeof weight === 'object' && 'dims' in weight) {
    const t = weight as { type?: unknown; dims: readonly number[] };
    return `${String(t.type)} [${t.dims.join(', ')}]`;
  }
  return typeof weight;
}
