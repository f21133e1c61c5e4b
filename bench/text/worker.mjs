// Measures one library on one encoding in a fresh process, so "first pass" really is the first
// time this instance sees the text. Prints one JSON line.
//   node worker.mjs <peer> <encoding> <cold|doc|whole> <corpus.json> <repeats>
import { readFileSync } from 'node:fs';
import { PEERS } from './peers.mjs';

const [peer, encoding, mode, corpusPath, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText ?? 5);
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (mode === 'cold') {
  const t0 = now();
  const lib = await PEERS[peer](encoding);
  lib.encode('Hello, world! This is the first encode.');
  const coldMs = now() - t0;
  console.log(JSON.stringify({ peer, encoding, mode, coldMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const documents = JSON.parse(readFileSync(corpusPath, 'utf8'));
const inputs = mode === 'whole' ? [documents.join('\n')] : documents;
const bytes = inputs.reduce((n, d) => n + Buffer.byteLength(d.toWellFormed()), 0);
const lib = await PEERS[peer](encoding);
lib.encode('warm up the import, not the text');

const pass = () => {
  const t0 = now();
  const out = [];
  for (const text of inputs) out.push(lib.encode(text));
  return { ms: now() - t0, out };
};
const first = pass();
const repeated = [];
// Slow peers get fewer repeats: stop after 15 s once one repeat is in.
const budgetStart = now();
for (let i = 0; i < repeats && (i === 0 || now() - budgetStart < 15_000); i++) repeated.push(pass().ms);

// Checksum of all ids, to compare with tiktoken's in the parent.
let hash = 0x811c9dc5;
let tokens = 0;
const idLists = first.out.map((ids) => Array.from(ids));
for (const ids of idLists) {
  tokens += ids.length;
  for (const id of ids) hash = Math.imul(hash ^ id, 0x01000193) >>> 0;
}
const decodeMs = [];
let decodedBytes = 0;
const decodeStart = now();
for (let i = 0; i < repeats && (i === 0 || now() - decodeStart < 15_000); i++) {
  const t0 = now();
  let n = 0;
  for (const ids of idLists) n += lib.decode(mode === 'whole' || peer !== 'tiktoken' ? ids : Uint32Array.from(ids)).length;
  decodeMs.push(now() - t0);
  decodedBytes = n;
}
console.log(
  JSON.stringify({
    peer,
    encoding,
    mode,
    bytes,
    tokens,
    hash,
    firstMBs: bytes / 1e6 / (first.ms / 1000),
    repeatedMBs: bytes / 1e6 / (median(repeated) / 1000),
    decodeMBs: bytes / 1e6 / (median(decodeMs) / 1000),
    decodedChars: decodedBytes,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
