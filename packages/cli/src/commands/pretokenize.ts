import { Option, type Command } from 'commander';
import { UsageError } from '../errors/index.js';
import { formatCount, formatDuration } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import type { Reporter } from '../output/reporter.js';
import { defaultWorkers, pretokenize } from '../pretokenize/pretokenize.js';
import { parseShard } from '../pretokenize/shard-range.js';
import { exitCodes } from '../exit-codes.js';
import { modelFlags, withModelOptions } from './model-options.js';

/** `jointok pretokenize <dir|glob|manifest.jsonl> --out shards/`. */
export function registerPretokenize(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  withModelOptions(
    program
      .command('pretokenize')
      .description('pretokenize a dataset into memory-mappable token shards on a worker pool; resumable, shardable across machines')
      .argument('<input>', 'a folder (every file a document), a glob ("data/**/*.png"), or a .jsonl manifest of chat-style documents')
      .requiredOption('--out <dir>', 'output folder: tokens.bin, index.bin, documents.jsonl, manifest.json')
      .option('--workers <n>', `worker threads (0: encode on the main thread; default: cores, at most 8 — here ${defaultWorkers()})`)
      .option('--shard <i/N>', 'handle only shard i of N (contiguous, deterministic); join with `jointok merge`')
      .addOption(new Option('--on-error <what>', 'a document that cannot be encoded: fail the run, or skip it (recorded in documents.jsonl)').choices(['fail', 'skip']).default('fail'))
      .option('--overwrite', 'discard what the output folder holds instead of resuming')
      .option('--checkpoint-seconds <s>', 'seconds between checkpoints', '2')
      .option('--json', 'print the result as JSON on stdout'),
  ).action(async (input: string, options: Record<string, unknown>) => {
    const reporter = reporterFor(options);
    const workers = options.workers === undefined ? defaultWorkers() : Number(options.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new UsageError({ message: `--workers ${String(options.workers)}: expected a whole number ≥ 0.` });
    const checkpointSeconds = Number(options.checkpointSeconds);
    if (!(checkpointSeconds >= 0)) throw new UsageError({ message: `--checkpoint-seconds ${String(options.checkpointSeconds)}: expected a number ≥ 0.` });
    const shard = parseShard(typeof options.shard === 'string' ? options.shard : undefined);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let progress = createProgress({ total: 0, label: 'documents', stream: reporter.stderr, enabled: false });
    const started = performance.now();
    try {
      const result = await pretokenize({
        input,
        out: String(options.out),
        flags: modelFlags(options),
        shard,
        workers,
        onError: options.onError === 'skip' ? 'skip' : 'fail',
        overwrite: options.overwrite === true,
        checkpointSeconds,
        signal: controller.signal,
        onStart({ total, resumedAt }) {
          if (resumedAt > 0) reporter.note(`resuming after ${formatCount(resumedAt)} of ${formatCount(total)} documents`);
          progress = createProgress({ total, label: 'documents', stream: reporter.stderr, enabled: !reporter.json, start: resumedAt });
        },
        onProgress(written) {
          progress.update(written.documents, { tokens: written.tokens });
        },
      });
      progress.stop();
      const seconds = (performance.now() - started) / 1000;
      const manifest = result.manifest;
      if (reporter.json) reporter.result({ out: options.out, shard: `${shard.index}/${shard.count}`, workers, encoded: result.encoded, resumedAt: result.resumedAt, alreadyComplete: result.alreadyComplete, interrupted: result.interrupted, seconds, cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6, timing: result.timing, counts: manifest?.counts });
      else if (result.interrupted) reporter.note(`interrupted after ${formatCount(result.resumedAt + result.encoded)} documents; run the same command again to resume`);
      else if (manifest !== undefined) {
        const c = reporter.colours;
        if (result.alreadyComplete) reporter.line(c.dim(`${String(options.out)} is already complete`));
        reporter.line(`${c.bold(formatCount(manifest.counts.documents))} documents, ${c.bold(formatCount(manifest.counts.tokens))} tokens (${Object.entries(manifest.counts.byModality).map(([m, n]) => `${m} ${formatCount(n)}`).join(', ')})${manifest.counts.skipped > 0 ? c.yellow(`, ${manifest.counts.skipped} skipped`) : ''}`);
        reporter.line(c.dim(`${formatCount(result.encoded)} encoded in ${formatDuration(seconds * 1000)} on ${workers} worker${workers === 1 ? '' : 's'} · ${(result.encoded / seconds).toFixed(1)} documents/s → ${String(options.out)}`));
      }
      if (result.interrupted) process.exitCode = exitCodes.interrupted;
    } finally {
      progress.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
