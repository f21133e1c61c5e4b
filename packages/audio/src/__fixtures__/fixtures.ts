import { readFileSync } from 'node:fs';

/** Test helpers: the committed recordings, edge-case files and reference outputs (see tools/fixtures/make_audio_*.py). */
const root = new URL('./', import.meta.url);

/** Bytes of a fixture file, by path relative to __fixtures__/. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, root)));
}

/** A parsed JSON fixture. */
export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;
}

/** One array of the golden index: its file and shape, plus case data. */
export interface GoldenEntry {
  file: string;
  shape: number[];
  [key: string]: unknown;
}

/** The golden index (goldens/goldens.json). */
export function goldens(): Record<string, Record<string, unknown>> {
  return fixtureJson('goldens/goldens.json');
}

/** A golden array as the typed array its extension names (little-endian on disk). */
export function goldenArray(entry: GoldenEntry): Float32Array | Uint8Array | Int32Array {
  const bytes = fixtureBytes(`goldens/${entry.file}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  if (entry.file.endsWith('.f32')) return new Float32Array(buffer);
  if (entry.file.endsWith('.i32')) return new Int32Array(buffer);
  return new Uint8Array(buffer);
}

/** A raw planar float32 file as `channels` arrays of equal length. */
export function planarF32(path: string, channels: number): Float32Array[] {
  const bytes = fixtureBytes(path);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const frames = all.length / channels;
  return Array.from({ length: channels }, (_, c) => all.subarray(c * frames, (c + 1) * frames));
}
