import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { exec } from './exec.js';
import type { ReleaseApp } from './release-app.js';

/**
 * What a package's `test/bundle-check.ts` exports (see CONTRIBUTING.md, "Browser bundle checks"):
 * `default` runs in Node and in every browser bundle and returns JSON-able data (typed arrays are
 * compared as arrays); `esbuildEntries` names extra entry points an esbuild build must emit, such
 * as a worker script, whose URLs the check gets from `context.entryUrl(name)`.
 */
export interface BundleCheckModule {
  default(context: BundleCheckContext): Promise<unknown>;
  esbuildEntries?: Record<string, string>;
  /** Files an esbuild build must copy next to the bundle (name -> package file specifier), as an app's build step would. */
  esbuildAssets?: Record<string, string>;
}

/** What the harness gives a check. */
export interface BundleCheckContext {
  /** `node`, or the bundler that built the page. */
  runtime: 'node' | 'vite' | 'esbuild';
  /** The URL of an extra esbuild entry point (`esbuildEntries`), or undefined where the package's default applies. */
  entryUrl(name: string): URL | undefined;
  /** The URL of a copied esbuild asset (`esbuildAssets`), or undefined where the bundler handles assets itself. */
  assetUrl(name: string): URL | undefined;
}

export type Runtime = BundleCheckContext['runtime'];

/** Results by package name; a check that threw gives `{ thrown: 'Name: message' }`. */
export type CheckResults = Record<string, unknown>;

/** Where a check's copy lives in the app: `checks/<folder>.ts`, importing only the installed packages. */
export function checkFile(folder: string): string {
  return `checks/${folder}.ts`;
}

/** Milliseconds a check may take before the page reports it as hung (a worker that never answers). */
const checkTimeout = 60_000;

/**
 * The entry module of one runtime: runs every check in turn and publishes the results as JSON
 * (`globalThis.__jointokResults` in a page, stdout in Node). `fromDir` is where the file will live,
 * relative to the app folder.
 */
export function mainSource(runtime: Runtime, checks: { folder: string; name: string }[], fromDir: string): string {
  const up = fromDir.split('/').map(() => '..').join('/');
  const imports = checks.map((check, i) => `import * as check${i} from '${up}/${checkFile(check.folder)}';`).join('\n');
  const table = checks.map((check, i) => `  [${JSON.stringify(check.name)}, check${i}],`).join('\n');
  const entryUrl = runtime === 'esbuild' ? '(name) => new URL(`./${name}.js`, import.meta.url)' : '() => undefined';
  const assetUrl = runtime === 'esbuild' ? '(name) => new URL(`./${name}`, import.meta.url)' : '() => undefined';
  return `${imports}

const checks = [
${table}
] as const;
const context = { runtime: '${runtime}' as const, entryUrl: ${entryUrl} as (name: string) => URL | undefined, assetUrl: ${assetUrl} as (name: string) => URL | undefined };

function plain(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
}

async function runAll(): Promise<string> {
  const results: Record<string, unknown> = {};
  for (const [name, module] of checks) {
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no result within ${checkTimeout} ms')), ${checkTimeout})));
      results[name] = await Promise.race([module.default(context), timeout]);
      clearTimeout(timer);
    } catch (error) {
      const e = error as { name?: string; message?: string };
      results[name] = { thrown: \`\${e?.name}: \${e?.message}\` };
    }
  }
  return JSON.stringify(results, plain);
}

${
  runtime === 'node'
    ? 'void runAll().then((json) => process.stdout.write(json));'
    : 'void runAll().then((json) => {\n  (globalThis as { __jointokResults?: string }).__jointokResults = json;\n});'
}
`;
}

/** Runs the checks in Node against the installed packages (bundled with the packages kept external). */
export async function nodeResults(release: ReleaseApp): Promise<CheckResults> {
  const checks = release.checks;
  const dir = join(release.app, 'node-run');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.ts'), mainSource('node', checks, 'node-run'));
  await build({ entryPoints: [join(dir, 'main.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(dir, 'main.mjs'), logLevel: 'silent' });
  return JSON.parse(await exec(process.execPath, [join(dir, 'main.mjs')], { cwd: release.app })) as CheckResults;
}

/** Extra esbuild entry points of every check (`esbuildEntries`), read from the packages' own check files. */
export async function esbuildEntries(release: ReleaseApp): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const pkg of release.packages) {
    if (pkg.bundleCheck === undefined) continue;
    const module = (await import(pkg.bundleCheck)) as BundleCheckModule;
    Object.assign(entries, module.esbuildEntries ?? {});
  }
  return entries;
}

/** Files of every check's `esbuildAssets`, resolved in the app (name -> absolute path), for the esbuild build to copy. */
export async function esbuildAssets(release: ReleaseApp): Promise<Record<string, string>> {
  const resolveInApp = createRequire(join(release.app, 'package.json'));
  const assets: Record<string, string> = {};
  for (const pkg of release.packages) {
    if (pkg.bundleCheck === undefined) continue;
    const module = (await import(pkg.bundleCheck)) as BundleCheckModule;
    for (const [name, specifier] of Object.entries(module.esbuildAssets ?? {})) assets[name] = resolveInApp.resolve(specifier);
  }
  return assets;
}
