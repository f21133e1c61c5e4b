// Test helpers for the runtime fixtures made by tools/fixtures/make_runtime_fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Tensor } from '../../tensor/tensor.js';

/** A tensor as the fixture script writes it to JSON. */
export interface JsonTensor {
  type: 'float32' | 'int64' | 'float64';
  dims: number[];
  data: number[];
}

/** One nearest-code case: inputs and torch's indices. */
export interface NearestCase {
  name: string;
  metric: 'l2' | 'dot';
  x: JsonTensor;
  codebook: JsonTensor;
  /** Best row in float64 (after the optional clamp), first index on ties. */
  indices: JsonTensor;
  /** Best four rows in float64, lower index first on ties. */
  top: JsonTensor;
  minDistance?: number | null;
}

/** The contents of expected.json. */
export interface ExpectedFixtures {
  models: Record<string, { inputs: Record<string, JsonTensor>; outputs: Record<string, JsonTensor> }>;
  nearest: NearestCase[];
}

/** Absolute path of a fixture file. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

/** Bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** The expected inputs and outputs, computed by torch. */
export const expected: ExpectedFixtures = JSON.parse(readFileSync(fixturePath('expected.json'), 'utf8')) as ExpectedFixtures;

/** A JSON tensor as a jointok tensor. */
export function toTensor(json: JsonTensor): Tensor {
  if (json.type === 'int64') return { type: 'int64', dims: json.dims, data: BigInt64Array.from(json.data, (v) => BigInt(v)) };
  if (json.type === 'float64') return { type: 'float64', dims: json.dims, data: Float64Array.from(json.data) };
  return { type: 'float32', dims: json.dims, data: Float32Array.from(json.data) };
}

/** The inputs of a model, as jointok tensors. */
export function modelInputs(model: string): Record<string, Tensor> {
  const entry = expected.models[model]!;
  return Object.fromEntries(Object.entries(entry.inputs).map(([name, json]) => [name, toTensor(json)]));
}

/** Plain numbers of a tensor (int64 as numbers), for comparisons. */
export function numbers(tensor: Tensor): number[] {
  return Array.from(tensor.data as ArrayLike<number | bigint>, Number);
}
