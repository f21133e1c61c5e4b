import type { ModelFlags } from '../models/model-flags.js';
import type { DatasetDocument } from './documents.js';

/** What a pretokenize worker starts with. */
export interface WorkerSetup {
  readonly flags: ModelFlags;
}

/** A document for a worker. */
export interface WorkerTask {
  readonly index: number;
  readonly document: DatasetDocument;
}

/** A worker's answer for one document: its ids and per-modality counts, or why it failed. */
export type WorkerResult =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string; readonly code: string }
  | { readonly type: 'done'; readonly index: number; readonly ids: Int32Array; readonly counts: Record<string, number> }
  | { readonly type: 'failed'; readonly index: number; readonly message: string; readonly code: string };
