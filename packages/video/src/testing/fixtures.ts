import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Test-only helpers for the committed fixtures (Node). */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../__fixtures__/${relative}`, import.meta.url));
}

/** Bytes of a fixture under src/__fixtures__. */
export function readFixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relative)));
}

/** One entry of clips/index.json (written by tools/fixtures/video/make_video_clips.py). */
export interface ClipFixture {
  readonly name: string;
  readonly kind: 'photo' | 'noise';
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly chroma: '420' | '422' | '444';
  readonly colorRange: 'limited' | 'full';
  readonly y4m: string;
  readonly rgb24: string;
}

/** The committed clips. */
export function clipFixtures(): ClipFixture[] {
  return (JSON.parse(readFileSync(fixturePath('clips/index.json'), 'utf8')) as { clips: ClipFixture[] }).clips;
}

/** Byte chunks of `size` bytes: a stream cut at awkward places. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Every frame of a stream. */
export async function collect<T>(frames: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const frame of frames) out.push(frame);
  return out;
}
