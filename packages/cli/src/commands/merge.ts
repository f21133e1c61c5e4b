import type { Command } from 'commander';
import { inStage } from '../failure/stage.js';
import { formatCount } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { mergeShards } from '../pretokenize/merge-shards.js';

/** `jointok merge <shard-dir...> --out dir`. */
export function registerMerge(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  program
    .command('merge')
    .description('join the outputs of `pretokenize --shard i/N` (all N of them) into one, equal to a single-process run')
    .argument('<shards...>', 'the shard output folders, in any order')
    .requiredOption('--out <dir>', 'the merged output folder')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (dirs: string[], options: { out: string; json?: boolean }) => {
      const reporter = reporterFor(options);
      const manifest = await inStage('input', () => mergeShards(dirs, options.out));
      if (reporter.json) reporter.result({ out: options.out, counts: manifest.counts, files: manifest.files });
      else reporter.line(`merged ${dirs.length} shards: ${formatCount(manifest.counts.documents)} documents, ${formatCount(manifest.counts.tokens)} tokens → ${options.out}`);
    });
}
