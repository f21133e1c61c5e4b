import type { ModelReferences } from '../models/model-flags.js';

/** The `format` of a shard folder's manifest.json. */
export const SHARDS_FORMAT = 'jointok.shards';

/** The files of a shard folder. */
export const SHARD_FILES = { tokens: 'tokens.bin', index: 'index.bin', documents: 'documents.jsonl', manifest: 'manifest.json', progress: 'progress.json' } as const;

/** What identifies a run: resuming or merging needs the same dataset, layout and models. */
export interface RunIdentity {
  /** sha256 of the dataset's document ids in order, and their number. */
  readonly input: { readonly fingerprint: string; readonly documents: number };
  readonly layout: ModelReferences['layout'];
  readonly models: Omit<ModelReferences, 'layout'>;
}

/** One data file, with its size and checksum. */
export interface ShardFileEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * A finished shard folder's manifest.json: flat little-endian uint32 token ids (`tokens.bin`), uint64
 * document offsets into them (`index.bin`: documents + 1 entries, from 0), one JSON line per document
 * (`documents.jsonl`: id, tokens, tokens per modality, or the error of a skipped document), counts and
 * checksums. It holds nothing that depends on how the run went (workers, times), so a merged output and a
 * single-process run of the same dataset are equal byte for byte.
 */
export interface ShardManifest extends RunIdentity {
  readonly format: typeof SHARDS_FORMAT;
  readonly version: 1;
  readonly dtype: 'uint32';
  readonly indexDtype: 'uint64';
  readonly byteOrder: 'little';
  readonly shard: { readonly index: number; readonly count: number; readonly firstDocument: number; readonly documents: number };
  readonly counts: { readonly documents: number; readonly skipped: number; readonly tokens: number; readonly byModality: Readonly<Record<string, number>> };
  readonly files: { readonly tokens: ShardFileEntry; readonly index: ShardFileEntry; readonly documents: ShardFileEntry };
}

/** Keys sorted, so equal counts serialise equally whatever order modalities appeared in. */
export function sortedCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest's JSON text (the one serialisation both pretokenize and merge write). */
export function manifestText(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
