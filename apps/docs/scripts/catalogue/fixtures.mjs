// Family fixtures as the packages commit them: every jointok.json (and onnx-community config.json) under a
// `__fixtures__` folder of packages/*/src, with the README that documents how it was made and checked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The `__fixtures__` folder that holds `file`, and its README if it has one. */
function fixtureRoot(file) {
  let dir = dirname(file);
  while (!dir.endsWith('__fixtures__') && dir !== dirname(dir)) dir = dirname(dir);
  const readme = join(dir, 'README.md');
  return { dir, readme: existsSync(readme) ? readme : null };
}

/**
 * Every model folder committed as a fixture: `{ packageName, folder, layout, manifest?, config?, readme,
 * fixtureDir, test }` where `layout` is `jointok` (a jointok.json) or `onnx-community` (a config.json).
 */
export function findFixtures(repositoryRoot) {
  const out = [];
  const packagesDir = join(repositoryRoot, 'packages');
  for (const pkg of readdirSync(packagesDir).sort()) {
    const src = join(packagesDir, pkg, 'src');
    if (!existsSync(src)) continue;
    const packageName = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')).name;
    for (const file of walk(src)) {
      if (!file.includes('__fixtures__')) continue;
      const base = file.slice(file.lastIndexOf('/') + 1);
      if (base !== 'jointok.json' && !(base === 'config.json' && existsSync(join(dirname(file), 'onnx')))) continue;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (base === 'jointok.json' && typeof json.family !== 'string') continue;
      const { dir, readme } = fixtureRoot(file);
      const tests = readdirSync(dirname(dir)).filter((f) => f.endsWith('.test.ts')).map((f) => relative(repositoryRoot, join(dirname(dir), f)));
      out.push({
        packageName,
        folder: relative(repositoryRoot, dirname(file)),
        layout: base === 'jointok.json' ? 'jointok' : 'onnx-community',
        manifest: base === 'jointok.json' ? json : null,
        config: base === 'config.json' ? json : null,
        fixtureDir: relative(repositoryRoot, dir),
        readme: readme ? relative(repositoryRoot, readme) : null,
        tests,
      });
    }
  }
  return out.sort((a, b) => a.folder.localeCompare(b.folder));
}

/**
 * The README's own statement of parity: the first paragraph that reports a measurement against the
 * reference ("Measured …", "Parity with …", "bit-identical …"), as written there.
 */
export function parityStatement(readmeText) {
  const paragraphs = readmeText.split(/\n\s*\n/).map((p) => p.trim());
  const found = paragraphs.find((p) => /^(\*\*)?(Measured|Parity with)/.test(p)) ?? paragraphs.find((p) => /bit-identical|bit for bit|identical to/i.test(p) && !p.startsWith('#') && !p.startsWith('|'));
  return found ? found.replace(/\s+/g, ' ') : null;
}

const PARITY_WORDS = /PyTorch's codes|bit-exact|bit-equal|bit-identical|bit for bit|identical|equal to/i;

/**
 * For a family without a fixture README: its package README's statement of parity, found in the section
 * that names the family (`family: 'mu-law'`, `"family": "cosmos-dv"`): a paragraph that starts with
 * "Parity", else the paragraph or bullet that names the family and reports equality, as written there.
 */
export function packageParityStatement(readmeText, family) {
  const marker = new RegExp(`family"?'?:\\s*["']${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`);
  const blocks = readmeText
    .split(/\n(?=#{2,4} )/)
    .filter((section) => marker.test(section))
    .flatMap((section) => section.split(/\n\s*\n|\n(?=- )/).map((b) => b.trim()))
    .filter((b) => !b.startsWith('|') && !b.startsWith('#'));
  const found = blocks.find((b) => /^Parity\b/.test(b)) ?? blocks.find((b) => marker.test(b) && PARITY_WORDS.test(b));
  if (found) return found.replace(/^- /, '').replace(/\s+/g, ' ');
  return null;
}
