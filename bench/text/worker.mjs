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
  await lib.encode('Hello, world! This is the first encode.');
  const coldMs = now() - t0;
  console.log(JSON.stringify({ peer, encoding, mode, coldMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

// Documents with special-token literals are left out: tiktoken-style peers encode them as text,
// tokenizer.json peers as special ids, and the comparison is about the same work.
const documents = JSON.parse(readFileSync(corpusPath, 'utf8')).filter((d) => !d.includes('<|'));
const inputs = mode === 'whole' ? [documents.join('\n')] : documents;
const bytes = inputs.reduce((n, d) => n + Buffer.byteLength(d.toWellFormed()), 0);
const lib = await PEERS[peer](encoding);
// Warm the JIT on synthetic text (seeded pseudo-random words that real text does not contain), so
// that "first pass" measures an instance meeting new text, not V8 compiling the library.
let seed = 12345;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const letters = 'qxzjkvwyfbghpmdcultrsoinea QXZJKVW';
let warm = '';
while (warm.length < 200_000) {
  let word = '';
  for (let n = 3 + Math.floor(random() * 9); n > 0; n--) word += letters[Math.floor(random() * letters.length)];
  warm += word + (random() < 0.1 ? '.\n' : ' ');
}
const warmIds = await lib.encode(warm);
// Sync libraries return ids, the Rust binding a promise; only the latter is awaited.
const pass = async () => {
  const t0 = now();
  const out = [];
  for (const text of inputs) {
    const ids = lib.encode(text);
    out.push(ids instanceof Promise ? await ids : ids);
  }
  return { ms: now() - t0, out };
};
const first = await pass();
const repeated = [];
// Slow peers get fewer repeats: stop after 15 s once one repeat is in.
const budgetStart = now();
for (let i = 0; i < repeats && (i === 0 || now() - budgetStart < 15_000); i++) repeated.push((await pass()).ms);

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
  for (const ids of idLists) {
    const text = lib.decode(peer === 'tiktoken' ? Uint32Array.from(ids) : ids);
    n += (text instanceof Promise ? await text : text).length;
  }
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
