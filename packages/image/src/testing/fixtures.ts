import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Test-only helpers for reading committed fixtures (Node). */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/** Bytes of a fixture under src/. */
export function readFixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relative)));
}

/** Parsed JSON fixture under src/. */
export function readJsonFixture<T>(relative: string): T {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}

/** Hex sha256 of a typed array's bytes. */
export function sha256(data: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}
