// Browser-bundle check of @jointok/audio (see CONTRIBUTING.md, "Browser bundle checks"): runs in Node and in
// the Vite and esbuild bundles of the integration tests, which compare the results. Model-free: WAV writing
// and decoding, torchaudio-exact resampling, mixing, and the built-in μ-law tokenizer through loadAudioTokenizer.
import { createMuLawTokenizer, decodeAudio, loadAudioTokenizer, mixToMono, resample, writeWav, type AudioSignal } from '@jointok/audio';

/** Half a second of a deterministic stereo chirp at 22.05 kHz. */
function chirp(): AudioSignal {
  const sampleRate = 22050;
  const length = sampleRate / 2;
  const left = new Float32Array(length);
  const right = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    left[i] = 0.5 * Math.sin(2 * Math.PI * (200 + 800 * t) * t);
    right[i] = 0.25 * Math.sin(2 * Math.PI * 440 * t);
  }
  return { sampleRate, channels: [left, right] };
}

export default async function check(): Promise<Record<string, unknown>> {
  const wav = writeWav(chirp(), { bitDepth: 16 });
  const decoded = await decodeAudio(wav);
  const mono = mixToMono(decoded);
  const at16k = resample(mono, 16000);
  const tokenizer = await loadAudioTokenizer();
  const block = await tokenizer.encode(wav);
  const back = await tokenizer.decode(block);
  await tokenizer.dispose();
  const direct = createMuLawTokenizer({ sampleRate: 16000 }).encode(decoded);
  return {
    wavBytes: wav.length,
    decoded: [decoded.sampleRate, decoded.channels.length, decoded.channels[0]!.length],
    resampled: Array.from(at16k.channels[0]!.subarray(0, 64), (v) => Math.round(v * 1e6)),
    codes: block.codes,
    shape: block.shape,
    sameAsDirect: block.codes.length === direct.codes.length && block.codes.every((c, i) => c === direct.codes[i]),
    decodedLength: back.channels[0]!.length,
  };
}
