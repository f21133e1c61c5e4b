import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { layoutNames, layoutPresets, loadLayout, loadRepository, type LayoutSpec, type Manifest } from 'jointok';
import { InputNotFoundError } from '../errors/index.js';
import { inStage } from '../failure/stage.js';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { formatCount } from '../output/format.js';
import type { Reporter } from '../output/reporter.js';
import { readTokensFile, TOKENS_FORMAT } from '../tokens-file/tokens-file.js';
import { modelFlags, withModelOptions } from './model-options.js';

function describeLayout(layout: LayoutSpec, reporter: Reporter): void {
  reporter.line(`layout ${reporter.colours.bold(layout.name)}${layout.description ? reporter.colours.dim(` — ${layout.description}`) : ''}`);
  for (const space of layout.spaces) {
    const codes = space.codes as { type: string; codebookSize?: number };
    reporter.line(`  space ${space.name.padEnd(8)} ${space.modality.padEnd(6)} ${codes.type} codes${codes.codebookSize !== undefined ? `, ${formatCount(codes.codebookSize)} per codebook` : ''}, body ${space.body.type}`);
  }
}

function describeManifest(manifest: Manifest, reporter: Reporter): void {
  const c = reporter.colours;
  reporter.line(`model ${c.bold(manifest.name ?? '(unnamed)')} ${c.dim(manifest.description ?? '')}`);
  reporter.line(`  ${manifest.modality} · family ${manifest.family} · licence ${manifest.license ?? '?'}`);
  const space = manifest.codeSpace;
  if (space !== undefined) reporter.line(`  codes: axes [${space.axes.join(', ')}], ${space.streams.map((s) => `${s.name} ${formatCount(s.codebookSize)}`).join(', ')}${space.frameRate ? `, ${space.frameRate} frames/s` : ''}`);
  for (const file of manifest.files) reporter.line(c.dim(`  ${file.path} (${file.role ?? 'file'}, ${formatCount(file.size ?? 0)} bytes)`));
}

/** `jointok inspect <model|layout|tokens.json>`. */
export function registerInspect(program: Command, reporterFor: (options: { json?: boolean }) => Reporter): void {
  withModelOptions(
    program
      .command('inspect')
      .description('describe a model (folder, URL, hf: id), a layout (preset name or file) or a tokens file')
      .argument('<target>', 'what to inspect')
      .option('--json', 'print the result as JSON on stdout'),
  ).action(async (target: string, options: Record<string, unknown>) => {
    const reporter = reporterFor(options);
    if (target === 'jointok-default') {
      // The default layout is sized from the models: build it with them.
      const { joint, references } = await openJointTokenizer({ ...modelFlags(options), layout: target });
      try {
        const layout = joint.vocabulary.layout;
        if (reporter.json) reporter.result({ kind: 'layout', layout, models: references });
        else describeLayout(layout, reporter);
      } finally {
        await joint.dispose();
      }
      return;
    }
    if (layoutNames().includes(target)) {
      const layout = layoutPresets[target]!;
      if (reporter.json) reporter.result({ kind: 'layout', layout });
      else describeLayout(layout, reporter);
      return;
    }
    const isFile = existsSync(target) && statSync(target).isFile();
    if (isFile) {
      const json = await inStage('input', async () => JSON.parse(await readFile(target, 'utf8')) as Record<string, unknown>);
      if (json.format === TOKENS_FORMAT) {
        const file = await inStage('input', () => readTokensFile(target));
        if (reporter.json) reporter.result({ kind: 'tokens', models: file.models, counts: file.counts, spans: file.spans });
        else {
          reporter.line(`tokens ${reporter.colours.bold(formatCount(file.counts.total))} (${Object.entries(file.counts).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${formatCount(v)}`).join(', ')})`);
          reporter.line(`  layout ${typeof file.models.layout === 'string' ? file.models.layout : file.models.layout.spec.name} · text ${file.models.text} · image ${file.models.image ?? '-'} · audio ${file.models.audio ?? '-'}`);
          for (const s of file.spans) reporter.line(reporter.colours.dim(`  [${s.start}, ${s.end}) ${s.modality} ${s.shape.join('×')}`));
        }
        return;
      }
      if (json.format === 'jointok.layout') {
        const layout = await inStage('input', () => loadLayout(json));
        if (reporter.json) reporter.result({ kind: 'layout', layout });
        else describeLayout(layout, reporter);
        return;
      }
    }
    if (!isFile && !existsSync(target) && !/^(hf:|https?:\/\/)/.test(target)) throw new InputNotFoundError({ path: target, role: 'model, layout or tokens file', message: `${target}: no such file or folder, and not a layout name (${layoutNames().join(', ')}) or a hf:/http(s) model source.` });
    const repository = await inStage('models', () => loadRepository(isFile ? target.replace(/[/\\][^/\\]*$/, '') || '.' : target));
    if (reporter.json) reporter.result({ kind: 'model', manifest: repository.manifest, format: repository.format });
    else describeManifest(repository.manifest, reporter);
  });
}
