// Measures one library on one encoding in a fresh process. Prints one JSON line.
//   node worker.mjs <peer> <encoding> <cold|doc|whole> <corpus.json> <repeats>
//
// Protocol: a warm-up instance encodes synthetic text and the odd-numbered documents (so V8 has
// compiled the library, as in any long-running process); then a *fresh* instance encodes the
// even-numbered documents, which it has never seen: "first pass". Further passes over the same
// text are "repeated". Documents with special-token literals are left out (tiktoken-style peers
// encode them as text, tokenizer.json peers as special ids).
import { readFileSync } from 'node:fs';
import { PEERS } from './peers.mjs';

const [peer, encoding, mode, corpusPath, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText ?? 5);
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const settle = async (value) => (value instanceof Promise ? await value : value);

if (mode === 'cold') {
  const t0 = now();
  const create = await PEERS[peer](encoding);
  await settle(create().encode('Hello, world! This is the first encode.'));
  const coldMs = now() - t0;
  console.log(JSON.stringify({ peer, encoding, mode, coldMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const all = JSON.parse(readFileSync(corpusPath, 'utf8')).filter((d) => !d.includes('<|'));
const warmDocs = all.filter((_, i) => i % 2 === 1);
const measured = all.filter((_, i) => i % 2 === 0);
const inputs = mode === 'whole' ? [measured.join('\n')] : measured;
const bytes = inputs.reduce((n, d) => n + Buffer.byteLength(d.toWellFormed()), 0);
const create = await PEERS[peer](encoding);

let seed = 12345;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const letters = 'qxzjkvwyfbghpmdcultrsoinea QXZJKVW';
let synthetic = '';
while (synthetic.length < 200_000) {
  let word = '';
  for (let n = 3 + Math.floor(random() * 9); n > 0; n--) word += letters[Math.floor(random() * letters.length)];
  synthetic += word + (random() < 0.1 ? '.\n' : ' ');
}
const warm = create();
await settle(warm.encode(synthetic));
for (const d of warmDocs) await settle(warm.encode(d));

const lib = create();
const pass = async () => {
  const t0 = now();
  const out = [];
  for (const text of inputs) out.push(await settle(lib.encode(text)));
  return { ms: now() - t0, out };
};
const first = await pass();
const repeated = [];
const budgetStart = now();
for (let i = 0; i < repeats && (i === 0 || now() - budgetStart < 15_000); i++) repeated.push((await pass()).ms);

let hash = 0x811c9dc5;
let tokens = 0;
const idLists = first.out.map((ids) => Array.from(ids));
for (const ids of idLists) {
  tokens += ids.length;
  for (const id of ids) hash = Math.imul(hash ^ id, 0x01000193) >>> 0;
}
const decodeMs = [];
const decodeStart = now();
for (let i = 0; i < repeats && (i === 0 || now() - decodeStart < 15_000); i++) {
  const t0 = now();
  for (const ids of idLists) await settle(lib.decode(ids));
  decodeMs.push(now() - t0);
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
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
