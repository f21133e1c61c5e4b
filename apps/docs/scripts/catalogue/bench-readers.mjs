// Speed ratios per family from the committed benchmark results under bench/ (each reader names its
// file; a family no reader covers is reported as not measured).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const fmt = (ratio) => `${ratio.toFixed(2)}×`;

/** llamagen: bench/image/llamagen-results.json, jointok vs PyTorch eager per stage and thread count. */
function llamagen(root) {
  const file = 'bench/image/llamagen-results.json';
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const row = (stage) => data.rows.find((r) => r.stage === stage && r.threads === 1);
  const parts = ['encode', 'decode', 'roundTrip'].map((s) => row(s)).filter(Boolean).map((r) => `${r.stage} ${fmt(r.speedup)}`);
  return [{ family: 'llamagen', text: `${parts.join(', ')} vs PyTorch eager (VQ-16 at 256², 1 thread; codes differing: ${data.codesDiffer})`, file }];
}

/** cosmos-di, open-magvit2: bench/image/families-results.json rows (model, encodeRatio, decodeRatio). */
function imageFamilies(root) {
  const file = 'bench/image/families-results.json';
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const familyOf = (model) => (model.startsWith('cosmos-di') ? 'cosmos-di' : model.startsWith('open-magvit2') ? 'open-magvit2' : model);
  return data.rows.map((r) => ({
    family: familyOf(r.model),
    text: `${r.model}: encode ${fmt(r.encodeRatio)}, decode ${fmt(r.decodeRatio)} vs PyTorch eager (${r.threads} thread; codes equal ${r.codesEqual})`,
    file,
  }));
}

/** Audio codecs: the tables of bench/audio/codecs.md (no JSON is committed there), rows by model name. */
function audioCodecs(root) {
  const file = 'bench/audio/codecs.md';
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const out = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 10 || !/^(SNAC|DAC|Mimi|EnCodec|WavTokenizer)\b/i.test(cells[1] ?? '')) continue;
    const [, model, threads, , , encode, , , decode, same] = cells;
    const family = model.split(/\s/)[0].toLowerCase();
    out.push({ family, text: `${model}: encode ${encode}, decode ${decode} vs PyTorch eager (${threads} thread${threads === '1' ? '' : 's'}; same codes ${same})`, file });
  }
  return out;
}

/** cosmos-dv: bench/video/results.json, the full-size DV8x16x16 against PyTorch eager per stage. */
function video(root) {
  const file = 'bench/video/results.json';
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const parts = data.rows.map((r) => `${r.stage} ${fmt(r.ratio)}`);
  const threads = [...new Set(data.rows.map((r) => r.threads))].join('/');
  return [{ family: 'cosmos-dv', text: `DV8x16x16, ${data.frames} frames at ${data.size.join(' × ')}: ${parts.join(', ')} vs PyTorch eager (${threads} thread; codes differing: ${data.codesDiffer})`, file }];
}

/** Text encodings: bench/text/results.json ratios of first-pass encoding against the fastest correct peer. */
function text(root) {
  const file = 'bench/text/results.json';
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8'));
  return data.ratios
    .filter((r) => r.label === 'first-pass per doc vs fastest correct peer')
    .map((r) => ({ family: r.encoding, text: `${fmt(r.ratio)} vs ${r.peer} (first pass per document)`, file }));
}

/** Every measured ratio, grouped by family name. */
export function readSpeedRatios(root) {
  const byFamily = new Map();
  for (const reader of [llamagen, imageFamilies, audioCodecs, video, text]) {
    for (const row of reader(root)) {
      if (!byFamily.has(row.family)) byFamily.set(row.family, []);
      byFamily.get(row.family).push(row);
    }
  }
  return byFamily;
}
