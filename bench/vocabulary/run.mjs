// Throughput of the joint vocabulary's serialize and parse, in ids per second (median of several
// runs), on the published layouts. Build first: `cd packages/core && npx tsup`.
// Usage: node bench/vocabulary/run.mjs [--runs 9] [--ids 4000000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import {
  createJointVocabulary,
  chameleonLayout,
  emu3Layout,
  lavitLayout,
  orpheusLayout,
  musicgenDelayLayout,
  janusLayout,
} from '../../packages/core/dist/index.node.js';

// Usage also: --out <file> writes the results elsewhere than bench/results/vocabulary.json.
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('runs', 9);
const targetIds = option('ids', 4_000_000);

// Vocabulary artifacts shaped like the released ones (token strings → ids).
const letters = (code) => [...String(code)].map((d) => String.fromCharCode(65 + Number(d))).join('');
const chameleonTokens = new Map([['<eoss>', 8196], ['<racm3:break>', 8197]]);
for (let c = 0; c < 8192; c++) chameleonTokens.set(`IMGIMG${letters(c)}Z`, 4 + ((c * 7919) % 8192));
const emu3Tokens = new Map([
  ...Array.from({ length: 10 }, (_, d) => [String(d), 15 + d]),
  ['*', 9],
  ['<|image start|>', 151852],
  ['<|image end|>', 151853],
  ['<|image token|>', 151851],
  ['<|extra_200|>', 151846],
  ['<|extra_201|>', 151847],
  ['<|visual token 000000|>', 151854],
]);
const lavitTokens = new Map([['[IMG]', 32000], ['[/IMG]', 32001]]);
const janusTokens = new Map([['<begin_of_image>', 100016], ['<end_of_image>', 100593]]);
const orpheusTokens = new Map(Array.from({ length: 11 }, (_, n) => [`<custom_token_${n}>`, 128256 + n]));

let seed = 12345;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed % n;
};
const codes = (length, size) => Int32Array.from({ length }, () => random(size));
const text = (length, size) => ({ modality: 'text', codes: codes(length, size), shape: [length], meta: {} });

/** Blocks alternating short text and one modality block, until about targetIds ids. */
function document(makeBlock, textSize, idsPerBlock) {
  const blocks = [];
  for (let total = 0; total < targetIds; total += idsPerBlock + 16) {
    blocks.push(text(16, textSize));
    blocks.push(makeBlock());
  }
  return blocks;
}

const cases = [
  {
    name: 'chameleon (table ids, 32×32)',
    vocabulary: createJointVocabulary(chameleonLayout, { tokens: chameleonTokens }),
    blocks: () => document(() => ({ modality: 'image', codes: codes(1024, 8192), shape: [32, 32], meta: {} }), 4, 1026),
  },
  {
    name: 'emu3 (H*W prefix, row ends, 64×64)',
    vocabulary: createJointVocabulary(emu3Layout, { tokens: emu3Tokens }),
    blocks: () => document(() => ({ modality: 'image', codes: codes(4096, 32768), shape: [64, 64], meta: {} }), 9, 4096 + 64 + 9),
  },
  {
    name: 'lavit (variable length, offset)',
    vocabulary: createJointVocabulary(lavitLayout, { tokens: lavitTokens }),
    blocks: () => document(() => ({ modality: 'image', codes: codes(256, 16384), shape: [256], meta: {} }), 32000, 258),
  },
  {
    name: 'orpheus (7-token SNAC frames)',
    vocabulary: createJointVocabulary(orpheusLayout, { tokens: orpheusTokens }),
    blocks: () => document(() => ({ modality: 'audio', codes: codes(7 * 512, 4096), shape: [7 * 512], meta: {} }), 128000, 7 * 512 + 2),
  },
  {
    // A separate generation head: ids travel with a parallel heads array.
    name: 'janus (head space, 24×24, heads)',
    vocabulary: createJointVocabulary(janusLayout, { tokens: janusTokens }),
    blocks: () => document(() => ({ modality: 'image', codes: codes(576, 16384), shape: [24, 24], meta: {} }), 100000, 578),
    withHeads: true,
  },
  {
    name: 'janus (heads inferred from the state)',
    vocabulary: createJointVocabulary(janusLayout, { tokens: janusTokens }),
    blocks: () => document(() => ({ modality: 'image', codes: codes(576, 16384), shape: [24, 24], meta: {} }), 100000, 578),
  },
  {
    name: 'musicgen delay (4 lanes, one block)',
    vocabulary: createJointVocabulary(musicgenDelayLayout),
    blocks: () => [{ modality: 'audio', codes: codes(targetIds, 2048), shape: [4, targetIds / 4], meta: {} }],
  },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function measure(fn) {
  fn(); // warm-up (JIT)
  fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

const results = [];
for (const { name, vocabulary, blocks: make, withHeads } of cases) {
  const blocks = make();
  const { ids, heads } = vocabulary.serialize(blocks);
  const options = withHeads ? { heads } : {};
  const parsed = vocabulary.parse(ids, options);
  if (parsed.blocks.length !== blocks.length) throw new Error(`${name}: parse returned ${parsed.blocks.length} blocks, expected ${blocks.length}`);
  const serializeSeconds = measure(() => vocabulary.serialize(blocks));
  const parseSeconds = measure(() => vocabulary.parse(ids, options));
  results.push({
    layout: name,
    ids: ids.length,
    serializeIdsPerSecond: Math.round(ids.length / serializeSeconds),
    parseIdsPerSecond: Math.round(ids.length / parseSeconds),
  });
}

const millions = (n) => (n / 1e6).toFixed(1).padStart(8);
console.log(`joint vocabulary throughput, median of ${runs} runs (Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'})`);
console.log(`${'layout'.padEnd(38)}${'ids'.padStart(10)}${'serialize M ids/s'.padStart(20)}${'parse M ids/s'.padStart(16)}`);
for (const r of results) console.log(`${r.layout.padEnd(38)}${String(r.ids).padStart(10)}${millions(r.serializeIdsPerSecond).padStart(20)}${millions(r.parseIdsPerSecond).padStart(16)}`);

const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'vocabulary.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, runs, results }, null, 2)}\n`);
console.log(`wrote ${out}`);
