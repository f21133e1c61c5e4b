// Shared by the codec families' tests: the committed fixture folders (tools/fixtures/audio/make_<family>_fixture.py)
// and their PyTorch goldens (golden/golden.json: codes per codebook, raw little-endian float32 files).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A codec with a committed fixture. */
export type CodecName = 'snac' | 'dac' | 'encodec' | 'mimi' | 'wavtokenizer';

/** The folder of one layout of a codec's fixture (`jointok` or `onnx-community`). */
export function fixtureFolder(codec: CodecName, layout: 'jointok' | 'onnx-community' | 'golden'): string {
  return fileURLToPath(new URL(`../../${codec}/__fixtures__/${layout}/`, import.meta.url));
}

/** Whether the codec's fixture has an onnx-community layout. */
export function hasCommunityLayout(codec: CodecName): boolean {
  return existsSync(fixtureFolder(codec, 'onnx-community'));
}

/** What the goldens hold, as typed arrays. */
export interface CodecGolden {
  /** Path of the input WAV (mono, at the codec's rate). */
  readonly inputPath: string;
  readonly inputSamples: number;
  readonly paddedSamples: number;
  /** Reference codes, one row per codebook (SNAC: per scale, coarse first). */
  readonly codes: readonly Int32Array[];
  /** The reference decoder's output for `codes`, untrimmed (frames · hop samples). */
  readonly decoded: Float32Array;
  readonly description: Readonly<Record<string, unknown>>;
}

function f32(path: string): Float32Array {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Reads a codec's `golden/golden.json` and the files it names. */
export function readGolden(codec: CodecName): CodecGolden {
  const folder = fixtureFolder(codec, 'golden');
  const json = JSON.parse(readFileSync(`${folder}golden.json`, 'utf8')) as {
    input: { path: string; samples: number };
    paddedSamples: number;
    codes: number[][];
    decoded: { path: string };
  };
  return {
    inputPath: `${folder}${json.input.path}`,
    inputSamples: json.input.samples,
    paddedSamples: json.paddedSamples,
    codes: json.codes.map((row) => Int32Array.from(row)),
    decoded: f32(`${folder}${json.decoded.path}`),
    description: json as unknown as Record<string, unknown>,
  };
}

/** Positions where two code rows differ, over every row (rows compared up to the expected length). */
export function codeMismatches(actual: readonly Int32Array[], expected: readonly Int32Array[]): { mismatches: number; total: number } {
  let mismatches = 0;
  let total = 0;
  expected.forEach((row, i) => {
    total += row.length;
    const got = actual[i];
    for (let t = 0; t < row.length; t++) if (got?.[t] !== row[t]) mismatches++;
  });
  return { mismatches, total };
}

/** Largest |a − b| over the common length (and Infinity when the lengths differ and `sameLength`). */
export function maxDifference(a: Float32Array, b: Float32Array, sameLength = true): number {
  if (sameLength && a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Largest |x|. */
export function peak(a: Float32Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** Prints measured figures when JOINTOK_AUDIO_REPORT=1 (the README's numbers come from these lines). */
export function report(line: string): void {
  if (process.env.JOINTOK_AUDIO_REPORT === '1') console.log(`[audio report] ${line}`);
}
