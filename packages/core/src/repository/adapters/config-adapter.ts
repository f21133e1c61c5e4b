import type { Manifest } from '../manifest/manifest.js';

/**
 * Turns the `config.json` of a folder published for another runtime (an onnx-community export) into a
 * jointok manifest in memory, so the folder loads without a `jointok.json`. A tokenizer family that can
 * run such folders provides one (`TokenizerFamily.configAdapter`); `loadTokenizer` hands the adapters of
 * its families to `loadRepository`.
 */
export interface ConfigAdapter {
  /** The `config.json` `model_type`s this adapter reads (`snac`, `multi_modality`, ...). */
  readonly modelTypes: readonly string[];
  /**
   * Builds the manifest. Files it lists have no sha256 (the cache still verifies what it stored).
   *
   * @throws InvalidSpecError naming a missing or malformed config field (`config.json sampling_rate`)
   */
  manifestFromConfig(config: Readonly<Record<string, unknown>>): Manifest;
}
