// Writes the API reference pages into the site and returns their sidebar; fails (throws) on an
// undocumented public export, naming every one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeUndocumented, undocumentedExports } from './check.mjs';
import { publicEntries, sourcePaths } from './entries.mjs';
import { readEntries } from './read-exports.mjs';
import { pagePath, renderEntryPage, renderIndexPage, specifier } from './render.mjs';

/** Thrown when public exports lack TSDoc; `missing` lists them. */
export class UndocumentedExportsError extends Error {
  constructor(missing) {
    super(describeUndocumented(missing));
    this.name = 'UndocumentedExportsError';
    this.missing = missing;
  }
}

/**
 * Where each export is documented in full: the entry of the package that declares it (`packages/<dir>/`),
 * keyed by name and declaration. Another package re-exporting it (the `jointok` umbrella, a type that text
 * passes on from core) links there instead of repeating it.
 */
function homesOf(read) {
  const homes = new Map();
  for (const entry of read) {
    for (const symbol of entry.symbols) {
      if (!symbol.location.startsWith(`packages/${entry.directory}/`)) continue;
      const key = `${symbol.name}\u0000${symbol.location}`;
      if (!homes.has(key)) homes.set(key, { entry, symbol });
    }
  }
  return homes;
}

/**
 * Reads every public entry of `repositoryRoot/packages/*`, checks that every export is documented, and
 * writes `siteDir/api/**`. Returns `{ sidebar, exports }`.
 */
export function generateApiReference(repositoryRoot, siteDir) {
  const read = readEntries(publicEntries(repositoryRoot), repositoryRoot, sourcePaths(repositoryRoot));
  const missing = undocumentedExports(read);
  if (missing.length > 0) throw new UndocumentedExportsError(missing);
  rmSync(join(siteDir, 'api'), { recursive: true, force: true });
  const homes = homesOf(read);
  for (const entry of read) {
    const file = join(siteDir, `${pagePath(entry)}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderEntryPage(entry, homes));
  }
  writeFileSync(join(siteDir, 'api', 'index.md'), renderIndexPage(read));
  const groups = new Map();
  for (const entry of read) {
    if (!groups.has(entry.packageName)) groups.set(entry.packageName, []);
    groups.get(entry.packageName).push({ text: specifier(entry), link: `/${pagePath(entry)}` });
  }
  const sidebar = [{ text: 'API reference', items: [{ text: 'Overview', link: '/api/' }] }, ...[...groups].map(([text, items]) => ({ text, collapsed: true, items }))];
  return { sidebar, exports: read.reduce((n, e) => n + e.symbols.length, 0), entries: read.length };
}
