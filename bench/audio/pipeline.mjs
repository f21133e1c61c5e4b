// Codec tokenizer speed: jointok's AudioTokenizer (loadAudioTokenizer on the exported folder, encode from the
// WAV file, decode to samples; onnxruntime-node graphs, @jointok/core's quantizer) side by side with PyTorch
// eager on the same full-size random-weight models (SNAC 24 kHz, DAC 44 kHz) and the same 10 s WAV, at the
// same intra-op thread counts, runs interleaved. Also Orpheus-style streaming on SNAC: the compute latency of
// one 4-frame window (what a streamer spends per generated frame, and the time to first audio once 4 frames
// exist), and how far windowed audio is from whole-signal decoding.
//
//   npm run bench:audio:pipeline -- [--runs 5] [--threads 1,2] [--models snac-24khz,dac-44khz] [--work DIR]
//
// The first run builds the models under --work (default: the system temp folder; ~750 MB, a few minutes) with
// bench/audio/pipeline_torch.py build. Writes bench/results/audio-pipeline.json. Not part of the test suite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadAudioTokenizer, streamCodes, tokenBlockFromStreams } from '@jointok/audio';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const threadCounts = option('threads', '1,2').split(',').map(Number);
const work = option('work', join(tmpdir(), 'jointok-bench-pipeline'));
const python = option('python', '/usr/bin/python3');
const models = option('models', 'snac-24khz,dac-44khz').split(',');

const built = spawnSync(python, [join(here, 'pipeline_torch.py'), 'build', '--work', work], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('pipeline_torch.py build failed');

const torchSide = spawn(python, [join(here, 'pipeline_torch.py'), 'serve', '--work', work], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: torchSide.stdout })[Symbol.asyncIterator]();
async function torch(model, step, threads, extra = {}) {
  torchSide.stdin.write(`${JSON.stringify({ model, step, threads, ...extra })}\n`);
  const { value, done } = await answers.next();
  if (done) throw new Error('pipeline_torch.py serve stopped');
  return JSON.parse(value);
}
const timed = async (step) => {
  const start = performance.now();
  const result = await step();
  return { seconds: (performance.now() - start) / 1000, result };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const maxDifference = (a, b) => {
  let m = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const join32 = (parts) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.channels[0].length, 0));
  let o = 0;
  for (const p of parts) (out.set(p.channels[0], o), (o += p.channels[0].length));
  return out;
};

const rows = [];
const notes = {};
for (const name of models) {
  const folder = join(work, name);
  const wav = join(folder, 'input.wav');
  for (const threads of threadCounts) {
    const tokenizer = await loadAudioTokenizer(join(folder, 'jointok'), { session: { threads } });
    const isSnac = tokenizer.family === 'snac';
    const steps = ['encode', 'decode', ...(isSnac ? ['window'] : [])];
    const times = Object.fromEntries(steps.map((s) => [s, { torch: [], jointok: [] }]));
    let block;
    const window = () => tokenBlockFromStreams(streamCodes(block, tokenizer).map((s, i) => s.slice(0, 16 / [4, 2, 1][i])), tokenizer);
    const jointokStep = {
      encode: async () => (block = await tokenizer.encode(wav)),
      decode: () => tokenizer.decode(block),
      window: async () => (await tokenizer.decode(window())).channels[0].subarray(2048, 4096),
    };
    // Warm-up of both sides, then alternate.
    const torchCodes = (await torch(name, 'encode', threads, { codes: true })).codes;
    for (const step of steps) {
      await jointokStep[step]();
      if (step !== 'encode') await torch(name, step, threads);
    }
    for (let run = 0; run < runs; run++) {
      for (const step of steps) {
        times[step].torch.push((await torch(name, step, threads)).seconds);
        times[step].jointok.push((await timed(jointokStep[step])).seconds);
      }
    }
    const ours = streamCodes(block, tokenizer);
    let same = 0;
    let total = 0;
    torchCodes.forEach((row, i) => row.forEach((code, t) => ((same += ours[i][t] === code ? 1 : 0), (total += 1))));
    const seconds = tokenizer.manifest.preprocessing.sampleRate ? block.meta.samples / tokenizer.sampleRate : 10;
    const row = { model: name, threads, audioSeconds: seconds, codesEqual: `${same}/${total}` };
    for (const step of steps) {
      const t = median(times[step].torch);
      const j = median(times[step].jointok);
      row[step] = { torchSeconds: t, jointokSeconds: j, speedRatio: t / j, ...(step === 'window' ? {} : { rtfTorch: t / seconds, rtfJointok: j / seconds }), runs: times[step] };
    }
    if (isSnac && threads === threadCounts[0]) {
      // Orpheus-style streaming: frames (7 codes, 4 base frames) arriving one by one.
      const whole = (await tokenizer.decode({ ...block, meta: {} })).channels[0];
      const frames = [];
      const streams = streamCodes(block, tokenizer);
      for (let f = 0; f < streams[0].length; f++) frames.push(tokenBlockFromStreams(streams.map((s, i) => s.slice((f * 4) / [4, 2, 1][i], ((f + 1) * 4) / [4, 2, 1][i])), tokenizer));
      const firstAudio = async (mode) => {
        let fed = 0;
        let fedAt = 0;
        async function* arriving() {
          for (const frame of frames) {
            fed++;
            fedAt = performance.now();
            yield frame;
          }
        }
        const parts = [];
        let first;
        for await (const part of tokenizer.streamDecode(arriving(), { mode })) {
          if (first === undefined) first = { frames: fed, computeSeconds: (performance.now() - fedAt) / 1000 };
          parts.push(part);
        }
        return { ...first, maxDifference: maxDifference(join32(parts), whole), peak: whole.reduce((m, v) => Math.max(m, Math.abs(v)), 0) };
      };
      notes.orpheusStreaming = { windowed: await firstAudio('windowed'), exact: await firstAudio('exact') };
    }
    rows.push(row);
    await tokenizer.dispose();
    console.error(`measured ${name} at ${threads} thread(s)`);
  }
}
torchSide.stdin.end();

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`;
console.log(`median seconds of ${runs} interleaved runs; speed ratio = torch / jointok (> 1: jointok faster); ${machine}`);
console.log('| model | threads | step | PyTorch s | jointok s | RTF torch | RTF jointok | speed ratio |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  for (const step of ['encode', 'decode', 'window']) {
    const s = r[step];
    if (s === undefined) continue;
    const rtf = (v) => (v === undefined ? '—' : v.toFixed(3));
    console.log(`| ${r.model} | ${r.threads} | ${step === 'window' ? 'Orpheus window (28 codes)' : step} | ${s.torchSeconds.toFixed(3)} | ${s.jointokSeconds.toFixed(3)} | ${rtf(s.rtfTorch)} | ${rtf(s.rtfJointok)} | ${s.speedRatio.toFixed(2)} |`);
  }
}
for (const r of rows) console.log(`${r.model} (${r.threads} thread(s)): jointok codes equal PyTorch's at ${r.codesEqual} positions`);
if (notes.orpheusStreaming) console.log(`SNAC streaming, frames arriving one by one: ${JSON.stringify(notes.orpheusStreaming)}`);
mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(join(here, '..', 'results', 'audio-pipeline.json'), JSON.stringify({ date: new Date().toISOString(), machine, runs, rows, notes }, null, 2));
