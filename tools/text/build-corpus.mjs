#!/usr/bin/env node
// Assembles the multilingual parity corpus of @jointok/text from text found on this machine:
// gettext message catalogs (/usr/share/locale, many scripts), man pages (/usr/share/man, several
// languages, roff markup), C headers and Python sources, plus hand-written edge cases (emoji
// sequences, NUL and control bytes, mixed-case contractions, lone surrogates, special-token
// literals, Unicode whitespace, long runs). Selection is deterministic (sorted paths, fixed quotas).
//
//   node tools/text/build-corpus.mjs [out.json] [--scale N]
//
// Writes a JSON array of documents (JSON keeps lone surrogates, which UTF-8 files cannot).
// The default output is the committed sample; --scale 20 makes a ~20x larger corpus to point
// JOINTOK_TEXT_CORPUS at.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
const out = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scale') ?? join(root, 'packages/text/src/__fixtures__/corpus-sample.json');

const LANGUAGES = ['ar', 'he', 'fa', 'ur', 'ja', 'ko', 'zh_CN', 'zh_TW', 'ru', 'uk', 'el', 'hi', 'bn', 'ta', 'ml', 'th', 'ka', 'hy', 'am', 'km', 'my', 'si', 'vi', 'tr', 'de', 'fr', 'pl', 'es', 'cs'];
const PER_LANGUAGE = 7000 * scale;
const MAN_LANGUAGES = ['', 'de', 'fr', 'ja', 'ko', 'ru', 'zh_CN', 'pl', 'uk'];
const PER_MAN = 6000 * scale;
const PER_SOURCE = 4000 * scale;

/** Translated strings of a GNU .mo catalog (little- or big-endian). */
function moStrings(file) {
  const b = readFileSync(file);
  if (b.length < 28) return [];
  const magic = b.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && b.readUInt32BE(0) !== 0x950412de) return [];
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8);
  const table = u32(16);
  const strings = [];
  for (let i = 1; i < n; i++) {
    const len = u32(table + 8 * i);
    const off = u32(table + 8 * i + 4);
    if (off + len > b.length) break;
    for (const s of b.subarray(off, off + len).toString('utf8').split('\0')) if (s.trim() !== '') strings.push(s);
  }
  return strings;
}

function list(dir, filter) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(filter).sort().map((f) => join(dir, f));
}

/** Takes whole items in order until `quota` characters. */
function take(items, quota) {
  let text = '';
  for (const item of items) {
    if (text.length >= quota) break;
    text += item;
  }
  return text;
}

const documents = [];
for (const lang of LANGUAGES) {
  const files = list(`/usr/share/locale/${lang}/LC_MESSAGES`, (f) => f.endsWith('.mo'));
  // Round-robin over catalogs so that one huge catalog does not fill the quota alone.
  const perFile = files.map((f) => moStrings(f));
  const merged = [];
  for (let i = 0; merged.length < 4000 * scale && perFile.some((s) => i < s.length); i++) for (const s of perFile) if (i < s.length) merged.push(`${s[i]}\n`);
  const text = take(merged, PER_LANGUAGE);
  if (text) documents.push(text);
}
for (const lang of MAN_LANGUAGES) {
  const pages = list(join('/usr/share/man', lang, 'man1'), (f) => f.endsWith('.gz')).slice(0, 40 * scale);
  const texts = [];
  for (const page of pages) {
    try {
      texts.push(gunzipSync(readFileSync(page)).toString('utf8').slice(0, 2500));
    } catch {
      // A page that is not gzip (a symlink target elsewhere) is skipped.
    }
  }
  const text = take(texts, PER_MAN);
  if (text) documents.push(text);
}
const sources = [
  ...list('/usr/include', (f) => f.endsWith('.h')).slice(0, 30 * scale),
  ...list('/usr/lib/python3.11', (f) => f.endsWith('.py')).slice(0, 30 * scale),
].filter((f) => statSync(f).isFile());
for (let i = 0; i < sources.length; i += 10) {
  documents.push(take(sources.slice(i, i + 10).map((f) => readFileSync(f, 'utf8').slice(0, 1500)), PER_SOURCE));
}

// Hand-written edge cases: what tokenizers get wrong.
const edge = [
  "they'rEx THEY'RE they'Re I'M i'm WE'LL we'Ll you'VE it'S it'ſ don'T she'D'd can't'", // ſ folds to s under (?i)
  'NUL\u0000byte\u0000\u0000 and controls \u0001\u0002\u001b[0m\u007f \t\v\f\r\n',
  'emoji 🎉👍🏽👩‍👩‍👧‍👦 🇯🇵🇺🇸 🏳️‍🌈 ❤️‍🔥 1️⃣ 🫠🫨 ☺︎☺️',
  'lone surrogates \ud800 x\udc00y \ud83d end\udfff and a pair \ud83d\ude00',
  'specials <|endoftext|> mid<|fim_prefix|>x<|fim_middle|>y<|fim_suffix|> <|endofprompt|> <|im_start|> <|endoftext',
  'unicode spaces:\u0085NEL\u00a0NBSP\u1680\u2000\u2003\u200a|\u2028LS\u2029PS\u202f\u205f\u3000ideo\ufeffBOM\u200bZWSP',
  'combining e\u0301 a\u0300\u0323 Z\u0351\u0352\u0353 क्षि ที่ 한국어 각 مَرْحَبًا שָׁלוֹם',
  'math 𝐀𝐁𝐂 𝕏 ℝⁿ ∑∫√ ½ ⅞ Ⅻ ① ٣٤٥ ۱۲۳ १२३ ๑๒๓ 一二三 0x1F 1e-9 3.14159 1,234,567.89',
  'numbers 1234567890123 12 345 6789 00000000 ٠١٢٣٤٥٦٧٨٩',
  'paths /usr/local/bin//x https://example.com/a/b?c=d&e=f#g C:\\Windows\\System32 ../../x.ts',
  ' '.repeat(300) + 'x' + '\n'.repeat(50) + ' \n \n\t\t\n' + '\r\n'.repeat(20),
  '!!!???...,,,;;;:::' + '-'.repeat(200) + '='.repeat(64) + '#'.repeat(33) + '*'.repeat(77),
  'a'.repeat(3000),
  'ab'.repeat(1500),
  '日本'.repeat(700),
  '1'.repeat(1000),
  ' '.repeat(2000) + '\n',
  'MixedCASEwordsAndCamelCaseIdentifiersLikeXMLHttpRequest getHTTPResponseCode ÉCOLE École ǅungla ǈ ǋ',
  'Ⅷ ⅸ ꙮ 𓀀𓁐 𐍈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ꧁꧂ ᚠᚢᚦ ⴰⵣⵓⵍ ᏣᎳᎩ 𑀅𑀁',
];
for (let i = 0; i < scale; i++) documents.push(...edge);

writeFileSync(out, `${JSON.stringify(documents, null, 0)}\n`);
const chars = documents.reduce((n, d) => n + d.length, 0);
console.log(`${documents.length} documents, ${chars} UTF-16 units, ${Buffer.byteLength(JSON.stringify(documents))} bytes of JSON -> ${out}`);
