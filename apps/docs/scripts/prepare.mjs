// Everything the site needs before VitePress builds it: the API reference (fails on an undocumented
// public export), the model catalogue, the CLI page (packages/cli's README), and the live examples' assets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateApiReference, UndocumentedExportsError } from './api/generate.mjs';
import { generateCatalogue } from './catalogue/generate.mjs';
import { copyAssets } from './copy-assets.mjs';
import { readmePage } from './readme-page.mjs';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(docsDir, '..', '..');
const siteDir = join(docsDir, 'site');
const started = performance.now();

try {
  const api = generateApiReference(root, siteDir);
  mkdirSync(join(siteDir, '.vitepress', 'generated'), { recursive: true });
  writeFileSync(join(siteDir, '.vitepress', 'generated', 'api-sidebar.json'), `${JSON.stringify(api.sidebar, null, 2)}\n`);
  const catalogue = await generateCatalogue(root, siteDir);
  // The command line page is the CLI package's README, so it says what the command does.
  writeFileSync(join(siteDir, 'cli.md'), readmePage(root, 'packages/cli/README.md', 'The command line'));
  const config = JSON.parse(readFileSync(join(docsDir, 'live-examples.json'), 'utf8'));
  const assets = copyAssets(root, docsDir, config);
  console.log(`docs: API reference of ${api.exports} exports in ${api.entries} entries; catalogue of ${catalogue.families} families (${catalogue.fixtures} fixture folders); ${assets.length} assets copied (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  if (error instanceof UndocumentedExportsError) {
    console.error(`docs build failed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
