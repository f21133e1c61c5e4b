// jointok encode / decode / roundtrip / inspect on the example files, through the built command.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJointTokenizer, createMuLawTokenizer, decodeAudio, getEncoding, loadImageTokenizer, readImage, readVideo } from 'jointok';
import { examples, repoRoot, runCli, tinyImageModel } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jointok-cli-'));
const tokensPath = join(dir, 'tokens.json');
const inputs = [`${examples}/hello.txt`, `${examples}/photo.png`, `${examples}/speech.wav`];

describe('jointok encode → decode on examples/', () => {
  let encoded: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    encoded = await runCli(['encode', ...inputs, '--image-model', tinyImageModel, '--out', tokensPath]);
  });

  it('writes one id sequence with the tokens of each modality', async () => {
    expect(encoded.stderr).toBe('');
    expect(encoded.code).toBe(0);
    const file = JSON.parse(readFileSync(tokensPath, 'utf8'));
    const text = readFileSync(`${examples}/hello.txt`, 'utf8');
    const o200k = await getEncoding('o200k_base');
    const frames = createMuLawTokenizer({ sampleRate: 16000 }).encode(await decodeAudio(readFileSync(`${examples}/speech.wav`))).codes.length;
    // Text ids are o200k's; the image is a 4×4 grid between markers after its "4*4" prefix; audio one code per 16 kHz sample.
    expect(file.ids.slice(0, o200k.encode(text).length)).toEqual(o200k.encode(text));
    expect(file.counts).toEqual({ text: o200k.encode(text).length, image: 2 + o200k.encode('4*4').length + 16, audio: frames + 2, total: file.ids.length });
    expect(file.spans.map((s: { modality: string }) => s.modality)).toEqual(['text', 'image', 'audio']);
    expect(file.models).toEqual({ layout: 'jointok-default', text: 'o200k_base', image: tinyImageModel, audio: 'mu-law@16000' });
    expect(encoded.stdout).toMatch(/audio\s+[\d,]+ tokens/);
    expect(encoded.stdout).toMatch(/load models [\d.]+ (ms|s) · encode/);
  });

  it('decodes the tokens file into text, PNG and WAV files', async () => {
    const out = join(dir, 'decoded');
    const decoded = await runCli(['decode', tokensPath, '--out', out, '--json']);
    expect(decoded.code).toBe(0);
    const { files } = JSON.parse(decoded.stdout);
    expect(files.map((f: { path: string }) => f.path)).toEqual([join(out, '01-text.txt'), join(out, '02-photo.png'), join(out, '03-speech.wav')]);
    expect(readFileSync(files[0].path, 'utf8')).toBe(readFileSync(`${examples}/hello.txt`, 'utf8'));
    const image = await readImage(readFileSync(files[1].path));
    expect([image.width, image.height]).toEqual([64, 64]); // the tiny model's crop size
    const audio = await decodeAudio(readFileSync(files[2].path));
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels[0]!.length).toBe(JSON.parse(readFileSync(tokensPath, 'utf8')).counts.audio - 2);
  });

  it('inspects the tokens file', async () => {
    const inspected = await runCli(['inspect', tokensPath]);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/layout jointok-default · text o200k_base/);
  });
});

describe('jointok encode --input, roundtrip, inspect', () => {
  it('encodes a chat-style document with paths relative to it', async () => {
    const doc = join(dir, 'doc.json');
    writeFileSync(doc, JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image', path: `${examples}/photo.png` }] }, { role: 'assistant', content: 'A cat.' }] }));
    const result = await runCli(['encode', '--input', doc, '--image-model', tinyImageModel, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spans.map((s: { modality: string }) => s.modality)).toEqual(['text', 'image', 'text']);
  });

  it('round-trips speech through μ-law with a high SI-SDR and writes the reconstruction', async () => {
    const result = await runCli(['roundtrip', `${examples}/speech.wav`, '--image-model', tinyImageModel, '--out', dir, '--json']);
    expect(result.code).toBe(0);
    const { metrics, file } = JSON.parse(result.stdout);
    expect(metrics.modality).toBe('audio');
    expect(metrics.siSdr).toBeGreaterThan(30); // 8-bit μ-law of speech is about 38 dB
    expect((await decodeAudio(readFileSync(file))).sampleRate).toBe(16000);
  });

  it('encodes a Y4M clip frame by frame with the image model, decodes it to Y4M, and round-trips it with PSNR', async () => {
    const clip = `${repoRoot}packages/video/src/__fixtures__/clips/pan-chelsea-420.y4m`;
    const tokens = join(dir, 'clip-tokens.json');
    const encodedClip = await runCli(['encode', clip, '--image-model', tinyImageModel, '--out', tokens]);
    expect(encodedClip.stderr).toBe('');
    expect(encodedClip.code).toBe(0);
    const file = JSON.parse(readFileSync(tokens, 'utf8'));
    expect(file.spans.map((s: { modality: string }) => s.modality)).toEqual(['video']);
    // The reference: the image model on each of the clip's 20 frames (read by readVideo), 16 codes each.
    await using image = await loadImageTokenizer(tinyImageModel);
    const codes: number[] = [];
    for await (const frame of await readVideo(readFileSync(clip))) codes.push(...(await image.encode(frame)).codes);
    expect(codes.length).toBe(20 * 16);
    await using joint = await createJointTokenizer({ image: tinyImageModel, audio: false });
    const space = joint.vocabulary.spaces.find((s) => s.modality === 'video')!;
    const base = space.ids.bounds[0]!;
    const videoIds: number[] = file.ids.slice(file.spans[0].start, file.spans[0].end);
    expect(videoIds.filter((id) => id >= base && id < base + space.codebookSize).map((id) => id - base)).toEqual(codes);
    const decoded = await runCli(['decode', tokens, '--out', join(dir, 'clip-decoded'), '--json']);
    expect(decoded.code).toBe(0);
    const { files } = JSON.parse(decoded.stdout);
    expect(files.map((f: { path: string }) => f.path)).toEqual([join(dir, 'clip-decoded', '01-pan-chelsea-420.y4m')]);
    const frames = [];
    for await (const frame of await readVideo(readFileSync(files[0].path))) frames.push(frame);
    expect(frames.map((f) => [f.width, f.height])).toEqual(Array.from({ length: 20 }, () => [64, 64])); // the tiny model's crop
    const result = await runCli(['roundtrip', clip, '--image-model', tinyImageModel, '--out', dir, '--json']);
    expect(result.code).toBe(0);
    const { metrics } = JSON.parse(result.stdout);
    expect(metrics).toMatchObject({ modality: 'video', frames: 20 });
    expect(Number.isFinite(metrics.psnr)).toBe(true);
  });

  it('with the built-in jointok-image-base: records the padded image’s region and decodes it at the input’s size', async () => {
    const tokens = join(dir, 'photo-tokens.json');
    const encodedPhoto = await runCli(['encode', `${examples}/photo.png`, '--out', tokens]);
    expect(encodedPhoto.code).toBe(0);
    const file = JSON.parse(readFileSync(tokens, 'utf8'));
    const photo = await readImage(readFileSync(`${examples}/photo.png`));
    // 8x downsampling: the grid covers the photo rounded up to multiples of 8, padded at the bottom and right.
    expect(file.spans[0].shape).toEqual([Math.ceil(photo.height / 8), Math.ceil(photo.width / 8)]);
    expect(file.parts[0].crop).toEqual({ top: 0, left: 0, width: photo.width, height: photo.height });
    const decoded = await runCli(['decode', tokens, '--out', join(dir, 'photo-decoded'), '--json']);
    expect(decoded.code).toBe(0);
    const image = await readImage(readFileSync(JSON.parse(decoded.stdout).files[0].path));
    expect([image.width, image.height]).toEqual([photo.width, photo.height]);
  });

  it('describes a model folder and a layout preset', async () => {
    const model = await runCli(['inspect', tinyImageModel]);
    expect(model.code).toBe(0);
    expect(model.stdout).toMatch(/image · family llamagen/);
    expect(model.stdout).toMatch(/image 512/);
    const layout = await runCli(['inspect', 'chameleon', '--json']);
    expect(JSON.parse(layout.stdout).layout.spaces[0].modality).toBe('image');
  });
});
