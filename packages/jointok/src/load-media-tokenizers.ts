import type { TokenizerOption } from '@jointok/core';
import { loadAudioTokenizer } from '@jointok/audio';
import { loadImageTokenizer } from '@jointok/image';
import type { CreateJointTokenizerOptions, ModelSourceOption } from './options.js';

/** The default μ-law rate: one code per sample of 16 kHz speech-band audio. */
export const DEFAULT_AUDIO_SAMPLE_RATE = 16_000;

/** A tokenizer for one modality, and whether the builder loaded it (and so must dispose it). */
export interface MediaTokenizer {
  readonly tokenizer: TokenizerOption;
  readonly owned: boolean;
  /** What it was loaded from (a source string, `'mu-law'`, `'jointok-image-base'`), or `'custom'`. */
  readonly reference: string;
}

function isSource(value: unknown): value is ModelSourceOption {
  if (typeof value === 'string' || value instanceof URL) return true;
  const repository = value as { manifest?: unknown; file?: unknown } | null;
  return typeof repository === 'object' && repository !== null && typeof repository.file === 'function' && typeof repository.manifest === 'object';
}

function sourceName(source: ModelSourceOption): string {
  return typeof source === 'string' ? source : source instanceof URL ? source.href : (source.manifest.name ?? 'repository');
}

/** Loads (or takes) the image tokenizer; `undefined` for `image: false`. */
export async function resolveImageOption(options: CreateJointTokenizerOptions): Promise<MediaTokenizer | undefined> {
  const option = options.image;
  if (option === false) return undefined;
  if (option === undefined || isSource(option)) {
    const tokenizer = await loadImageTokenizer(option, options.load);
    return { tokenizer, owned: true, reference: option === undefined ? 'jointok-image-base' : sourceName(option) };
  }
  return { tokenizer: option, owned: false, reference: 'custom' };
}

/** Builds, loads or takes the audio tokenizer; `undefined` for `audio: false`. */
export async function resolveAudioOption(options: CreateJointTokenizerOptions): Promise<MediaTokenizer | undefined> {
  const option = options.audio;
  if (option === false) return undefined;
  const muLaw = typeof option === 'string' ? /^mu-law(?:@(\d+))?$/.exec(option) : null;
  if (option === undefined || muLaw !== null) {
    const sampleRate = muLaw?.[1] !== undefined ? Number(muLaw[1]) : (options.audioSampleRate ?? DEFAULT_AUDIO_SAMPLE_RATE);
    // The audio package checks the rate (InvalidArgumentError naming options.sampleRate).
    return { tokenizer: await loadAudioTokenizer(undefined, { sampleRate }), owned: true, reference: `mu-law@${sampleRate}` };
  }
  if (isSource(option)) {
    const tokenizer = await loadAudioTokenizer(option, options.load);
    return { tokenizer, owned: true, reference: sourceName(option) };
  }
  return { tokenizer: option, owned: false, reference: 'custom' };
}
