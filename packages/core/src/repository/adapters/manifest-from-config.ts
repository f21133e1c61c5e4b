import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import type { Manifest } from '../manifest/manifest.js';
import type { ConfigAdapter } from './config-adapter.js';

/**
 * Builds a manifest in memory for a folder published for another runtime (an onnx-community export)
 * from its `config.json`, with the first of `adapters` that reads its `model_type`. Core knows no model
 * type itself: the tokenizer families that run such folders bring their adapters (`TokenizerFamily
 * .configAdapter`, e.g. `@jointok/audio`'s SNAC, DAC and Mimi, `@jointok/image`'s Janus), and
 * `loadTokenizer` passes those of its families. Such manifests have no sha256 for their files (the cache
 * still verifies what it stored) and usually no `quantizer`: the graphs take and give codes themselves.
 *
 * @throws InvalidSpecError when `config` is not a JSON object, or an adapter finds a needed field missing
 *   or malformed (the error names it); UnsupportedError when no adapter reads the `model_type`.
 */
export function manifestFromConfig(config: unknown, adapters: readonly ConfigAdapter[]): Manifest {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InvalidSpecError({ path: 'config.json', expected: 'a JSON object', received: config });
  }
  const type = (config as Record<string, unknown>).model_type;
  const adapter = typeof type === 'string' ? adapters.find((a) => a.modelTypes.includes(type)) : undefined;
  if (adapter === undefined) {
    const supported = adapters.flatMap((a) => a.modelTypes);
    throw new UnsupportedError({
      feature: `config.json model_type ${JSON.stringify(type)} (no jointok.json either)`,
      supported,
      message:
        `The folder has no jointok.json, and no config adapter reads its config.json model_type ${JSON.stringify(type)}` +
        (supported.length === 0 ? ' (none was given: load it with loadTokenizer and the family that runs it, e.g. audioFamilies from @jointok/audio, or pass configAdapters).' : ` (adapters given for: ${supported.join(', ')}).`),
    });
  }
  return adapter.manifestFromConfig(config as Record<string, unknown>);
}
