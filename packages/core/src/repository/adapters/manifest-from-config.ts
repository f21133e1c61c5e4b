import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import type { Manifest } from '../manifest/manifest.js';
import { dacManifest } from './dac.js';
import { janusManifest } from './janus.js';
import { mimiManifest } from './mimi.js';
import { snacManifest } from './snac.js';

type Adapter = (config: Readonly<Record<string, unknown>>) => Manifest;

const adapters: Readonly<Record<string, Adapter>> = {
  snac: snacManifest,
  dac: dacManifest,
  mimi: mimiManifest,
  multi_modality: janusManifest,
};

/** The `config.json` `model_type`s whose onnx-community folders load without a jointok.json. */
export const ONNX_COMMUNITY_MODEL_TYPES: readonly string[] = Object.keys(adapters);

/**
 * Builds a manifest in memory for a folder published for another runtime (the onnx-community
 * exports of SNAC, DAC, Mimi and the Janus image decoder), from its `config.json`. Such manifests
 * have no sha256 for their files (the cache still verifies what it stored) and no `quantizer`: the
 * ONNX graphs take and give codes themselves; codebook sizes are in `layout`.
 *
 * @throws InvalidSpecError when a needed config field is missing or malformed (the error names it);
 *   UnsupportedError for another `model_type`.
 */
export function manifestFromConfig(config: unknown): Manifest {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InvalidSpecError({ path: 'config.json', expected: 'a JSON object', received: config });
  }
  const type = (config as Record<string, unknown>).model_type;
  const adapter = typeof type === 'string' && Object.hasOwn(adapters, type) ? adapters[type] : undefined;
  if (adapter === undefined) {
    throw new UnsupportedError({ feature: `config.json model_type ${JSON.stringify(type)} (no jointok.json either)`, supported: ONNX_COMMUNITY_MODEL_TYPES });
  }
  return adapter(config as Record<string, unknown>);
}
