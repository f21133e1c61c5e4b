import type { Command } from 'commander';
import { inStage } from '../failure/stage.js';
import { flagsFromReferences } from '../models/model-flags.js';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { formatBytes, formatCount, formatDuration } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { readTokensFile } from '../tokens-file/tokens-file.js';
import { createStageTimer } from './timer.js';
import { restoreSizes } from '../tokens-file/image-sizes.js';
import { writeParts } from './write-parts.js';

/** `jointok decode tokens.json --out dir/`: ids back into text, PNG and WAV files. */
export function registerDecode(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  program
    .command('decode')
    .description('decode a tokens file (from `jointok encode --out`) into text, PNG images and WAV audio')
    .argument('<tokens.json>', 'the tokens file')
    .requiredOption('--out <dir>', 'folder for the decoded files (created if missing)')
    .option('--lenient', 'repair malformed id sequences (drop unknown ids, close cut blocks) instead of failing')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (tokensPath: string, options: { out: string; lenient?: boolean; json?: boolean }) => {
      const reporter = reporterFor(options);
      const timer = createStageTimer();
      const file = await timer.time('read', () => inStage('input', () => readTokensFile(tokensPath)));
      const layout = typeof file.models.layout === 'string' ? undefined : file.models.layout;
      const { joint } = await timer.time('load models', () => openJointTokenizer(flagsFromReferences(file.models), layout));
      try {
        const { parts, repairs } = await timer.time('decode', () => inStage('input', () => joint.decode(file.ids, { mode: options.lenient ? 'lenient' : 'strict' })));
        const written = await timer.time('write', () => writeParts(restoreSizes(parts, file.parts), options.out, file.parts));
        if (reporter.json) {
          reporter.result({ files: written, repairs, stages: timer.stages });
          return;
        }
        reporter.line(`decoded ${formatCount(file.ids.length)} ids into ${written.length} files:`);
        for (const w of written) reporter.line(`  ${w.path}  ${reporter.colours.dim(`${w.modality}, ${formatBytes(w.bytes)}`)}`);
        if (repairs.length > 0) reporter.note(reporter.errorColours.yellow(`repaired: ${repairs.map((r) => r.kind).join(', ')}`));
        reporter.line(reporter.colours.dim(timer.stages.map((s) => `${s.stage} ${formatDuration(s.ms)}`).join(' · ')));
      } finally {
        await joint.dispose();
      }
    });
}
