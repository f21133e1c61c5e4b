import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { defaultCacheDir } from 'jointok';
import { formatBytes } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { listCachedModels } from './list-cached-models.js';

/** Where @jointok/image keeps the built-in image model, and whether it is there. */
function builtInImageModel(): { path: string; installed: boolean } {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('@jointok/image/package.json', { paths: [dirname(require.resolve('jointok/package.json'))] })), 'models', 'jointok-image-base');
  return { path, installed: existsSync(join(path, 'jointok.json')) };
}

/** `jointok models`: the built-in models and the model cache. */
export function registerModels(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  program
    .command('models')
    .description('list the built-in models and the models in the cache ($JOINTOK_CACHE, else ~/.cache/jointok)')
    .option('--cache-dir <dir>', 'the cache folder to list')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (options: { cacheDir?: string; json?: boolean }) => {
      const reporter = reporterFor(options);
      const cacheDir = options.cacheDir ?? defaultCacheDir();
      const image = builtInImageModel();
      const builtIn = [
        { name: 'o200k_base', modality: 'text', use: '--text-model o200k_base (default)', installed: true },
        { name: 'cl100k_base', modality: 'text', use: '--text-model cl100k_base', installed: true },
        { name: 'jointok-image-base', modality: 'image', use: '--image-model jointok-image-base (default)', installed: image.installed, path: image.path },
        { name: 'mu-law', modality: 'audio', use: '--audio-model mu-law (default, 16 kHz) or mu-law@<rate>', installed: true },
        { name: 'per-frame', modality: 'video', use: '--video-model per-frame (default: each frame through the image model)', installed: true },
      ];
      const cached = await listCachedModels(cacheDir);
      if (reporter.json) {
        reporter.result({ builtIn, cacheDir, cached });
        return;
      }
      const c = reporter.colours;
      reporter.line(c.bold('built in'));
      for (const m of builtIn) reporter.line(`  ${m.name.padEnd(20)} ${m.modality.padEnd(6)} ${m.installed ? c.dim(m.use) : c.yellow('missing from this installation (reinstall @jointok/image)')}`);
      reporter.line(c.bold(`cache ${c.dim(cacheDir)}`));
      if (cached.length === 0) reporter.line(c.dim('  (empty: `jointok download <source>` fetches a model)'));
      for (const m of cached) reporter.line(`  ${m.source}  ${c.dim(`${m.modality ?? '?'} · ${m.family ?? '?'} · ${m.files} files · ${formatBytes(m.bytes)}`)}`);
    });
}
