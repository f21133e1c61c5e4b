// Audio codecs in joint id sequences through core's layouts: Orpheus' 7-token SNAC frames (whole and as
// generated, into the windowed decoder), MusicGen/Moshi delay patterns, frame- and codebook-major
// flattening; the code spaces checked against the layouts (CodeSpaceMismatchError).
import { CodeSpaceMismatchError, createJointTokenizer, createJointVocabulary, musicgenDelayLayout, orpheusLayout, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxDifference, readGolden } from '../families/codec/__fixtures__/codec-fixture.js';
import { loadFixture } from '../families/codec/__fixtures__/describe-codec-parity.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { collect, joinAudio } from '../streaming/__fixtures__/long-signal.js';
import { streamCodes, tokenBlockFromStreams } from './audio-blocks.js';
import type { AudioTokenizer } from './audio-tokenizer.js';

// Orpheus' vocabulary: "<custom_token_N>" is id 128256 + N (Llama 3's 128256 text ids before them).
const orpheusTokens = new Map<string, number>(Array.from({ length: 11 }, (_, n) => [`<custom_token_${n}>`, 128256 + n] as [string, number]));

/** A standalone layout of one audio space (no text), with per-codebook offsets. */
function audioLayout(name: string, body: LayoutSpec['spaces'][number]['body'], codebookSize: number, extraTokens: LayoutSpec['tokens'] = {}): LayoutSpec {
  return {
    format: 'jointok.layout',
    version: 1,
    name,
    text: { size: 1000 },
    tokens: { boa: { id: 1000 }, eoa: { id: 1001 }, ...extraTokens },
    spaces: [{ name: 'audio', modality: 'audio', codes: { type: 'offset', base: { id: 1002 }, codebookSize, stride: codebookSize }, begin: ['boa'], end: ['eoa'], body }],
  };
}

describe('Orpheus: audio → SNAC → 7-token frames → parse → audio', () => {
  let snac: AudioTokenizer;
  let block: TokenBlock<'audio'>;
  const golden = readGolden('snac');
  beforeAll(async () => {
    snac = await loadFixture('snac', 'jointok');
    block = await snac.encode(golden.inputPath);
  });
  afterAll(() => snac?.dispose());

  it('writes the reference’s frames: [s0[j], s1[2j], s2[4j], s2[4j+1], s1[2j+1], s2[4j+2], s2[4j+3]] + 128266 + p·4096', async () => {
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(orpheusLayout, { tokens: orpheusTokens }), audio: snac });
    const { ids } = await joint.encode([{ type: 'audio', audio: golden.inputPath }]);
    // By hand, from the golden codes (Orpheus' decoder.py: turn_token_into_id and convert_to_audio).
    const [s0, s1, s2] = golden.codes as [Int32Array, Int32Array, Int32Array];
    const expected = [128257];
    for (let j = 0; j < s0.length; j++) {
      [s0[j]!, s1[2 * j]!, s2[4 * j]!, s2[4 * j + 1]!, s1[2 * j + 1]!, s2[4 * j + 2]!, s2[4 * j + 3]!].forEach((code, p) => expected.push(128266 + p * 4096 + code));
    }
    expected.push(128258);
    expect(Array.from(ids)).toEqual(expected);
    const { parts } = await joint.decode(ids);
    expect(parts).toHaveLength(1);
    const audio = (parts[0] as { audio: AudioSignal }).audio;
    expect(audio.channels[0]).toEqual((await snac.decode({ ...block, meta: {} })).channels[0]);
  });

  it('decodes frames as they are generated: incremental parser → 7 codes → windowed decoder', async () => {
    const vocabulary = createJointVocabulary(orpheusLayout, { tokens: orpheusTokens });
    const { ids } = vocabulary.serialize([block]);
    const body = orpheusLayout.spaces[0]!.body;
    if (body.type !== 'per-position') throw new Error('Orpheus writes per-position frames');
    const { positions, rates } = body;
    // Each 7-code frame, regrouped by stream from the layout's positions, becomes one block of 4 base frames.
    async function* frames(): AsyncGenerator<TokenBlock<'audio'>> {
      const parser = vocabulary.createParser();
      let frame: number[] = [];
      for (const id of ids) {
        for (const event of parser.push(id)) {
          if (event.type !== 'segment-delta') continue;
          frame.push(event.code);
          if (frame.length < positions.length) continue;
          const streams = rates.map((rate) => new Int32Array(rate));
          positions.forEach(({ stream, sub }, p) => (streams[stream]![sub] = frame[p]!));
          frame = [];
          yield tokenBlockFromStreams(streams, snac);
        }
      }
    }
    const played = joinAudio(await collect(snac.streamDecode(frames(), { mode: 'windowed' })));
    // The same as windowed decoding of the encoder's block: the parser gave back the codes.
    const direct = joinAudio(await collect(snac.streamDecode([{ ...block, meta: {} }], { mode: 'windowed' })));
    expect(played).toEqual(direct);
    expect(played.length).toBe(streamCodes(block, snac)[2]!.length * 512);
  });

  it('refuses codecs whose streams are not Orpheus’ three rates', async () => {
    await using dac = await loadFixture('dac', 'jointok');
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(orpheusLayout, { tokens: orpheusTokens }), audio: dac })).toThrow(CodeSpaceMismatchError);
  });
});

describe('delay patterns: MusicGen (EnCodec) and Moshi (Mimi)', () => {
  it('MusicGen’s 4 × 2048 preset refuses the fixture’s 10-codebook EnCodec; a 10-codebook delay layout round-trips', async () => {
    await using encodec = await loadFixture('encodec', 'jointok');
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(musicgenDelayLayout), audio: encodec })).toThrow(CodeSpaceMismatchError);
    const delays = Array.from({ length: 10 }, (_, q) => q);
    const layout: LayoutSpec = { ...musicgenDelayLayout, name: 'encodec-10-delay', tokens: { special: { id: 256 } }, spaces: [{ ...musicgenDelayLayout.spaces[0]!, codes: { type: 'head', codebookSize: 256 }, body: { type: 'delay', codebooks: 10, delays, special: 'special' } }] };
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(layout), audio: encodec });
    const golden = readGolden('encodec');
    const { ids, blocks } = await joint.encode([{ type: 'audio', audio: golden.inputPath }]);
    // Step s, codebook q holds frame s − 1 − q (one all-special step first), the special code elsewhere.
    const frames = golden.codes[0]!.length;
    expect(ids.length).toBe(10 * (frames + 1 + 9));
    expect(ids[10 * 5 + 2]).toBe(golden.codes[2]![5 - 1 - 2]);
    expect(ids[10 * 1 + 1]).toBe(256);
    const { parts } = await joint.decode(ids);
    const expected = await encodec.decode({ ...(blocks[0] as TokenBlock<'audio'>), meta: {} });
    expect(maxDifference((parts[0] as { audio: AudioSignal }).audio.channels[0]!, expected.channels[0]!)).toBe(0);
  });

  it('Moshi’s acoustic delay (semantic at 0, acoustic at 1) with Mimi, behind markers', async () => {
    await using mimi = await loadFixture('mimi', 'jointok');
    const layout = audioLayout('moshi-delay', { type: 'delay', codebooks: 8, delays: [0, 1, 1, 1, 1, 1, 1, 1], special: 'pad' }, 128, { pad: { id: 999 } });
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(layout), audio: mimi });
    const golden = readGolden('mimi');
    const { ids } = await joint.encode([{ type: 'audio', audio: golden.inputPath }]);
    const parsed = createJointVocabulary(layout).parse(ids).blocks[0]!;
    expect(streamCodes(parsed, mimi)).toEqual(golden.codes);
  });
});

describe('frame-major and codebook-major flattening (DAC, 9 codebooks)', () => {
  let dac: AudioTokenizer;
  const golden = readGolden('dac');
  beforeAll(async () => {
    dac = await loadFixture('dac', 'jointok');
  });
  afterAll(() => dac?.dispose());

  it.each([
    ['frame-major', { type: 'frame-major', codebooks: 9 }, (q: number, t: number) => 9 * t + q],
    ['codebook-major', { type: 'codebook-major', codebooks: 9, frames: 65 }, (q: number, t: number) => 65 * q + t],
  ] as const)('%s: codebook q, frame t at the documented position, slot q offset by q · 128', async (_, body, position) => {
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(audioLayout(body.type, body, 128)), audio: dac });
    const { ids } = await joint.encode([{ type: 'audio', audio: golden.inputPath }]);
    expect(ids.length).toBe(2 + 9 * 65);
    for (const [q, t] of [[0, 0], [3, 10], [8, 64]] as const) expect(ids[1 + position(q, t)]).toBe(1002 + 128 * q + golden.codes[q]![t]!);
    const { parts } = await joint.decode(ids);
    const direct = await dac.decode(tokenBlockFromStreams(golden.codes, dac));
    expect((parts[0] as { audio: AudioSignal }).audio.channels[0]).toEqual(direct.channels[0]);
  });

  it('checks the code space: codebooks too large for the space, or another stream count', async () => {
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(audioLayout('small', { type: 'frame-major', codebooks: 9 }, 64)), audio: dac })).toThrow(CodeSpaceMismatchError);
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(audioLayout('eight', { type: 'frame-major', codebooks: 8 }, 128)), audio: dac })).toThrow(CodeSpaceMismatchError);
    await using snac = await loadFixture('snac', 'jointok');
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(audioLayout('flat', { type: 'frame-major', codebooks: 3 }, 256)), audio: snac })).toThrow(CodeSpaceMismatchError);
  });
});
