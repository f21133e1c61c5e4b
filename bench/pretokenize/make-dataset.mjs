// Writes a small mixed dataset for pretokenize benches and the Slurm check: text files, PNG/JPEG photo
// crops (the committed scikit-image crops, CC0 / public domain), short WAV clips (synthesised tones and
// slices of the espeak-ng example), and mixed.jsonl listing every document: one-part documents and
// chat-style documents that mix text, an image and a sound.
//   node bench/pretokenize/make-dataset.mjs <out-dir> [--documents N]   (default 120)
// Deterministic: the same arguments write the same bytes.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAudio, writeWav } from 'jointok';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = resolve(process.argv[2] ?? 'dataset');
const count = Number(process.argv[process.argv.indexOf('--documents') + 1] ?? 120) || 120;
const photos = ['astronaut-160x128.png', 'chelsea-151x100.png', 'coffee-120x90.png', 'rocket-64x96.jpg'].map((name) => join(root, 'packages/image/src/__fixtures__/photos', name));
const speech = await decodeAudio(readFileSync(join(root, 'examples/speech.wav')));
const words = 'the a cat dog sees reads photo sound token joint space image audio text model layout shard merge quick brown fox'.split(' ');

/** The photo of document i (i ≡ 1 mod 4): each of the four in turn. */
const photoOf = (i) => photos[Math.floor(i / 4) % photos.length];

let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const sentence = (n) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';

function clip(index) {
  // Alternately a slice of the spoken sentence and a decaying tone: 0.1-0.3 s at 22,050 Hz.
  const frames = Math.floor(2205 * (1 + (index % 3)));
  if (index % 2 === 0) {
    const start = (index * 1543) % (speech.channels[0].length - frames);
    return { sampleRate: speech.sampleRate, channels: [speech.channels[0].slice(start, start + frames)] };
  }
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = 0.5 * Math.exp(-i / 2000) * Math.sin((2 * Math.PI * (220 + 40 * index) * i) / 22050);
  return { sampleRate: 22050, channels: [samples] };
}

mkdirSync(join(out, 'files'), { recursive: true });
const manifest = [];
for (let i = 0; i < count; i++) {
  const name = `doc-${String(i).padStart(5, '0')}`;
  switch (i % 4) {
    case 0:
      writeFileSync(join(out, 'files', `${name}.txt`), Array.from({ length: 3 + (i % 5) }, () => sentence(8 + (i % 7))).join(' ') + '\n');
      manifest.push({ id: name, content: [{ type: 'text', text: readFileSync(join(out, 'files', `${name}.txt`), 'utf8') }] });
      break;
    case 1: {
      const photo = photoOf(i);
      copyFileSync(photo, join(out, 'files', `${name}${photo.slice(photo.lastIndexOf('.'))}`));
      manifest.push({ id: name, content: [{ type: 'image', path: `files/${name}${photo.slice(photo.lastIndexOf('.'))}` }] });
      break;
    }
    case 2:
      writeFileSync(join(out, 'files', `${name}.wav`), writeWav(clip(i), { bitDepth: 16 }));
      manifest.push({ id: name, content: [{ type: 'audio', path: `files/${name}.wav` }] });
      break;
    default:
      manifest.push({ id: name, content: [{ type: 'text', text: sentence(10) }, { type: 'image', path: `files/doc-${String(i - 2).padStart(5, '0')}${photoOf(i - 2).slice(-4)}` }, { type: 'text', text: sentence(6) }, { type: 'audio', path: `files/doc-${String(i - 1).padStart(5, '0')}.wav` }] });
  }
}
writeFileSync(join(out, 'mixed.jsonl'), manifest.map((d) => JSON.stringify(d)).join('\n') + '\n');
console.log(`${out}: ${count} documents (text, image, audio, and chat documents mixing them) in mixed.jsonl; the single files also in files/`);
