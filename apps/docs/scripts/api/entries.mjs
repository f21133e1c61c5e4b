// Which files are public: every `exports` entry of every published package under packages/, mapped from
// its built file back to the source file it is built from (dist/x/y.js <- src/x/y.ts, the packages' rule).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Subpaths that are not public API: no stability promise, or no JavaScript. */
const NOT_PUBLIC = new Set(['./internal', './package.json']);

/**
 * The public entries of every package: `{ packageName, packageDir, subpath, slug, sources: { condition: file } }`.
 * Throws when an entry's source cannot be found, so a new build layout fails loudly rather than going
 * undocumented.
 */
export function publicEntries(repositoryRoot) {
  const packagesDir = join(repositoryRoot, 'packages');
  const entries = [];
  for (const name of readdirSync(packagesDir).sort()) {
    const packageDir = join(packagesDir, name);
    const manifestPath = join(packageDir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    for (const [subpath, target] of Object.entries(manifest.exports ?? { '.': manifest.main })) {
      if (NOT_PUBLIC.has(subpath)) continue;
      const built = conditionTargets(target);
      const sources = {};
      for (const [condition, file] of Object.entries(built)) {
        if (!/\.m?js$/.test(file)) continue;
        const source = join(packageDir, file.replace(/^\.\/dist\//, 'src/').replace(/\.m?js$/, '.ts'));
        if (!existsSync(source)) throw new Error(`${manifest.name} exports "${subpath}" (${condition}: ${file}) but ${relative(repositoryRoot, source)} does not exist`);
        sources[condition] = source;
      }
      if (Object.keys(sources).length === 0) continue;
      entries.push({ packageName: manifest.name, packageDir, directory: name, subpath, slug: entrySlug(subpath), sources, description: manifest.description ?? '' });
    }
  }
  return entries;
}

/** `.` → `index`, `./batch` → `batch`, `./o200k_base` → `o200k_base`. */
function entrySlug(subpath) {
  return subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The JavaScript file of each condition (`node`, `browser`, `default`, `import`) of one `exports` value. */
function conditionTargets(target, condition = 'default') {
  if (typeof target === 'string') return { [condition]: target };
  const out = {};
  for (const [key, value] of Object.entries(target)) {
    if (key === 'types') continue;
    const nested = conditionTargets(value, key === 'default' || key === 'import' ? condition : key);
    for (const [c, file] of Object.entries(nested)) if (!(c in out)) out[c] = file;
  }
  return out;
}

/**
 * TypeScript `paths` from every package specifier (`@jointok/core`, `@jointok/core/internal`, ...) to the
 * source of its neutral entry, so the API reader follows sources across packages.
 */
export function sourcePaths(repositoryRoot) {
  const packagesDir = join(repositoryRoot, 'packages');
  const paths = {};
  for (const name of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const built = conditionTargets(target);
      const file = built.default ?? Object.values(built)[0];
      if (typeof file !== 'string' || !/\.m?js$/.test(file)) continue;
      const source = join(packagesDir, name, file.replace(/^\.\/dist\//, 'src/').replace(/\.m?js$/, '.ts'));
      if (existsSync(source)) paths[subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`] = [relative(repositoryRoot, source)];
    }
  }
  return paths;
}
