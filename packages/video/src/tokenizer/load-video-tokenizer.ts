import { loadRepository, loadTokenizer, type LoadTokenizerOptions, type ModelRepository, type TokenizerFamily } from '@jointok/core';
import { imageFamilies, loadImageTokenizer, type ImageTokenizer } from '@jointok/image';
import { createPerFrameTokenizer } from './create-per-frame-tokenizer.js';
import type { VideoReader } from './frame-source.js';
import type { VideoTokenizer } from './video-tokenizer.js';

/** Options of `loadVideoTokenizer`: every option of core's `loadTokenizer` (cache, progress, session, families, ...). */
export type LoadVideoTokenizerOptions = Omit<LoadTokenizerOptions, 'modality'>;

function repositoryOptions(options: LoadVideoTokenizerOptions) {
  const { families: _families, session: _session, nearestSearch: _search, familyOptions: _familyOptions, ...rest } = options;
  return rest;
}

/**
 * Loads a video tokenizer with this package's families and the entry's `readVideo`: without a source, per-frame
 * tokens of the built-in image default (`@jointok/image`'s `jointok-image-base`); an image model repository gives
 * per-frame tokens of that image tokenizer; a video repository (`modality: "video"`) loads its family (`cosmos-dv`).
 */
export async function loadVideoTokenizerWith(
  families: readonly TokenizerFamily[],
  readVideo: VideoReader,
  source: string | URL | ModelRepository | undefined,
  options: LoadVideoTokenizerOptions,
): Promise<VideoTokenizer> {
  const perFrame = (image: ImageTokenizer) => createPerFrameTokenizer(image, { readVideo });
  if (source === undefined) return perFrame(await loadImageTokenizer(undefined, options));
  const allFamilies = [...(options.families ?? []), ...families, ...imageFamilies];
  const repository =
    typeof source === 'string' || source instanceof URL
      ? await loadRepository(String(source), { ...repositoryOptions(options), configAdapters: allFamilies.flatMap((f) => (f.configAdapter === undefined ? [] : [f.configAdapter])) })
      : source;
  if (repository.manifest?.modality === 'image') {
    return perFrame((await loadTokenizer(repository, { ...options, modality: 'image', families: [...(options.families ?? []), ...imageFamilies] })) as ImageTokenizer);
  }
  return (await loadTokenizer(repository, { ...options, modality: 'video', families: allFamilies })) as VideoTokenizer;
}
