import type { Command } from 'commander';
import { loadRepository } from 'jointok';
import { inStage } from '../failure/stage.js';
import { formatBytes } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import type { Reporter } from '../output/reporter.js';

/** `jointok download <source>`: fetch every file of a model into the cache, checked against its sha256. */
export function registerDownload(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  program
    .command('download')
    .description('download a model (hf:owner/name@rev or an http(s) URL) into the cache, verifying every file')
    .argument('<source>', 'the model source')
    .option('--cache-dir <dir>', 'the cache folder (default $JOINTOK_CACHE, else ~/.cache/jointok)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (source: string, options: { cacheDir?: string; json?: boolean }) => {
      const reporter = reporterFor(options);
      const repository = await inStage('models', () => loadRepository(source, options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }));
      const files = repository.manifest.files;
      const progress = createProgress({ total: files.length, label: 'files', stream: reporter.stderr, enabled: !reporter.json });
      let bytes = 0;
      try {
        for (const [i, entry] of files.entries()) {
          bytes += (await inStage('models', () => repository.file(entry.path))).length;
          progress.update(i + 1);
        }
      } finally {
        progress.stop();
      }
      const summary = { source, name: repository.manifest.name, modality: repository.manifest.modality, family: repository.manifest.family, files: files.length, bytes };
      if (reporter.json) reporter.result(summary);
      else reporter.line(`${source}: ${summary.modality} · ${summary.family} · ${files.length} files · ${formatBytes(bytes)} ${reporter.colours.green('verified')}`);
    });
}
