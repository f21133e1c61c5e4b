// What the Node packages give for the live examples' inputs: the values the page must equal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAudio, createMuLawTokenizer } from '@jointok/audio';
import type { TokenBlock } from '@jointok/core';
import { loadImageTokenizer, psnr, readImage } from '@jointok/image';
import { createJointokDefaultVocabulary, getEncoding } from '@jointok/text';

/** Text ids of `text` in `encoding`. */
export async function textIds(encoding: 'o200k_base' | 'cl100k_base', text: string): Promise<number[]> {
  return (await getEncoding(encoding)).encode(text);
}

/** Codes and PSNR of an image through the model folder, as `@jointok/image` computes them in Node. */
export async function imageResult(modelFolder: string, imageFile: string): Promise<{ codes: number[]; shape: number[]; psnr: number }> {
  const tokenizer = await loadImageTokenizer(modelFolder, { session: { threads: 1 } });
  try {
    const bytes = new Uint8Array(readFileSync(imageFile));
    const block = await tokenizer.encode(bytes);
    const back = await tokenizer.decode(block);
    const image = await readImage(bytes);
    const seen = back.width === image.width && back.height === image.height ? image : tokenizer.preprocessor.run(image).image;
    return { codes: [...block.codes], shape: [...block.shape], psnr: psnr(seen, back) };
  } finally {
    await tokenizer.dispose();
  }
}

/** μ-law codes of a recording at `sampleRate`. */
export async function audioCodes(file: string, sampleRate: number): Promise<number[]> {
  const tokenizer = createMuLawTokenizer({ sampleRate });
  try {
    const block = await tokenizer.encode(await decodeAudio(new Uint8Array(readFileSync(file))));
    return [...block.codes];
  } finally {
    await tokenizer.dispose();
  }
}

/** The joint builder's default parts, serialized with the jointok default vocabulary, and allowedNext after each prefix asked. */
export async function jointResult(imageCodebookSize: number, prefixes: readonly number[]) {
  const vocabulary = createJointokDefaultVocabulary({ imageCodebookSize });
  const enc = await getEncoding('o200k_base');
  const text = (t: string): TokenBlock => {
    const ids = Int32Array.from(enc.encode(t));
    return { modality: 'text', codes: ids, shape: [ids.length], meta: {} };
  };
  // The builder's initial parts (JointBuilder.vue), written out independently here.
  const blocks: TokenBlock[] = [
    text('A cat:'),
    { modality: 'image', codes: Int32Array.of(1, 2, 3, 7), shape: [2, 2], meta: {} },
    text(' It says'),
    { modality: 'audio', codes: Int32Array.of(128, 140, 151, 140, 128, 116), shape: [1, 6], meta: {} },
  ];
  const { ids, spans } = vocabulary.serialize(blocks);
  const allowed = prefixes.map((length) => {
    const parser = vocabulary.createParser();
    for (const id of ids.subarray(0, length)) parser.push(id);
    return [...parser.allowedNext().bounds];
  });
  return { ids: [...ids], spans: spans.map((s) => ({ start: s.start, end: s.end, modality: s.modality })), allowed };
}

export const repositoryFile = (root: string, path: string) => join(root, path);
