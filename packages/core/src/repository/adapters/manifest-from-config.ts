import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import type { Manifest } from '../manifest/manifest.js';
import type { ConfigAdapter } from './config-adapter.js';
import { dacManifest } from './dac.js';
import { janusManifest } from './janus.js';
import { mimiManifest } from './mimi.js';
import { snacManifest } from './snac.js';

/** The adapters `loadRepository` uses when the caller passes none (onnx-community SNAC, DAC, Mimi, Janus). */
export const BUILT_IN_CONFIG_ADAPTERS: readonly ConfigAdapter[] = [
  { modelTypes: ['snac'], manifestFromConfig: snacManifest },
  { modelTypes: ['dac'], manifestFromConfig: dacManifest },
  { modelTypes: ['mimi'], manifestFromConfig: mimiManifest },
  { modelTypes: ['multi_modality'], manifestFromConfig: janusManifest },
];

/** The `config.json` `model_type`s whose onnx-community folders load without a jointok.json by default. */
export const ONNX_COMMUNITY_MODEL_TYPES: readonly string[] = BUILT_IN_CONFIG_ADAPTERS.flatMap((a) => a.modelTypes);

/**
 * Builds a manifest in memory for a folder published for another runtime (an onnx-community export)
 * from its `config.json`, with the first adapter that reads its `model_type`. Such manifests have no
 * sha256 for their files (the cache still verifies what it stored) and no `quantizer`: the ONNX graphs
 * take and give codes themselves; the code space says what they hold.
 *
 * @throws InvalidSpecError when a needed config field is missing or malformed (the error names it);
 *   UnsupportedError when no adapter reads the `model_type`.
 */
export function manifestFromConfig(config: unknown, adapters: readonly ConfigAdapter[] = BUILT_IN_CONFIG_ADAPTERS): Manifest {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InvalidSpecError({ path: 'config.json', expected: 'a JSON object', received: config });
  }
  const type = (config as Record<string, unknown>).model_type;
  const adapter = typeof type === 'string' ? adapters.find((a) => a.modelTypes.includes(type)) : undefined;
  if (adapter === undefined) {
    throw new UnsupportedError({ feature: `config.json model_type ${JSON.stringify(type)} (no jointok.json either)`, supported: adapters.flatMap((a) => a.modelTypes) });
  }
  return adapter.manifestFromConfig(config as Record<string, unknown>);
}
