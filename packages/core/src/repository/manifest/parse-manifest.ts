import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { MANIFEST_VERSION, type Manifest } from './manifest.js';
import { jsonTextDepth, MAX_JSON_DEPTH, valueDepth } from '../../spec-input/json-depth.js';
import { validateManifest } from './validate-manifest.js';

/**
 * Parses `jointok.json` (its text, bytes or already-parsed JSON) into a typed {@link Manifest}.
 *
 * @throws InvalidSpecError naming the first bad field (all of them are in `validateManifest`);
 *   UnsupportedError when the manifest is of a newer `manifestVersion` than this library reads.
 */
export function parseManifest(input: unknown): Manifest {
  const json = typeof input === 'string' || input instanceof Uint8Array ? parseJson(input) : input;
  const depth = valueDepth(json);
  if (depth === Infinity) throw new InvalidSpecError({ path: '', expected: 'JSON data (no object inside itself)', received: 'a document that contains itself', message: 'jointok.json contains itself (a cycle): it cannot be JSON.' });
  if (depth > MAX_JSON_DEPTH) throw new InvalidSpecError({ path: '', expected: `JSON nested at most ${MAX_JSON_DEPTH} deep`, received: 'a deeper document', message: `jointok.json is nested more than ${MAX_JSON_DEPTH} levels deep.` });
  const version = (json as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > MANIFEST_VERSION) {
    throw new UnsupportedError({ feature: `jointok.json manifestVersion ${version}`, supported: [String(MANIFEST_VERSION)], message: `jointok.json has manifestVersion ${version}; this version of jointok reads ${MANIFEST_VERSION}. Update @jointok/core.` });
  }
  const result = validateManifest(json);
  if (result.valid) return result.manifest;
  const [first] = result.errors;
  throw first ?? new InvalidSpecError({ path: '', expected: 'a jointok.json manifest', received: json });
}

function parseJson(input: string | Uint8Array): unknown {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) throw new InvalidSpecError({ path: '', expected: `JSON nested at most ${MAX_JSON_DEPTH} deep`, received: 'a deeper document', message: `jointok.json is nested more than ${MAX_JSON_DEPTH} levels deep.` });
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidSpecError({ path: '', expected: 'valid JSON', received: text.slice(0, 40), message: `jointok.json is not valid JSON: ${(cause as Error).message}`, cause });
  }
}
