import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tensor } from '../../src/tensor/tensor.js';

/** A tensor as stored in a golden file (see __fixtures__/README.md). */
export interface TensorRecord {
  dtype: 'float32' | 'int32' | 'int64' | 'bool';
  shape: number[];
  b64?: string;
  data?: number[];
  source_dtype?: string;
}

export interface GoldenSample {
  name: string;
  tags: string[];
  call?: Record<string, unknown>;
  input: TensorRecord;
  masks?: { tie?: TensorRecord; fragile?: TensorRecord };
  extras?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface GoldenCase {
  format: string;
  id: string;
  family: string;
  name: string;
  config: { kwargs: Record<string, unknown> };
  derived?: Record<string, unknown>;
  params: Record<string, TensorRecord>;
  samples: GoldenSample[];
}

/** The golden cases committed with the repository (`__fixtures__/`, described by its README). */
export const committedGoldenDir = fileURLToPath(new URL('./__fixtures__', import.meta.url));

/**
 * The folder of golden case files: `JOINTOK_GOLDEN_DIR` when set (to run the suite on another set of
 * cases of the same format), else the committed cases.
 */
export function goldenDir(): string {
  const fromEnv = process.env['JOINTOK_GOLDEN_DIR'];
  return fromEnv ? resolve(fromEnv) : committedGoldenDir;
}

/** Every `*.json` case file below `dir`, sorted. */
export function listCaseFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listCaseFiles(path));
    else if (entry.endsWith('.json')) files.push(path);
  }
  return files;
}

export function loadCase(path: string): GoldenCase {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenCase;
}

/** True when `value` looks like a stored tensor record. */
export function isTensorRecord(value: unknown): value is TensorRecord {
  return typeof value === 'object' && value !== null && 'dtype' in value && 'shape' in value;
}

/** A float record as a float32 tensor (bit-exact). */
export function floatTensor(record: TensorRecord): Tensor<'float32'> {
  if (record.b64 === undefined) return { type: 'float32', dims: record.shape, data: Float32Array.from(record.data ?? []) };
  const bytes = Buffer.from(record.b64, 'base64');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { type: 'float32', dims: record.shape, data };
}

/** An integer record as plain numbers (all golden integers are below 2^53). */
export function intValues(record: TensorRecord): number[] {
  return record.data ?? [];
}

/** An integer record as an int32 tensor, or int64 when a value does not fit. */
export function codesTensor(record: TensorRecord): Tensor<'int32' | 'int64'> {
  const values = intValues(record);
  const fits = values.every((v) => v >= -(2 ** 31) && v < 2 ** 31);
  return fits
    ? { type: 'int32', dims: record.shape, data: Int32Array.from(values) }
    : { type: 'int64', dims: record.shape, data: BigInt64Array.from(values.map((v) => BigInt(v))) };
}

/** The case's params as named float32 tensors, the form `createQuantizer` takes. */
export function paramTensors(record: GoldenCase): Record<string, Tensor<'float32'>> {
  const out: Record<string, Tensor<'float32'>> = {};
  for (const [name, param] of Object.entries(record.params)) out[name] = floatTensor(param);
  return out;
}
