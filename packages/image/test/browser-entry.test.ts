import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImage } from '../src/index.browser.js';
import { readFixture, readJsonFixture } from '../src/testing/fixtures.js';
import { ensureDist } from '../../../test-support/ensure-dist.js';

const browserEntry = new URL('../dist/index.browser.js', import.meta.url);
const require = createRequire(import.meta.url);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
// Bare specifiers the browser build may import: all browser-safe (checked below where they are ours to check).
const allowed = new Set(['@jointok/core', 'fflate', 'jpeg-js', '@jsquash/jpeg/decode.js']);

beforeAll(async () => {
  await ensureDist(browserEntry, new URL('../', import.meta.url));
}, 120_000);

/** Every specifier the modules reachable from `file` import, following relative imports. */
function walk(file: string, seen = new Set<string>(), bare = new Set<string>()): { seen: Set<string>; bare: Set<string> } {
  if (seen.has(file)) return { seen, bare };
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  expect(source, file).not.toMatch(/\brequire\(/);
  for (const m of source.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
    const specifier = m[1]!;
    if (specifier.startsWith('.')) walk(join(dirname(file), specifier), seen, bare);
    else bare.add(specifier);
  }
  return { seen, bare };
}

describe('browser entry', () => {
  it('imports no Node built-in, in its own modules or in @jsquash/jpeg’s decoder', () => {
    const { seen, bare } = walk(fileURLToPath(browserEntry));
    expect(seen.size).toBeGreaterThan(1);
    for (const specifier of bare) {
      expect(builtins.has(specifier), specifier).toBe(false);
      expect(allowed.has(specifier), specifier).toBe(true);
    }
    const jsquash = walk(require.resolve('@jsquash/jpeg/decode.js'));
    for (const specifier of jsquash.bare) expect(builtins.has(specifier), specifier).toBe(false);
  });

  it('the Node entry does import them (the check can fail)', () => {
    const { bare } = walk(fileURLToPath(new URL('../dist/index.node.js', import.meta.url)));
    expect([...bare].some((s) => builtins.has(s))).toBe(true);
  });

  it('reads a Blob and ImageData', async () => {
    const bytes = readFixture('codecs/__fixtures__/files/rgba8.png');
    const golden = readJsonFixture<{ files: Record<string, { rgba: { offset: number; length: number } }> }>('codecs/__fixtures__/decoded.json');
    const slice = golden.files['rgba8.png']!.rgba;
    const expected = readFixture('codecs/__fixtures__/decoded.u8').subarray(slice.offset, slice.offset + slice.length);
    const fromBlob = await readImage(new Blob([new Uint8Array(bytes)]), { alpha: 'keep' });
    expect(fromBlob.data).toEqual(expected);
    const imageData = { width: 13, height: 9, data: new Uint8ClampedArray(expected), colorSpace: 'srgb' } as unknown as ImageData;
    const rgb = await readImage(imageData);
    expect(rgb.channels).toBe(3);
    expect(Array.from(rgb.data.subarray(0, 3))).toEqual(Array.from(expected.subarray(0, 3)));
    await expect(readImage({ width: 2, height: 2, data: new Uint8ClampedArray(3) } as unknown as ImageData)).rejects.toMatchObject({ code: 'invalid-image' });
  });
});
