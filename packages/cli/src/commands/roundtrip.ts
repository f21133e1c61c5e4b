import { mkdir } from 'node:fs/promises';
import { parse } from 'node:path';
import type { Command } from 'commander';
import type { AudioSignal, RgbImage } from 'jointok';
import { partFromFile } from '../content/read-part.js';
import { inStage } from '../failure/stage.js';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { formatCount, formatDuration } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { cropsOfBlocks, restoreSizes } from '../tokens-file/image-sizes.js';
import { countTokens } from '../tokens-file/tokens-file.js';
import { modelFlags, withModelOptions } from './model-options.js';
import { audioMetrics, imageMetrics, videoMetrics, type Metrics } from './reconstruction-metrics.js';
import { createStageTimer } from './timer.js';
import { writeParts } from './write-parts.js';

/** `jointok roundtrip <file>`: encode + decode one file, write the reconstruction, print its quality. */
export function registerRoundtrip(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  withModelOptions(
    program
      .command('roundtrip')
      .description('encode and decode one file, write the reconstruction, and print PSNR/SSIM (images, video) or SI-SDR/mel distance (audio)')
      .argument('<file>', 'an image, audio, Y4M video or text file (detected by content)')
      .option('--out <dir>', 'folder for the reconstruction', '.')
      .option('--json', 'print the result as JSON on stdout'),
  ).action(async (path: string, options: Record<string, unknown>) => {
    const reporter = reporterFor(options);
    const timer = createStageTimer();
    const sourced = await timer.time('read', () => inStage('input', () => partFromFile(path)));
    const { joint } = await timer.time('load models', () => openJointTokenizer(modelFlags(options)));
    try {
      const { ids, spans, blocks } = await timer.time('encode', () => inStage('input', () => joint.encode([sourced.part])));
      const crop = cropsOfBlocks(blocks)[0];
      const decoded = await timer.time('decode', () => joint.decode(ids));
      // Ids carry only the token grid: crop a padded image back to the input's region, as `decode` does with a tokens file.
      const parts = restoreSizes(decoded.parts, [{ modality: sourced.part.type, ...(crop !== undefined && { crop }) }]);
      const part = parts[0]!;
      const out = String(options.out);
      await inStage('output', () => mkdir(out, { recursive: true }));
      const [written] = await writeParts([part], out, [{ modality: part.type, stem: `${parse(path).name}.roundtrip` }], { numbered: false });
      const media = sourced.part as { image?: Uint8Array; audio?: Uint8Array; video?: Uint8Array };
      const input = media.image ?? media.audio ?? media.video;
      const metrics: Metrics = await timer.time('metrics', async () =>
        part.type === 'image'
          ? imageMetrics(input!, (part as { image: RgbImage }).image, joint.tokenizers.image)
          : part.type === 'audio'
            ? audioMetrics(input!, (part as { audio: AudioSignal }).audio)
            : part.type === 'video'
              ? videoMetrics(input!, (part as { video: RgbImage[] }).video, joint.tokenizers.image)
              : { modality: 'text', exact: (part as { text: string }).text === (sourced.part as { text: string }).text },
      );
      const counts = countTokens(spans, ids.length);
      if (reporter.json) {
        reporter.result({ file: written?.path, counts, metrics, stages: timer.stages });
        return;
      }
      const c = reporter.colours;
      reporter.line(`${path}: ${sourced.kind.modality} (${sourced.kind.format}) → ${formatCount(counts.total)} tokens → ${written?.path ?? ''}`);
      if (metrics.modality === 'image' || metrics.modality === 'video') reporter.line(c.bold(`PSNR ${metrics.psnr.toFixed(2)} dB   SSIM ${metrics.ssim.toFixed(4)}`) + c.dim(`   (at ${metrics.comparedAt})`));
      else if (metrics.modality === 'audio') reporter.line(c.bold(`SI-SDR ${metrics.siSdr.toFixed(2)} dB   mel distance ${metrics.melDistance.toFixed(3)}`) + c.dim(`   (${metrics.comparedAt})`));
      else reporter.line(metrics.exact ? c.green('text identical') : c.red('text differs'));
      reporter.line(c.dim(timer.stages.map((s) => `${s.stage} ${formatDuration(s.ms)}`).join(' · ')));
    } finally {
      await joint.dispose();
    }
  });
}
