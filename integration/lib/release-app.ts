import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from './bundle-checks.js';
import { exec } from './exec.js';
import { exportTargets, readPackageJson, repositoryRoot, workspacePackages, type PackageJson } from './workspace-packages.js';

/** One package as released: its version after `changeset version`, its tarball and the files in it. */
export interface ReleasedPackage {
  folder: string;
  name: string;
  /** The package.json that went into the tarball. */
  json: PackageJson;
  tarball: string;
  files: string[];
  bundleCheck: string | undefined;
}

/** A fresh app folder with every package installed from its tarball, and where things are. */
export interface ReleaseApp {
  /** Temporary folder holding everything below; removed after the run. */
  work: string;
  app: string;
  packages: ReleasedPackage[];
  /** The packages with a bundle check, copied into the app as `checks/<folder>.ts`. */
  checks: { folder: string; name: string }[];
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Releases the packages as CI would, without touching the repository: copies what `changeset version`
 * and `npm pack` read into a temporary folder, applies the pending changesets there, packs every
 * package (its built `dist` included), packs the registry packages they depend on from the repository's
 * node_modules, and installs all those tarballs, and nothing else, into a new app folder with
 * `npm install --offline`. Then copies each package's bundle check into the app.
 */
export async function prepareReleaseApp(): Promise<ReleaseApp> {
  const work = mkdtempSync(join(tmpdir(), 'jointok-release-'));
  try {
    return await releaseInto(work);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

async function releaseInto(work: string): Promise<ReleaseApp> {
  const repo = join(work, 'repo');
  const tarballs = join(work, 'tarballs');
  const app = join(work, 'app');
  mkdirSync(tarballs);
  mkdirSync(app);

  const packages = workspacePackages();
  for (const pkg of packages) {
    // Every file the exports name, declarations included (`build:js`, the demo's build, leaves them out).
    const missing = exportTargets(pkg.json.exports).filter((target) => !existsSync(join(pkg.dir, target)));
    if (missing.length > 0) throw new Error(`${pkg.json.name} is not built (${missing.join(', ')} missing): run \`npm run build\` first.`);
  }
  cpSync(join(repositoryRoot, 'package.json'), join(repo, 'package.json'));
  cpSync(join(repositoryRoot, '.changeset'), join(repo, '.changeset'), { recursive: true });
  for (const pkg of packages) {
    cpSync(pkg.dir, join(repo, 'packages', pkg.folder), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }

  await exec(process.execPath, [join(repositoryRoot, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: repo });

  const packed = JSON.parse(await exec(npm, ['pack', '--workspaces', '--json', '--ignore-scripts', '--pack-destination', tarballs], { cwd: repo })) as {
    name: string;
    filename: string;
    files: { path: string }[];
  }[];
  const released = packages.map((pkg): ReleasedPackage => {
    const entry = packed.find((p) => p.name === pkg.json.name);
    if (entry === undefined) throw new Error(`npm pack produced no tarball for ${pkg.json.name}`);
    return {
      folder: pkg.folder,
      name: pkg.json.name,
      json: readPackageJson(join(repo, 'packages', pkg.folder)),
      tarball: join(tarballs, entry.filename),
      files: entry.files.map((f) => f.path),
      bundleCheck: pkg.bundleCheck,
    };
  });

  // "Offline, from the tarballs only": the registry packages jointok depends on are packed too, from the
  // copies `npm ci` installed in the repository, so that the install needs neither network nor cache.
  const registryTarballs = await packRegistryDependencies(released, tarballs);
  const dependencies = Object.fromEntries([...released.map((p): [string, string] => [p.name, `file:${p.tarball}`]), ...registryTarballs]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'jointok-release-app', private: true, type: 'module', dependencies }, null, 2));
  await exec(npm, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app });

  // Copies, so that they resolve jointok's packages from the app's node_modules, as an app's code does.
  const checks = released.filter((pkg) => pkg.bundleCheck !== undefined);
  mkdirSync(join(app, 'checks'));
  for (const pkg of checks) cpSync(pkg.bundleCheck as string, join(app, checkFile(pkg.folder)));
  return { work, app, packages: released, checks: checks.map((pkg) => ({ folder: pkg.folder, name: pkg.name })) };
}

/** Packs the non-jointok dependencies of the released packages (and theirs) from the repository's node_modules. */
async function packRegistryDependencies(released: readonly ReleasedPackage[], destination: string): Promise<[string, string][]> {
  const jointok = new Set(released.map((pkg) => pkg.name));
  const pending = released.flatMap((pkg) => Object.keys(pkg.json.dependencies ?? {})).filter((name) => !jointok.has(name));
  const packed = new Map<string, string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (packed.has(name)) continue;
    const dir = join(repositoryRoot, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) throw new Error(`${name}, a dependency of a jointok package, is not installed in the repository: run \`npm ci\` first.`);
    const [result] = JSON.parse(await exec(npm, ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: destination })) as { filename: string }[];
    packed.set(name, `file:${join(destination, (result as { filename: string }).filename)}`);
    pending.push(...Object.keys(readPackageJson(dir).dependencies ?? {}));
  }
  return [...packed];
}
