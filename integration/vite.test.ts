// A browser app built with Vite from the installed tarballs: every package's bundle check
// (packages/*/test/bundle-check.ts) runs in headless Chromium and must give Node's results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { mainSource } from './lib/bundle-checks.js';
import { requireChromium, resultsInChromium } from './lib/chromium.js';

const release = inject('release');
const nodeResults = inject('nodeResults');

describe('Vite', () => {
  it('builds the app with no configuration, and every check in Chromium gives the Node results', async () => {
    requireChromium();
    const root = join(release.app, 'vite');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'main.ts'), mainSource('vite', release.checks, 'vite'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>\n<title>jointok / Vite</title>\n<script type="module" src="./main.ts"></script>\n');
    const outDir = join(root, 'dist');
    // No vite.config: what an app gets by default (configFile: false keeps the repository's config out).
    await build({ root, configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true } });

    const { results, pageErrors } = await resultsInChromium(outDir);
    expect(results).toEqual(nodeResults);
    expect(pageErrors.filter((error) => !/^404: .*\/no-such-[^/]*$/.test(error))).toEqual([]);
  });
});
