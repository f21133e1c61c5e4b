// The documentation check: every public export needs a TSDoc summary. Prints what lacks one and exits 1.
import { fileURLToPath } from 'node:url';
import { publicEntries, sourcePaths } from './entries.mjs';
import { readEntries } from './read-exports.mjs';

/** Exports without a TSDoc summary: `{ entry, name, kind, location }[]`, one per declaration. */
export function undocumentedExports(read) {
  const out = [];
  for (const entry of read) for (const symbol of entry.symbols) if (!symbol.summary) out.push({ entry: entry.subpath === '.' ? entry.packageName : `${entry.packageName}/${entry.subpath.slice(2)}`, name: symbol.name, kind: symbol.kind, location: symbol.location });
  return out;
}

/** A readable failure message listing each undocumented export once per declaration. */
export function describeUndocumented(missing) {
  const unique = new Map();
  for (const m of missing) if (!unique.has(`${m.name}@${m.location}`)) unique.set(`${m.name}@${m.location}`, m);
  const lines = [...unique.values()].map((m) => `  ${m.entry}: ${m.name} (${m.kind}) — ${m.location}`);
  return `${unique.size} public export(s) have no TSDoc comment (add a /** summary */ above the declaration):\n${lines.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const read = readEntries(publicEntries(root), root, sourcePaths(root));
  const missing = undocumentedExports(read);
  if (missing.length > 0) {
    console.error(describeUndocumented(missing));
    process.exit(1);
  }
  console.log(`every public export is documented (${read.reduce((n, e) => n + e.symbols.length, 0)} exports in ${read.length} entries)`);
}
