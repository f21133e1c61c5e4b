// Every jointok error class carries its own `Symbol.for` marker, so that `isInstance` tells the classes
// apart even across two installed copies of a package. Two classes sharing a marker would confuse each
// other; this scans every package's sources for the markers and their classes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' || name.startsWith('__') ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('error markers', () => {
  const classes: { marker: string; name: string; file: string }[] = [];
  for (const pkg of readdirSync(packagesDir)) {
    const src = join(packagesDir, pkg, 'src');
    if (!statSync(join(packagesDir, pkg)).isDirectory() || !readdirSync(join(packagesDir, pkg)).includes('src')) continue;
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      const marker = /Symbol\.for\('(jointok\.error[^']*)'\)/.exec(text)?.[1];
      const name = /export class (\w+) extends \w*Error/.exec(text)?.[1];
      if (marker !== undefined && name !== undefined) classes.push({ marker, name, file: file.slice(packagesDir.length) });
    }
  }

  it('finds the error classes of every package', () => {
    expect(classes.length).toBeGreaterThan(30);
    expect(classes.map((c) => c.name)).toContain('UnknownTokenIdError');
  });

  it('gives every class a marker of its own', () => {
    const byMarker = new Map<string, string[]>();
    for (const c of classes) byMarker.set(c.marker, [...(byMarker.get(c.marker) ?? []), `${c.name} (${c.file})`]);
    const shared = [...byMarker].filter(([, owners]) => owners.length > 1);
    expect(shared).toEqual([]);
  });

  it('gives every class a distinct name', () => {
    const names = classes.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
