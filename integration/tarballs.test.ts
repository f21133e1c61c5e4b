// The packages as released: `changeset version` and `npm pack` ran on a copy of the repository, and
// every tarball was installed offline into a fresh app folder (lib/global-setup.ts). Here: what the
// tarballs hold, that every entry point imports from plain Node ESM, and that TypeScript accepts them
// under moduleResolution node16 and bundler.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { exec } from './lib/exec.js';
import { satisfies } from './lib/semver.js';
import { entrySpecifiers, exportTargets, repositoryRoot, type PackageJson } from './lib/workspace-packages.js';

const release = inject('release');
const nodeResults = inject('nodeResults');
const versions = new Map(release.packages.map((pkg) => [pkg.name, pkg.json.version]));

/** Optional peer dependencies of a package that the app does not have. */
function missingOptionalPeers(json: PackageJson): string[] {
  return Object.entries(json.peerDependenciesMeta ?? {})
    .filter(([name, meta]) => meta.optional === true && !existsSync(join(release.app, 'node_modules', name)))
    .map(([name]) => name);
}

describe('versions after changeset version', () => {
  it.each(release.packages.map((pkg) => [pkg.name, pkg] as const))('%s depends on the released versions of jointok packages', (_name, pkg) => {
    expect(pkg.json.version).not.toBe('0.0.0');
    for (const [dependency, range] of Object.entries({ ...pkg.json.dependencies, ...pkg.json.peerDependencies })) {
      expect(range, `${dependency}: no workspace or file protocol in a published package`).not.toMatch(/^(workspace|file|link):/);
      const version = versions.get(dependency);
      if (version !== undefined) expect(satisfies(version, range), `${pkg.name} wants ${dependency}@${range}, the release has ${version}`).toBe(true);
    }
  });
});

describe('tarball contents', () => {
  it.each(release.packages.map((pkg) => [pkg.name, pkg] as const))('%s holds its licence, readme, and every file its exports name, and no sources or tests', (_name, pkg) => {
    expect(pkg.files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    for (const target of exportTargets(pkg.json.exports)) expect(pkg.files, `exports target ${target}`).toContain(target.replace(/^\.\//, ''));
    expect(pkg.files.filter((file) => /^(src|test)\//.test(file) || file.endsWith('.test.js'))).toEqual([]);
  });
});

describe('installed from the tarballs', () => {
  it('installed without any optional ONNX Runtime package', () => {
    expect(existsSync(join(release.app, 'node_modules/onnxruntime-node'))).toBe(false);
    expect(existsSync(join(release.app, 'node_modules/onnxruntime-web'))).toBe(false);
  });

  it('every entry point imports from plain Node ESM (an entry may fail only for want of an optional peer)', async () => {
    const specifiers = release.packages.flatMap((pkg) => entrySpecifiers(pkg.json).code);
    const script = join(repositoryRoot, 'integration/app-files/import-entries.mjs');
    const results = JSON.parse(await exec(process.execPath, [script, ...specifiers], { cwd: release.app })) as { specifier: string; exports?: string[]; error?: string }[];
    expect(results.map((r) => r.specifier)).toEqual(specifiers);
    for (const result of results) {
      if (result.error === undefined) continue;
      const pkg = release.packages.find((p) => result.specifier === p.name || result.specifier.startsWith(`${p.name}/`)) as { json: PackageJson };
      const peer = missingOptionalPeers(pkg.json).find((name) => (result.error as string).includes(`'${name}'`));
      expect(peer, `${result.specifier} failed to import: ${result.error}`).toBeDefined();
    }
    const roots = results.filter((r) => release.packages.some((p) => p.name === r.specifier));
    for (const root of roots) expect(root.exports?.length ?? 0, `${root.specifier} exports something`).toBeGreaterThan(0);
  });

  it('the bundle checks run in Node against the installed packages without throwing', () => {
    expect(Object.keys(nodeResults).sort()).toEqual(release.checks.map((c) => c.name).sort());
    for (const [name, result] of Object.entries(nodeResults)) expect(result, name).not.toHaveProperty('thrown');
  });
});

describe('TypeScript against the installed declarations', () => {
  // Every code entry point imported as a namespace, plus the bundle checks: real, typed uses of the API.
  // An entry whose declarations need an optional peer the app lacks is left out, as its users install
  // that peer first (`@jointok/core/fuzz` is built on fast-check).
  const entryPeers: Record<string, string> = { '@jointok/core/fuzz': 'fast-check' };
  const specifiers = release.packages
    .flatMap((pkg) => entrySpecifiers(pkg.json).code)
    .filter((specifier) => entryPeers[specifier] === undefined || existsSync(join(release.app, 'node_modules', entryPeers[specifier]!)));
  const entries = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`).join('\n');
  const source = `${entries}\n\nexport const namespaces: object[] = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];\n`;
  const typesDir = join(repositoryRoot, 'node_modules/@types');

  const configurations = {
    node16: { module: 'node16', moduleResolution: 'node16' },
    bundler: { module: 'esnext', moduleResolution: 'bundler' },
  };

  /** Runs tsc on the entries and the checks; lib.*.d.ts aside, every declaration file is checked too. */
  function typeCheck(name: keyof typeof configurations): Promise<string> {
    const dir = join(release.app, `types-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'entries.ts'), source);
    const compilerOptions = {
      ...configurations[name],
      target: 'es2022',
      lib: ['es2022', 'dom'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      skipDefaultLibCheck: true,
      typeRoots: [typesDir],
      types: ['node'],
    };
    const include = ['entries.ts', ...release.checks.map((c) => `../checks/${c.folder}.ts`)];
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include }, null, 2));
    const tsc = join(repositoryRoot, 'node_modules/typescript/bin/tsc');
    return exec(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(() => `${name}: no errors`);
  }

  it('type-checks every entry point and the bundle checks under moduleResolution node16 and bundler', async () => {
    expect(source).toContain("from '@jointok/core'");
    // Both at once: two tsc processes use two cores.
    expect(await Promise.all([typeCheck('node16'), typeCheck('bundler')])).toEqual(['node16: no errors', 'bundler: no errors']);
  });
});

describe('the README quick start', () => {
  const file = join(repositoryRoot, 'examples/quick-start.mjs');

  it('is the file examples/quick-start.mjs, word for word', () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`js\n${readFileSync(file, 'utf8')}\`\`\``);
  });

  it('runs in the app as pasted and prints the README output', async () => {
    writeFileSync(join(release.app, 'quick-start.mjs'), readFileSync(file, 'utf8'));
    const output = await exec(process.execPath, ['quick-start.mjs'], { cwd: release.app });
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const printed = /It prints[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(printed, 'the README shows the output after "It prints"').toBeDefined();
    expect(output).toBe(printed);
    expect(output).toContain('text "A photo of a cat:"');
  });
});
