import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVideo } from '../src/index.browser.js';
import { collect, readFixture } from '../src/testing/fixtures.js';
import { ensureDist } from '../../../test-support/ensure-dist.js';

const browserEntry = new URL('../dist/index.browser.js', import.meta.url);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const allowed = new Set(['@jointok/core', '@jointok/image']);

beforeAll(async () => {
  await ensureDist(browserEntry, new URL('../', import.meta.url));
}, 120_000);

function walk(file: string, seen = new Set<string>(), bare = new Set<string>()): { seen: Set<string>; bare: Set<string> } {
  if (seen.has(file)) return { seen, bare };
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
    const specifier = m[1]!;
    if (specifier.startsWith('.')) walk(join(dirname(file), specifier), seen, bare);
    else bare.add(specifier);
  }
  return { seen, bare };
}

describe('browser entry', () => {
  it('imports no Node built-in (ffmpeg and file paths stay in the Node entry)', () => {
    const { seen, bare } = walk(fileURLToPath(browserEntry));
    expect(seen.size).toBeGreaterThan(1);
    for (const specifier of bare) expect(allowed.has(specifier), specifier).toBe(true);
    const node = walk(fileURLToPath(new URL('../dist/index.node.js', import.meta.url)));
    expect([...node.bare].some((s) => builtins.has(s))).toBe(true);
  });

  it('streams a Y4M Blob with the same frames as the bytes', async () => {
    const bytes = readFixture('clips/zoom-coffee-422.y4m');
    const fromBlob = await collect(await readVideo(new Blob([new Uint8Array(bytes)]), { maxFrames: 3 }));
    const fromBytes = await collect(await readVideo(bytes, { maxFrames: 3 }));
    expect(fromBlob.length).toBe(3);
    fromBlob.forEach((f, i) => expect(f.data).toEqual(fromBytes[i]!.data));
  });
});
