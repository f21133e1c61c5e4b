import { readFile } from 'node:fs/promises';
import { InvalidSpecError, type BlockSpan } from 'jointok';
import { InputNotFoundError } from '../errors/index.js';
import type { ModelReferences } from '../models/model-flags.js';
import type { RecordedCrop } from './image-sizes.js';

/** The `format` of a tokens file. */
export const TOKENS_FORMAT = 'jointok.tokens';

/**
 * What `jointok encode --out tokens.json` writes: the ids, the span of each block, token counts per
 * modality, the layout and model references needed to decode, and the names of the encoded parts
 * (media parts in order, used to name the decoded files).
 */
export interface TokensFile {
  readonly format: typeof TOKENS_FORMAT;
  readonly version: 1;
  readonly models: ModelReferences;
  readonly counts: Readonly<Record<string, number>> & { readonly total: number };
  /** `crop`: the input's region of a padded image (or of each video frame), restored by `decode`. */
  readonly parts: readonly { readonly modality: string; readonly name?: string; readonly crop?: RecordedCrop }[];
  readonly spans: readonly { readonly modality: string; readonly start: number; readonly end: number; readonly shape: readonly number[] }[];
  readonly ids: readonly number[];
}

/** Token counts per modality (from the spans) and in total. */
export function countTokens(spans: readonly BlockSpan[], total: number): TokensFile['counts'] {
  const counts: Record<string, number> = {};
  for (const span of spans) counts[span.modality] = (counts[span.modality] ?? 0) + (span.end - span.start);
  return { ...counts, total };
}

/** Reads and checks a tokens file. */
export async function readTokensFile(path: string): Promise<TokensFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') throw new InputNotFoundError({ path, role: 'tokens file', cause });
    throw cause;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InvalidSpecError({ path: '', expected: 'a JSON tokens file written by `jointok encode --out`', received: `${path} (not JSON)`, cause });
  }
  const file = json as Partial<TokensFile>;
  if (file?.format !== TOKENS_FORMAT) throw new InvalidSpecError({ path: 'format', expected: `"${TOKENS_FORMAT}" (a file written by \`jointok encode --out\`)`, received: file?.format });
  if (file.version !== 1) throw new InvalidSpecError({ path: 'version', expected: '1', received: file.version });
  if (!Array.isArray(file.ids) || !file.ids.every((id) => Number.isInteger(id) && id >= 0 && id <= 0x7fffffff)) throw new InvalidSpecError({ path: 'ids', expected: 'an array of non-negative int32 ids', received: typeof file.ids });
  const models = file.models as Partial<ModelReferences> | undefined;
  if (typeof models !== 'object' || models === null || typeof models.text !== 'string' || (typeof models.layout !== 'string' && typeof models.layout?.spec !== 'object'))
    throw new InvalidSpecError({ path: 'models', expected: '{ layout, text, image?, audio? }', received: models });
  if (!Array.isArray(file.parts)) throw new InvalidSpecError({ path: 'parts', expected: 'an array', received: file.parts });
  return file as TokensFile;
}
