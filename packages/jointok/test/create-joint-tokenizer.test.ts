// createJointTokenizer() builds the joint default and serialises a chat with text, an image and a sound
// into one id sequence, then parses it back. The tiny LlamaGen fixture stands in for the built-in image
// model; every expected value comes from calling the packages' own tokenizers directly, not through the
// builder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CodeSpaceMismatchError, DisposedError, InvalidArgumentError, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { createMuLawTokenizer, decodeAudio, type AudioSignal } from '@jointok/audio';
import { loadImageTokenizer, type RgbImage } from '@jointok/image';
import { getEncoding } from '@jointok/text';
import { createJointTokenizer } from '../src/index.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const tinyImageModel = repo('image/src/families/llamagen/__fixtures__/llamagen-tiny');
const photo = readFileSync(repo('image/src/__fixtures__/photos/chelsea-151x100.png'));
const speech = readFileSync(repo('audio/src/__fixtures__/speech-22k.wav'));

describe('createJointTokenizer (jointok)', () => {
  it('serialises text, an image and a sound into one id sequence and parses it back', async () => {
    await using joint = await createJointTokenizer({ image: tinyImageModel });
    const text = 'A cat, then a voice:';
    const { ids, spans } = await joint.encode([
      { type: 'text', text },
      { type: 'image', image: photo },
      { type: 'audio', audio: speech },
    ]);
    expect(spans.map((s) => s.modality)).toEqual(['text', 'image', 'audio']);
    expect(joint.models).toEqual({ layout: 'jointok-default', text: 'o200k_base', image: tinyImageModel, audio: 'mu-law@16000' });

    // The reference path: each package's tokenizer on its own.
    const o200k = await getEncoding('o200k_base');
    await using image = await loadImageTokenizer(tinyImageModel);
    const imageBlock = await image.encode(photo);
    const muLaw = createMuLawTokenizer({ sampleRate: 16000 });
    const audioBlock = muLaw.encode(await decodeAudio(speech));

    const textIds = o200k.encode(text);
    expect([...ids.subarray(0, textIds.length)]).toEqual(textIds);
    const [imageSpace, audioSpace] = joint.vocabulary.spaces;
    expect(imageSpace!.codebookSize).toBe(512); // the tiny model's codebook, read from its code space
    const imageIds = ids.subarray(spans[1]!.start, spans[1]!.end);
    expect(imageIds[0]).toBe(joint.vocabulary.tokenId('imageStart'));
    expect(imageIds.at(-1)).toBe(joint.vocabulary.tokenId('imageEnd'));
    // After the marker and the "4*4" prefix come the 16 codes, each shifted by the image block's first id.
    const base = imageSpace!.ids.bounds[0]!;
    expect([...imageIds.subarray(imageIds.length - 1 - imageBlock.codes.length, imageIds.length - 1)]).toEqual([...imageBlock.codes].map((c) => c + base));
    const audioIds = ids.subarray(spans[2]!.start, spans[2]!.end);
    expect(audioIds.length).toBe(audioBlock.codes.length + 2);
    expect([...audioIds.subarray(1, 11)]).toEqual([...audioBlock.codes.subarray(0, 10)].map((c) => c + audioSpace!.ids.bounds[0]!));

    const { parts, repairs } = await joint.decode(ids);
    expect(repairs).toEqual([]);
    expect(parts.map((p) => p.type)).toEqual(['text', 'image', 'audio']);
    expect(parts[0]).toEqual({ type: 'text', text });
    const decodedImage = (parts[1] as { image: RgbImage }).image;
    const expectedImage = await image.decode({ ...imageBlock, meta: {} } as TokenBlock<'image'>);
    expect([decodedImage.width, decodedImage.height]).toEqual([expectedImage.width, expectedImage.height]);
    expect(Buffer.from(decodedImage.data).equals(Buffer.from(expectedImage.data))).toBe(true);
    const decodedAudio = (parts[2] as { audio: AudioSignal }).audio;
    expect(decodedAudio.sampleRate).toBe(16000);
    expect(Buffer.from(decodedAudio.channels[0]!.buffer).equals(Buffer.from(muLaw.decode(audioBlock).channels[0]!.buffer))).toBe(true);
  });

  it('releases the models it loaded, and only those', async () => {
    await using image = await loadImageTokenizer(tinyImageModel);
    const joint = await createJointTokenizer({ image });
    const audio = joint.tokenizers.audio as { encode(x: unknown): unknown };
    await joint.dispose();
    await expect(async () => audio.encode(speech)).rejects.toSatisfy((e) => DisposedError.isInstance(e));
    // The image tokenizer was passed in: still usable.
    expect((await image.encode(photo)).shape).toEqual([4, 4]);
  });

  it('refuses a text model the default layout is not built on', async () => {
    await expect(createJointTokenizer({ image: tinyImageModel, text: 'cl100k_base' })).rejects.toSatisfy(
      (e) => InvalidArgumentError.isInstance(e) && /o200k_base/.test((e as Error).message),
    );
  });

  it('refuses an unknown layout name, naming the known ones', async () => {
    await expect(createJointTokenizer({ layout: 'no-such-layout' })).rejects.toSatisfy((e) => InvalidArgumentError.isInstance(e) && /jointok-default, chameleon/.test((e as Error).message));
  });

  it("checks the models against a layout's code spaces", async () => {
    const layout: LayoutSpec = {
      format: 'jointok.layout',
      version: 1,
      name: 'o200k-image-256',
      text: { size: 200019 },
      tokens: { boi: { id: 200019 }, eoi: { id: 200020 } },
      spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { id: 200021 }, codebookSize: 256 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: [4, 4] } }],
    };
    await expect(createJointTokenizer({ layout, image: tinyImageModel })).rejects.toSatisfy((e) => CodeSpaceMismatchError.isInstance(e));
    // With a layout that has no audio space, no audio tokenizer is made.
    await using joint = await createJointTokenizer({ layout: { ...layout, spaces: [{ ...layout.spaces[0]!, codes: { type: 'offset', base: { id: 200021 }, codebookSize: 512 } }] }, image: tinyImageModel });
    expect(joint.tokenizers.audio).toBeUndefined();
    const { ids } = await joint.encode([{ type: 'image', image: photo }]);
    expect(ids.length).toBe(18);
  });
});
