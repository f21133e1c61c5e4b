// Bundles a bench page for headless Chromium: one entry with everything inlined (the browser builds of
// the workspace packages, resolved from the repository's node_modules), written to `outDir/page.js`.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {string} entry the page's entry module
 * @param {string} outDir where `page.js` goes
 * @param {{ format?: 'iife' | 'esm', external?: string[] }} [options] `esm` where a dependency finds its
 *   files next to the bundle through `import.meta.url`; `external` for what the page loads itself
 */
export async function bundlePage(entry, outDir, { format = 'iife', external = [] } = {}) {
  await build({
    entry: { page: entry },
    outDir,
    format: [format],
    platform: 'browser',
    noExternal: [/.*/],
    external,
    splitting: false,
    config: false,
    dts: false,
    silent: true,
    esbuildOptions(options) {
      options.conditions = ['browser'];
      options.nodePaths = [join(root, 'node_modules')];
    },
  });
}
