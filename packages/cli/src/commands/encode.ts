import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { partsFromDocument, documentBaseDir } from '../content/read-document.js';
import { cropsOfBlocks } from '../tokens-file/image-sizes.js';
import { partFromArgument, type SourcedPart } from '../content/read-part.js';
import { InputNotFoundError, UsageError } from '../errors/index.js';
import { inStage } from '../failure/stage.js';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { formatCount, formatDuration } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { countTokens, TOKENS_FORMAT, type TokensFile } from '../tokens-file/tokens-file.js';
import { modelFlags, withModelOptions } from './model-options.js';
import { createStageTimer } from './timer.js';

async function readInputDocument(path: string): Promise<SourcedPart[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') throw new InputNotFoundError({ path, role: 'document', cause });
    throw cause;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UsageError({ message: `--input ${path} is not JSON.`, hint: 'Give a chat-style document: { "content": [{ "type": "text", "text": "..." }, { "type": "image", "path": "photo.png" }] }', cause });
  }
  return partsFromDocument(json, { baseDir: documentBaseDir(path), where: path });
}

/** `jointok encode <part...>`: text and media into one joint id sequence. */
export function registerEncode(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  withModelOptions(
    program
      .command('encode')
      .description('encode text strings and files (image, audio; detected by content) into one joint id sequence')
      .argument('[parts...]', 'text strings or files, in order (text:<string> forces text)')
      .option('--input <doc.json>', 'a chat-style document ({ "content": [...] } or { "messages": [...] })')
      .option('--out <tokens.json>', 'write ids, spans, counts and the model references needed to decode')
      .option('--json', 'print the result as JSON on stdout'),
  ).action(async (parts: string[], options: Record<string, unknown>) => {
    const reporter = reporterFor(options);
    const timer = createStageTimer();
    const input = typeof options.input === 'string' ? options.input : undefined;
    if (parts.length === 0 && input === undefined) throw new UsageError({ message: 'Nothing to encode.', hint: 'Give parts (`jointok encode "A cat:" cat.png`) or --input doc.json.' });
    const sourced = await timer.time('read inputs', () =>
      inStage('input', async () => [...(input === undefined ? [] : await readInputDocument(input)), ...(await Promise.all(parts.map(partFromArgument)))]),
    );
    const { joint, references } = await timer.time('load models', () => openJointTokenizer(modelFlags(options)));
    try {
      const { ids, spans, blocks } = await timer.time('encode', () => inStage('input', () => joint.encode(sourced.map((s) => s.part))));
      const crops = cropsOfBlocks(blocks);
      const counts = countTokens(spans, ids.length);
      const file: TokensFile = {
        format: TOKENS_FORMAT,
        version: 1,
        models: references,
        counts,
        parts: sourced.map((s) => {
          const crop = s.part.type === 'image' || s.part.type === 'video' ? crops.shift() : undefined;
          return { modality: s.part.type, ...(s.name !== undefined && { name: s.name }), ...(crop !== undefined && { crop }) };
        }),
        spans: spans.map((s) => ({ modality: s.modality, start: s.start, end: s.end, shape: [...s.shape] })),
        ids: [...ids],
      };
      const out = typeof options.out === 'string' ? options.out : undefined;
      if (out !== undefined) await timer.time('write', () => inStage('output', async () => (await mkdir(dirname(out), { recursive: true }), await writeFile(out, `${JSON.stringify(file)}\n`))));
      if (reporter.json) {
        reporter.result({ counts, spans: file.spans, models: references, stages: timer.stages, ...(out !== undefined ? { out } : { ids: file.ids }) });
        return;
      }
      const c = reporter.colours;
      for (const [modality, n] of Object.entries(counts)) if (modality !== 'total') reporter.line(`${modality.padEnd(6)} ${formatCount(n).padStart(10)} tokens`);
      reporter.line(c.bold(`total  ${formatCount(counts.total).padStart(10)} tokens`));
      reporter.line(c.dim(timer.stages.map((s) => `${s.stage} ${formatDuration(s.ms)}`).join(' · ')));
      reporter.line(out !== undefined ? `wrote ${out}` : c.dim('(use --out tokens.json to save the ids, or --json to print them)'));
    } finally {
      await joint.dispose();
    }
  });
}
