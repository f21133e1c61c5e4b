import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of a package.json these tests read. */
export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  type?: string;
  sideEffects?: boolean;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  publishConfig?: { access?: string; provenance?: boolean };
  repository?: { type?: string; url?: string; directory?: string };
  [field: string]: unknown;
}

/** A workspace package: its folder under packages/ and its package.json. */
export interface WorkspacePackage {
  /** Folder name under packages/ (`core`, `text`, ...). */
  folder: string;
  dir: string;
  json: PackageJson;
  /** `test/bundle-check.ts` when the package has browser-bundle checks (see CONTRIBUTING.md). */
  bundleCheck: string | undefined;
}

/** Every folder under packages/ with a package.json, sorted by folder name: new packages join by existing. */
export function workspacePackages(root = repositoryRoot): WorkspacePackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const dir = join(packagesDir, folder);
      const check = join(dir, 'test', 'bundle-check.ts');
      return { folder, dir, json: readPackageJson(dir), bundleCheck: existsSync(check) ? check : undefined };
    });
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The import specifiers of a package's `exports` (`@jointok/text`, `@jointok/text/batch`, ...), JSON files apart. */
export function entrySpecifiers(json: PackageJson): { code: string[]; json: string[] } {
  const subpaths = Object.keys(json.exports ?? { '.': null });
  const specifier = (subpath: string): string => (subpath === '.' ? json.name : `${json.name}${subpath.slice(1)}`);
  return {
    code: subpaths.filter((s) => !s.endsWith('.json')).map(specifier),
    json: subpaths.filter((s) => s.endsWith('.json')).map(specifier),
  };
}

/** Every file path an `exports` map points to. */
export function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(exportTargets);
}
