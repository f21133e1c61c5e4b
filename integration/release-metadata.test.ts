// What every published package must declare, read from packages/*/package.json: a new package is
// checked as soon as it exists. The tarballs themselves are tested in tarballs.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { satisfies } from './lib/semver.js';
import { repositoryRoot, workspacePackages } from './lib/workspace-packages.js';

const packages = workspacePackages().filter((pkg) => !pkg.json.private);
const versions = new Map(packages.map((pkg) => [pkg.json.name, pkg.json.version]));
const license = readFileSync(join(repositoryRoot, 'LICENSE'), 'utf8');

describe('release metadata of every package', () => {
  it('finds the packages', () => {
    expect(packages.map((pkg) => pkg.json.name)).toEqual(expect.arrayContaining(['@jointok/core', '@jointok/text']));
    expect(satisfies('0.2.3', '^0.2.0') && !satisfies('0.3.0', '^0.2.0') && satisfies('1.4.0', '^1.2.0') && !satisfies('0.1.0', '0.1.1')).toBe(true);
  });

  describe.each(packages.map((pkg) => [pkg.json.name, pkg] as const))('%s', (_name, pkg) => {
    const json = pkg.json;

    it('is an ESM package with a real version, the repository licence and a LICENSE file equal to the root one', () => {
      expect(json.type).toBe('module');
      expect(json.sideEffects).toBe(false);
      expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(json.version, 'a version npm can resolve a range to (not 0.0.0)').not.toBe('0.0.0');
      expect(json.license).toBe('Apache-2.0');
      expect(existsSync(join(pkg.dir, 'LICENSE')), `${pkg.folder}/LICENSE (copy the root LICENSE)`).toBe(true);
      expect(readFileSync(join(pkg.dir, 'LICENSE'), 'utf8') === license, `${pkg.folder}/LICENSE differs from the root LICENSE`).toBe(true);
      expect(existsSync(join(pkg.dir, 'README.md'))).toBe(true);
    });

    it('is ready to publish with provenance: files, publishConfig, repository with its folder', () => {
      expect(json.files).toContain('dist');
      expect(json.publishConfig).toEqual({ access: 'public', provenance: true });
      expect(json.repository).toEqual({ type: 'git', url: 'git+https://github.com/jointok/jointok.git', directory: `packages/${pkg.folder}` });
      expect(json['engines']).toEqual({ node: '>=20' });
      expect(typeof json['homepage']).toBe('string');
      expect(typeof json['description']).toBe('string');
    });

    it('declares types for every code entry point', () => {
      for (const [subpath, target] of Object.entries(json.exports ?? {})) {
        if (subpath.endsWith('.json')) continue;
        expect(JSON.stringify(target), `exports["${subpath}"]`).toMatch(/"types":/);
      }
    });

    it('depends on other jointok packages with ranges their workspace versions satisfy', () => {
      for (const [dependency, range] of Object.entries({ ...json.dependencies, ...json.peerDependencies })) {
        const version = versions.get(dependency);
        if (version === undefined) continue;
        expect(range, `${dependency}: a caret range, so that a patch release of it does not need one of ${json.name}`).toMatch(/^\^\d+\.\d+\.\d+$/);
        expect(satisfies(version, range), `${json.name} wants ${dependency}@${range}, the workspace has ${version}`).toBe(true);
      }
    });
  });
});
