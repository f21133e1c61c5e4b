// The model catalogue, generated from the packages' own data: the families each built package exports,
// the manifests and READMEs of their committed fixtures, and the benchmark results under bench/.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFixtures, packageParityStatement, parityStatement } from './fixtures.mjs';
import { readSpeedRatios } from './bench-readers.mjs';
import { escapeMarkdown, fixturePage } from './fixture-page.mjs';

/** Tokenizer families exported by the built packages: arrays of `TokenizerFamily`, or single ones. */
async function exportedFamilies(root) {
  const families = [];
  const textEncodings = [];
  // Packages that build on fewer jointok packages first, so that a family or encoding is credited to the
  // package that declares it, not to the `jointok` umbrella that re-exports everything.
  const manifests = readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
    .map((m) => ({ ...m, internal: Object.keys(m.json.dependencies ?? {}).filter((d) => d === 'jointok' || d.startsWith('@jointok/')).length }))
    .sort((a, b) => a.internal - b.internal || a.dir.localeCompare(b.dir));
  for (const { dir, json } of manifests) {
    const { name, private: isPrivate } = json;
    if (isPrivate || !existsSync(join(root, 'packages', dir, 'dist'))) continue;
    const module = await import(name);
    const isFamily = (v) => v !== null && typeof v === 'object' && typeof v.family === 'string' && typeof v.modality === 'string' && typeof v.load === 'function';
    for (const [exportName, value] of Object.entries(module)) {
      const found = Array.isArray(value) ? value.filter(isFamily) : isFamily(value) ? [value] : [];
      for (const family of found) if (!families.some((f) => f.family === family.family)) families.push({ family: family.family, modality: family.modality, packageName: family.packageName ?? name, exportName, onnxCommunity: typeof family.configAdapter === 'function' });
    }
    if (Array.isArray(module.ENCODING_NAMES)) for (const encoding of module.ENCODING_NAMES) if (!textEncodings.some((e) => e.encoding === encoding)) textEncodings.push({ encoding, packageName: name });
  }
  return { families, textEncodings, manifests };
}

const cell = (text) => escapeMarkdown(String(text ?? '—')).replace(/\n+/g, ' ');

function codeSpaceText(codeSpace) {
  if (!codeSpace) return '—';
  const streams = codeSpace.streams ?? [];
  const sizes = [...new Set(streams.map((s) => s.codebookSize))].join('/');
  return `${codeSpace.axes.join(' × ')}; ${streams.length} stream${streams.length === 1 ? '' : 's'} of ${sizes} codes${codeSpace.frameRate ? `, ${codeSpace.frameRate} Hz` : ''}`;
}

function sourceText(source) {
  if (!source?.url) return '—';
  return `[${source.url.replace(/^https?:\/\/(www\.)?/, '')}](${source.url})`;
}

/**
 * Writes `siteDir/models/index.md` (the catalogue) and one page per fixture README under
 * `siteDir/models/fixtures/`. Returns the number of families listed.
 */
export async function generateCatalogue(root, siteDir) {
  const { families, textEncodings, manifests } = await exportedFamilies(root);
  const fixtures = findFixtures(root);
  const speeds = readSpeedRatios(root);
  const outDir = join(siteDir, 'models');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'fixtures'), { recursive: true });

  const pages = new Map();
  for (const fixture of fixtures) {
    if (!fixture.readme || pages.has(fixture.readme)) continue;
    const slug = fixture.fixtureDir.replace(/^packages\//, '').replace(/\/src\/families\//, '-').replace(/\/__fixtures__$/, '').replace(/[^a-z0-9-]+/gi, '-');
    pages.set(fixture.readme, slug);
    writeFileSync(join(outDir, 'fixtures', `${slug}.md`), fixturePage(root, fixture));
  }

  const names = new Set([...families.map((f) => f.family), ...fixtures.filter((f) => f.manifest).map((f) => f.manifest.family)]);
  const rows = [...names].sort().map((name) => {
    const family = families.find((f) => f.family === name);
    // onnx-community folders carry no family name; their folder is named after the family (janus-tiny).
    const jointokFolders = fixtures.filter((f) => f.manifest?.family === name);
    const own = jointokFolders.length > 0 ? jointokFolders : fixtures.filter((f) => f.layout === 'onnx-community' && f.folder.split('/').pop().startsWith(`${name}-`));
    const manifest = own[0]?.manifest;
    const readme = own[0]?.readme;
    const parity = readme ? parityStatement(readFileSync(join(root, readme), 'utf8')) : null;
    // No fixture README: what the declaring package's README says about this family.
    const packageDir = family ? manifests.find((m) => m.json.name === family.packageName)?.dir : null;
    const packageReadme = !readme && packageDir && existsSync(join(root, 'packages', packageDir, 'README.md')) ? `packages/${packageDir}/README.md` : null;
    const packageParity = packageReadme ? packageParityStatement(readFileSync(join(root, packageReadme), 'utf8'), name) : null;
    const speed = speeds.get(name) ?? [];
    return { name, family, own, manifest, readme, parity, packageReadme, packageParity, speed };
  });

  const out = [
    '---',
    'title: Model catalogue',
    'outline: [2, 3]',
    '---',
    '',
    '# Model catalogue',
    '',
    'Generated at build time by `apps/docs/scripts/catalogue/` from the packages themselves: the tokenizer families each built package exports, the `jointok.json` of every committed fixture (source, licence, code space), the fixture READMEs (how parity with the reference implementation was proven) and the benchmark results committed under `bench/`. Nothing here is typed by hand: a family without a measurement says so.',
    '',
    '::: info Fixtures are not checkpoints',
    'The fixtures are tiny models with random weights in the published architecture and format, exported by the scripts in `tools/export/`; they prove that jointok computes what the reference code computes. The speed ratios come from full-size models with random weights, run side by side with the reference (PyTorch eager on CPU) in the same benchmark run.',
    ':::',
    '',
    '## Families',
    '',
    '| family | modality | runs in | source | licence | code space | quantizer | fixture |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const m = row.manifest;
    const runsIn = row.family ? `\`${row.family.packageName}\`${row.family.onnxCommunity ? ' (also onnx-community folders)' : ''}` : 'not yet (fixture and export script only)';
    const folders = row.own.map((f) => f.folder.split('/').pop()).join(', ');
    const fixtureLink = row.readme ? `[${folders}](./fixtures/${pages.get(row.readme)})` : row.own.length > 0 ? row.own.map((f) => `\`${f.folder}\``).join(', ') : 'none';
    out.push(`| \`${row.name}\` | ${row.family?.modality ?? m?.modality ?? '—'} | ${runsIn} | ${sourceText(m?.source)} | ${cell(m?.license)} | ${cell(codeSpaceText(m?.codeSpace))} | ${cell(m?.quantizer?.type)} | ${fixtureLink} |`);
  }
  out.push('', '## Parity evidence', '', 'What each fixture README reports about equality with the reference implementation (the whole README is linked).', '');
  for (const row of rows) {
    out.push(`### ${row.name}`, '');
    if (row.parity) out.push(`${escapeMarkdown(row.parity)}`, '', `Source: [fixture README](./fixtures/${pages.get(row.readme)}) · tests: ${row.own[0].tests.map((t) => `\`${t}\``).join(', ') || '—'}`, '');
    else if (row.readme) out.push(`See the [fixture README](./fixtures/${pages.get(row.readme)}).`, '');
    else if (row.packageParity) out.push(`${escapeMarkdown(row.packageParity)}`, '', `Source: \`${row.packageReadme}\` · fixtures: ${row.own.map((f) => `\`${f.folder}\``).join(', ') || 'none'}`, '');
    else out.push('No committed fixture: parity for this family is documented in its package README.', '');
  }
  out.push('## Measured speed', '', 'Speed-up of jointok over the reference implementation (> 1×: jointok faster), from the committed benchmark results.', '', '| family | measurement | from |', '|---|---|---|');
  for (const row of rows) {
    if (row.speed.length === 0) out.push(`| \`${row.name}\` | not measured yet | — |`);
    for (const s of row.speed) out.push(`| \`${row.name}\` | ${cell(s.text)} | \`${s.file}\` |`);
  }
  out.push('', '## Text encodings', '', '| encoding | package | measured speed |', '|---|---|---|');
  for (const { encoding, packageName } of textEncodings) {
    const speed = speeds.get(encoding) ?? [];
    out.push(`| \`${encoding}\` | \`${packageName}\` | ${speed.length ? speed.map((s) => `${cell(s.text)} (\`${s.file}\`)`).join('; ') : 'not measured yet'} |`);
  }
  out.push('', 'Ids equal OpenAI\'s `tiktoken` on the text package\'s multilingual corpus; see [the text guide](/guides/text).', '');
  writeFileSync(join(outDir, 'index.md'), out.join('\n'));
  return { families: rows.length, fixtures: fixtures.length };
}
