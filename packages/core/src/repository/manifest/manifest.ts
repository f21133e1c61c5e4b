import type { Modality } from '../../modality/token-block.js';

/** The `manifestVersion` this library writes and reads. Newer versions are refused, not guessed at. */
export const MANIFEST_VERSION = 1;

/** The file name of a repository's manifest. */
export const MANIFEST_FILE = 'jointok.json';

/** A weight variant of a file (`fp16`, `q4`, ...), stored under its own path. */
export interface ManifestFileVariant {
  /** Repository-relative path, `/`-separated, never leaving the repository. */
  readonly path: string;
  /** Lower-case hex sha256 of the bytes. Required in `jointok.json`. */
  readonly sha256?: string;
  /** Size in bytes. Required in `jointok.json`. */
  readonly size?: number;
}

/** One file of a repository. */
export interface ManifestFile extends ManifestFileVariant {
  /** What the file is for: `encoder`, `decoder`, `codebook`, `vocabulary`, ... */
  readonly role?: string;
  /** Alternative encodings of the same weights, by variant name (`fp16`, `int8`, `q4f16`, ...). */
  readonly variants?: Readonly<Record<string, ManifestFileVariant>>;
}

/** A quantizer spec as the manifest carries it; `createQuantizer` checks the rest. */
export interface ManifestQuantizer {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** Where the weights come from. */
export interface ManifestSource {
  /** Home page or repository URL of the original model. */
  readonly url?: string;
  /** Revision (commit, tag) of the original the files were exported from. */
  readonly revision?: string;
  /** Paper or citation. */
  readonly citation?: string;
}

/**
 * `jointok.json`: what a model repository holds and how to use it. Validated by `parseManifest`;
 * its JSON Schema is `packages/core/schema/jointok.schema.json`.
 */
export interface Manifest {
  readonly manifestVersion: typeof MANIFEST_VERSION;
  /** A human-readable name (`jointok/fsq-image-16`). */
  readonly name?: string;
  readonly modality: Modality;
  /** The tokenizer family that knows how to run these files (`snac`, `dac`, `janus`, `default`, ...). */
  readonly family: string;
  readonly files: readonly ManifestFile[];
  /** Input preparation (sample rate, image size, normalisation); read by the modality package. */
  readonly preprocessing?: Readonly<Record<string, unknown>>;
  readonly quantizer?: ManifestQuantizer;
  /** How codes are laid out (shape names, codebooks, strides); read by the joint vocabulary. */
  readonly layout?: Readonly<Record<string, unknown>>;
  /** SPDX identifier or name of the weights' licence. */
  readonly license?: string;
  readonly source?: ManifestSource;
  readonly description?: string;
}
