import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { CodeSpaceMismatchError } from '../../errors/code-space-mismatch-error.js';
import { ModalityMismatchError } from '../../errors/modality-mismatch-error.js';
import type { CodeSpace } from '../../modality/code-space.js';
import { createModalityTokenizer } from '../../modality/modality-tokenizer.js';
import type { TokenBlock } from '../../modality/token-block.js';
import { toyArtifacts, toyLayout } from '../__fixtures__/toy-layouts.js';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { createJointTokenizer } from './create-joint-tokenizer.js';

// Test doubles that satisfy ModalityTokenizer: text maps 'a'..'z' to ids 30..55; an "image" is a
// 2-D array of codes; "audio" is a list of speech codes.
const text = createModalityTokenizer<string, string, 'text'>({
  modality: 'text',
  codeSpace: { axes: ['tokens'], streams: [{ name: 'text', codebookSize: 100 }] },
  encode: (input) => ({ modality: 'text', codes: Int32Array.from(input, (c) => c.charCodeAt(0) - 67), shape: [input.length], meta: {} }),
  decode: (block) => String.fromCharCode(...[...block.codes].map((id) => id + 67)),
});
const imageCodeSpace: CodeSpace = { axes: ['height', 'width'], streams: [{ name: 'image', codebookSize: 5 }] };
const image = createModalityTokenizer<number[][], number[][], 'image'>({
  modality: 'image',
  codeSpace: imageCodeSpace,
  encode: async (rows) => ({ modality: 'image', codes: Int32Array.from(rows.flat()), shape: [rows.length, rows[0]!.length], meta: {} }),
  decode: (block: TokenBlock<'image'>) => Array.from({ length: block.shape[0]! }, (_, r) => [...block.codes.subarray(r * block.shape[1]!, (r + 1) * block.shape[1]!)]),
});
const audio = createModalityTokenizer<number[], number[], 'audio'>({
  modality: 'audio',
  codeSpace: { axes: ['codebooks', 'frames'], streams: [{ name: 'speech', codebookSize: 4 }] },
  encode: (codes) => ({ modality: 'audio', codes: Int32Array.from(codes), shape: [1, codes.length], meta: {} }),
  decode: (block) => [...block.codes],
});

describe('createJointTokenizer', () => {
  const vocabulary = createJointVocabulary(toyLayout, toyArtifacts);
  // The toy layout has a second audio space (per-position SNAC-like streams at rates 1 and 2).
  const snac = createModalityTokenizer<number[], number[], 'audio'>({
    modality: 'audio',
    codeSpace: { axes: ['tokens'], streams: [{ name: 'coarse', codebookSize: 2, stride: 2 }, { name: 'fine', codebookSize: 2, stride: 1 }] },
    encode: (codes) => ({ modality: 'audio', codes: Int32Array.from(codes), shape: [codes.length], meta: {} }),
    decode: (block) => [...block.codes],
  });
  const joint = createJointTokenizer({ vocabulary, text, image, audio, spaces: { snac } });

  it('encodes chat-style parts into joint ids with spans and decodes them back', async () => {
    const parts = [
      { type: 'text', text: 'hi' },
      { type: 'image', image: [[1, 2], [3, 4]] },
      { type: 'text', text: 'ok' },
      { type: 'audio', audio: [3, 0], space: 'speech' },
    ];
    const encoded = await joint.encode(parts);
    // 'h' = 104 - 67 = 37, 'i' = 38; image 2*2 with the toy prefix; speech between 105 and 106.
    expect([...encoded.ids]).toEqual([37, 38, 100, 12, 20, 12, 103, 201, 202, 102, 203, 204, 102, 104, 101, 44, 40, 105, 213, 210, 106]);
    expect(encoded.spans.map((s) => [s.modality, s.start, s.end])).toEqual([
      ['text', 0, 2],
      ['image', 2, 15],
      ['text', 15, 17],
      ['audio', 17, 21],
    ]);
    const decoded = await joint.decode(encoded.ids);
    // Decoded media parts name the space they came from.
    expect(decoded.parts).toEqual([parts[0], { ...parts[1], space: 'image' }, parts[2], parts[3]]);
    expect(decoded.repairs).toEqual([]);
  });

  it('writes named layout tokens and joins them with neighbouring text', async () => {
    const encoded = await joint.encode([{ type: 'token', name: 'task' }, { type: 'text', text: 'a' }]);
    expect([...encoded.ids]).toEqual([42, 30]);
    expect(encoded.blocks).toHaveLength(1);
    // A structure token outside the text range cannot stand alone as text.
    await expect(joint.encode([{ type: 'token', name: 'eol' }])).rejects.toThrowError(/holds code 102/);
  });

  it('names the missing tokenizer', async () => {
    const noVideo = createJointTokenizer({ vocabulary, text });
    await expect(noVideo.encode([{ type: 'video', video: [] }])).rejects.toSatisfy(
      (e: unknown) => InvalidArgumentError.isInstance(e) && e.argument === 'parts[0]' && /video tokenizer/.test(e.message),
    );
    expect(() => createJointTokenizer({ vocabulary, image: {} as never })).toThrowError(/options.image/);
    expect(() => createJointTokenizer({ vocabulary, spaces: { nowhere: image } })).toThrowError(InvalidArgumentError);
    // An old-style object without a code space is refused up front, not at the first encode.
    const { codeSpace: _, ...noSpace } = { ...image, codeSpace: undefined };
    expect(() => createJointTokenizer({ vocabulary, image: { ...noSpace, modality: 'image' } as never })).toThrowError(/options.image.codeSpace/);
  });

  it('turns a value with toModalityTokenizer() into its tokenizer', async () => {
    const convertible = { toModalityTokenizer: () => text, encode: () => [1, 2, 3], decode: () => 'x' };
    const joint2 = createJointTokenizer({ vocabulary, text: convertible });
    expect([...(await joint2.encode([{ type: 'text', text: 'hi' }])).ids]).toEqual([37, 38]);
  });

  it('checks each tokenizer against the layout space it serves', () => {
    const wide = createModalityTokenizer({ ...image, codeSpace: { ...imageCodeSpace, streams: [{ name: 'image', codebookSize: 16384 }] } });
    const error = (() => {
      try {
        createJointTokenizer({ vocabulary, image: wide });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(CodeSpaceMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ tokenizer: 'options.image', space: 'image', property: 'codebookSize', tokenizerValue: 16384, spaceValue: 5 });
    expect((error as Error).message).toMatch(/16384 codes cannot go into a space of 5/);
    const twoStreams = createModalityTokenizer({ ...audio, codeSpace: { axes: ['codebooks', 'frames'], streams: [{ name: 'a', codebookSize: 4 }, { name: 'b', codebookSize: 4 }] } });
    expect(() => createJointTokenizer({ vocabulary, audio: twoStreams })).toThrowError(/2 codebook streams, the frame-major body holds 1/);
    const wrongRates = createModalityTokenizer({ ...snac, codeSpace: { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 2, stride: 4 }, { name: 'b', codebookSize: 2 }] } });
    expect(() => createJointTokenizer({ vocabulary, spaces: { snac: wrongRates } })).toThrowError(/rates \[1, 4\] per coarse frame, the space expects \[1, 2\]/);
    const multiRate = createModalityTokenizer({ ...audio, codeSpace: { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 4, stride: 2 }] } });
    expect(() => createJointTokenizer({ vocabulary, audio: multiRate })).toThrowError(/strides \[2\], the frame-major body holds one code per frame/);
    expect(() => createJointTokenizer({ vocabulary, image: audio })).toThrowError(ModalityMismatchError);
  });

  it('reports repairs when decoding damaged ids leniently', async () => {
    const decoded = await joint.decode([37, 105, 213, 999, 38], { mode: 'lenient' });
    expect(decoded.parts).toEqual([{ type: 'text', text: 'h' }, { type: 'audio', audio: [3], space: 'speech' }, { type: 'text', text: 'i' }]);
    expect(decoded.repairs.map((r) => r.kind)).toEqual(['closed-partial-block', 'dropped-unknown-id']);
  });
});
