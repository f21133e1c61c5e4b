import type { CodeSpace } from '../../modality/code-space.js';
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
  /** File name of the checkpoint the folder was exported from (`vq_ds16_c2i.pt`). */
  readonly checkpoint?: string;
  /** sha256 of that checkpoint, so an export can be traced to the exact weights. */
  readonly checkpointSha256?: string;
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
  /** Input preparation (image steps, sample rate, channels, padding); read by the family. */
  readonly preprocessing?: Readonly<Record<string, unknown>>;
  /** How decoder outputs become pixels or samples (clamp, scale, rounding, crops); read by the family. */
  readonly postprocessing?: Readonly<Record<string, unknown>>;
  /** The quantizer, as a spec for `createQuantizer`; its weights are the file with role `quantizer` (safetensors). */
  readonly quantizer?: ManifestQuantizer;
  /** The codes the tokenizer produces (axes, streams, codebook sizes); checked against joint layouts. */
  readonly codeSpace?: CodeSpace;
  /** Family-specific settings (downsampling factor, hop length, latent channels, ...). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** SPDX identifier or name of the weights' licence. */
  readonly license?: string;
  readonly source?: ManifestSource;
  readonly description?: string;
}
