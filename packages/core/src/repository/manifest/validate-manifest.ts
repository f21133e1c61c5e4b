import type { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { validateCodeSpace } from '../../modality/validate-code-space.js';
import { isSafeRelativePath } from '../paths/safe-relative-path.js';
import { MANIFEST_VERSION, type Manifest } from './manifest.js';
import { SpecIssues } from './spec-issues.js';

/** The result of {@link validateManifest}: the typed manifest, or every problem found. */
export type ManifestValidation =
  | { readonly valid: true; readonly manifest: Manifest; readonly errors: readonly [] }
  | { readonly valid: false; readonly errors: readonly InvalidSpecError[]; readonly truncated: boolean };

const TOP_LEVEL = ['$schema', 'manifestVersion', 'name', 'modality', 'family', 'files', 'preprocessing', 'postprocessing', 'quantizer', 'codeSpace', 'config', 'license', 'source', 'description'];
const FILE_FIELDS = ['path', 'sha256', 'size', 'role', 'variants'];
const VARIANT_FIELDS = ['path', 'sha256', 'size'];
const SOURCE_FIELDS = ['url', 'revision', 'citation', 'checkpoint', 'checkpointSha256'];
const MODALITIES = ['text', 'image', 'video', 'audio'];
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks a parsed `jointok.json` against manifest version {@link MANIFEST_VERSION} and reports
 * its problems, each an InvalidSpecError whose `path` names the field (`files[1].sha256`): the first
 * `MAX_SPEC_ISSUES` (100); past them it stops looking and sets `truncated` (a hostile document may have millions).
 * In `jointok.json` every file and variant needs its `sha256` and `size`.
 */
export function validateManifest(json: unknown): ManifestValidation {
  const issues = new SpecIssues();
  if (!issues.object('', json, true)) return { valid: false, errors: issues.errors, truncated: false };
  issues.knownKeys('', json, TOP_LEVEL);
  if (json.manifestVersion !== MANIFEST_VERSION) issues.add('manifestVersion', `${MANIFEST_VERSION}`, json.manifestVersion);
  if (!MODALITIES.includes(json.modality as string)) issues.add('modality', `one of ${MODALITIES.join(', ')}`, json.modality);
  issues.string('family', json.family, true);
  for (const key of ['name', 'license', 'description', '$schema']) issues.string(key, json[key], false);
  for (const key of ['preprocessing', 'postprocessing', 'config']) issues.object(key, json[key], false);
  if (json.codeSpace !== undefined) issues.check(() => validateCodeSpace(json.codeSpace));
  if (issues.object('quantizer', json.quantizer, false)) issues.string('quantizer.type', json.quantizer.type, true);
  if (issues.object('source', json.source, false)) {
    issues.knownKeys('source', json.source, SOURCE_FIELDS);
    for (const key of SOURCE_FIELDS) issues.string(`source.${key}`, json.source[key], false);
  }
  checkFiles(issues, json.files);
  return issues.errors.length === 0
    ? { valid: true, manifest: json as unknown as Manifest, errors: [] }
    : { valid: false, errors: issues.errors, truncated: issues.truncated };
}

function checkFiles(issues: SpecIssues, files: unknown): void {
  // Empty for tokenizers without weights (the μ-law audio tokenizer is all in its jointok.json).
  if (!Array.isArray(files)) {
    issues.add('files', 'an array of { path, sha256, size } (empty for a tokenizer without weights)', files);
    return;
  }
  const seen = new Set<string>();
  for (let index = 0; index < files.length && !issues.full; index++) {
    const file: unknown = files[index];
    const at = `files[${index}]`;
    if (!issues.object(at, file, true)) continue;
    issues.knownKeys(at, file, FILE_FIELDS);
    checkEntry(issues, at, file, seen);
    issues.string(`${at}.role`, file.role, false);
    if (!issues.object(`${at}.variants`, file.variants, false)) continue;
    for (const [name, variant] of Object.entries(file.variants)) {
      if (issues.full) break;
      const variantAt = `${at}.variants.${name}`;
      if (!issues.object(variantAt, variant, true)) continue;
      issues.knownKeys(variantAt, variant, VARIANT_FIELDS);
      checkEntry(issues, variantAt, variant, seen);
    }
  }
}

function checkEntry(issues: SpecIssues, at: string, entry: Record<string, unknown>, seen: Set<string>): void {
  if (!isSafeRelativePath(entry.path)) {
    issues.add(`${at}.path`, 'a relative path inside the repository (no "..", no leading "/", no "\\")', entry.path);
  } else if (seen.has(entry.path as string)) {
    issues.add(`${at}.path`, 'a path listed only once', entry.path);
  } else {
    seen.add(entry.path as string);
  }
  if (typeof entry.sha256 !== 'string' || !SHA256.test(entry.sha256)) issues.add(`${at}.sha256`, '64 lower-case hex digits', entry.sha256);
  if (!Number.isSafeInteger(entry.size) || (entry.size as number) < 0) issues.add(`${at}.size`, 'a byte count (integer >= 0)', entry.size);
}
