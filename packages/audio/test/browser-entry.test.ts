import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist } from '../../../test-support/ensure-dist.js';

// The browser entry (dist/index.browser.js) must run in browsers and Web Workers: no Node built-in
// anywhere in its module graph, and its WASM decoders must come along in a bundle (inlined, no
// fetch). A real browser does not run here; the graph walk, a browser-platform bundle and running
// that bundle without network access stand in.
const entry = new URL('../dist/index.browser.js', import.meta.url);
let scratch: string;
let bundlePath: string;

beforeAll(async () => {
  await ensureDist(entry, new URL('../', import.meta.url));
  // Inside the package (under node_modules/, ignored) so that the bundle's bare import of
  // @jointok/core resolves.
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  scratch = mkdtempSync(join(cache, 'browser-bundle-'));
  bundlePath = join(scratch, 'bundle.mjs');
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('browser entry', () => {
  it('imports no Node built-in in its own module graph', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from\s*["']node:|import\(\s*["']node:|\brequire\(/);
      for (const m of source.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), m[1] as string));
    };
    visit(fileURLToPath(entry));
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it('bundles for the browser platform with its decoders, and the bundle decodes every format offline', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      conditions: ['browser'],
      write: false,
      logLevel: 'silent',
      // @jointok/core has its own browser build (and checks); the optional Opus ML extension is a
      // separate dynamic chunk in real bundlers. Everything else, the four decoders included, is in.
      external: ['@jointok/core', '@wasm-audio-decoders/opus-ml'],
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/["']node:|["']worker_threads["']|["']fs["']/);
    writeFileSync(bundlePath, code);
    // The decoders' web-worker helper reads the global Worker when it loads (browsers have one);
    // the decoders used here run on the calling thread, so a bare stand-in is enough under Node.
    const globals = globalThis as { Worker?: unknown };
    globals.Worker ??= class WorkerStandIn {};
    const bundled = (await import(pathToFileURL(bundlePath).href)) as typeof import('../src/index.browser.js');
    const fixtures = new URL('../src/__fixtures__/', import.meta.url);
    for (const [name, frames] of [['compressed/stereo-44k.flac', 22050], ['compressed/stereo-44k.mp3', 11025], ['compressed/voice-44k.ogg', 11025], ['compressed/stereo-48k.opus', 12000], ['voice-44k.wav', 33075]] as const) {
      const audio = await bundled.readAudio(new Uint8Array(readFileSync(new URL(name, fixtures))));
      expect(audio.channels[0], name).toHaveLength(frames);
    }
  }, 60_000);

  it('reads Web Audio AudioBuffers and Blobs', async () => {
    const { readAudio } = (await import(pathToFileURL(bundlePath).href)) as typeof import('../src/index.browser.js');
    const data = [new Float32Array([0.25, -0.5]), new Float32Array([1, 0])];
    const buffer = { sampleRate: 22050, numberOfChannels: 2, length: 2, getChannelData: (c: number) => data[c]! };
    const audio = await readAudio(buffer);
    expect(audio).toEqual({ sampleRate: 22050, channels: data });
    expect(audio.channels[0]).not.toBe(data[0]);
    const wav = readFileSync(new URL('../src/__fixtures__/formats/pcm-s16.wav', import.meta.url));
    expect((await readAudio(new Blob([wav]))).channels).toHaveLength(2);
  });

  it('loadAudioTokenizer() (the built-in μ-law) encodes Blobs and AudioBuffers alike', async () => {
    const { loadAudioTokenizer, readAudio } = (await import(pathToFileURL(bundlePath).href)) as typeof import('../src/index.browser.js');
    const tokenizer = await loadAudioTokenizer();
    const wav = readFileSync(new URL('../src/__fixtures__/voice-44k.wav', import.meta.url));
    const decoded = await readAudio(new Blob([wav]));
    const buffer = { sampleRate: decoded.sampleRate, numberOfChannels: 1, length: decoded.channels[0]!.length, getChannelData: () => decoded.channels[0]! };
    const fromBlob = await tokenizer.encode(new Blob([wav]));
    expect(fromBlob.shape).toEqual([1, Math.ceil((decoded.channels[0]!.length * 16000) / 44100)]);
    expect((await tokenizer.encode(buffer)).codes).toEqual(fromBlob.codes);
    await tokenizer.dispose();
  });
});
