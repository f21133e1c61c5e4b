// A browser app built with esbuild from the installed tarballs: every package's bundle check
// (packages/*/test/bundle-check.ts) runs in headless Chromium and must give Node's results.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';
import { esbuildAssets, esbuildEntries, mainSource } from './lib/bundle-checks.js';
import { requireChromium, resultsInChromium } from './lib/chromium.js';

const release = inject('release');
const nodeResults = inject('nodeResults');

describe('esbuild', () => {
  it('bundles for the browser (workers as extra entry points), and every check in Chromium gives the Node results', async () => {
    requireChromium();
    const root = join(release.app, 'esbuild');
    const outdir = join(root, 'dist');
    mkdirSync(outdir, { recursive: true });
    writeFileSync(join(root, 'main.ts'), mainSource('esbuild', release.checks, 'esbuild'));
    writeFileSync(join(outdir, 'index.html'), '<!doctype html>\n<title>jointok / esbuild</title>\n<script type="module" src="./main.js"></script>\n');
    const result = await build({
      entryPoints: { main: join(root, 'main.ts'), ...(await esbuildEntries(release)) },
      absWorkingDir: root,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      splitting: true,
      outdir,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    // esbuild leaves `new URL('x.wasm', import.meta.url)` assets to the app's build: copy them, as the recipes say.
    for (const [name, path] of Object.entries(await esbuildAssets(release))) copyFileSync(path, join(outdir, name));

    const { results, pageErrors } = await resultsInChromium(outdir);
    expect(results).toEqual(nodeResults);
    expect(pageErrors.filter((error) => !/^404: .*\/no-such-[^/]*$/.test(error))).toEqual([]);
  });
});
