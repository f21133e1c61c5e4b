import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';

const SKIPPED = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage']);

/** The monorepo's root: the nearest folder above `from` whose package.json declares workspaces. */
export function repositoryRoot(from: string): string {
  let folder = from;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new InvalidArgumentError({ argument: 'from', expected: 'a folder inside an npm workspace', received: from });
    folder = parent;
  }
}

/**
 * Committed files under `folder` (node_modules, dist and .git skipped) whose path passes `accept`,
 * sorted: the seed corpus of a format is every real file of it in the repository.
 */
export function findSeedFiles(folder: string, accept: (path: string) => boolean): string[] {
  const found: string[] = [];
  const stack = [folder];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile() && accept(path)) found.push(path);
    }
  }
  return found.sort();
}
