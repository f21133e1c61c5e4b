import { mkdir, writeFile } from 'node:fs/promises';
import { join, parse } from 'node:path';
import { encodeY4m, writePng, writeWav, type AudioSignal, type ContentPart, type RgbImage } from 'jointok';
import { inStage } from '../failure/stage.js';

/** A file a decode wrote. */
export interface WrittenFile {
  readonly path: string;
  readonly modality: string;
  readonly bytes: number;
}

const extension: Record<string, string> = { text: 'txt', image: 'png', audio: 'wav', video: 'y4m' };

/**
 * Writes decoded parts into `dir`: text as UTF-8 `.txt`, images as PNG, audio as 16-bit WAV, video as Y4M
 * (4:2:0, 25 frames per second: the ids do not record a frame rate), named
 * `NN-<name>` after the encoded files of the same modality, in order (`02-photo.png`), else `NN-<modality>`
 * (without the `NN-` with `numbered: false`).
 */
export async function writeParts(parts: readonly ContentPart[], dir: string, names: readonly { modality: string; name?: string; stem?: string }[], options: { numbered?: boolean } = {}): Promise<WrittenFile[]> {
  return inStage('output', async () => {
    await mkdir(dir, { recursive: true });
    const queues = new Map<string, (string | undefined)[]>();
    for (const { modality, name, stem } of names) if (modality !== 'text') queues.set(modality, [...(queues.get(modality) ?? []), stem ?? (name === undefined ? undefined : parse(name).name)]);
    const written: WrittenFile[] = [];
    for (const [i, part] of parts.entries()) {
      const ext = extension[part.type];
      if (ext === undefined) continue;
      const source = part.type === 'text' ? undefined : queues.get(part.type)?.shift();
      const stem = source ?? part.type;
      const path = join(dir, options.numbered === false ? `${stem}.${ext}` : `${String(i + 1).padStart(2, '0')}-${stem}.${ext}`);
      const bytes =
        part.type === 'text'
          ? new TextEncoder().encode((part as { text: string }).text)
          : part.type === 'image'
            ? writePng((part as { image: RgbImage }).image)
            : part.type === 'video'
              ? await encodeY4m((part as { video: RgbImage[] }).video)
              : writeWav((part as { audio: AudioSignal }).audio, { bitDepth: 16 });
      await writeFile(path, bytes);
      written.push({ path, modality: part.type, bytes: bytes.length });
    }
    return written;
  });
}
