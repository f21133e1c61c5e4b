import { availableParallelism } from 'node:os';
import { JointokError } from 'jointok';
import { inStage } from '../failure/stage.js';
import type { ModelFlags, ModelReferences } from '../models/model-flags.js';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { listDataset } from './documents.js';
import { encodeDocument } from './encode-document.js';
import type { RunIdentity, ShardManifest } from './shard-manifest.js';
import { shardRange, type Shard } from './shard-range.js';
import { completedShard, openShardWriter, type DocumentRecord } from './shard-writer.js';
import { runWorkerPool, type DocumentOutcome } from './worker-pool.js';

/** Options of {@link pretokenize}. */
export interface PretokenizeOptions {
  readonly input: string;
  readonly out: string;
  readonly flags: ModelFlags;
  readonly shard: Shard;
  /** Worker threads; 0 encodes on the calling thread. */
  readonly workers: number;
  readonly onError: 'fail' | 'skip';
  readonly overwrite: boolean;
  /** Seconds between checkpoints. */
  readonly checkpointSeconds: number;
  readonly signal: AbortSignal;
  readonly onStart?: (info: { total: number; resumedAt: number }) => void;
  readonly onProgress?: (written: { documents: number; tokens: number }) => void;
}

/** What a run did. */
export interface PretokenizeResult {
  readonly manifest: ShardManifest | undefined;
  /** Documents of this shard encoded in this run (not counting those a previous run wrote). */
  readonly encoded: number;
  readonly resumedAt: number;
  readonly alreadyComplete: boolean;
  readonly interrupted: boolean;
  /** Seconds from the start until the first document was written (listing, model loading, worker start-up), and after it. */
  readonly timing: { readonly setupSeconds: number; readonly encodeSeconds: number };
}

/** The default worker count: the cores available, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Pretokenizes one shard of a dataset into `out`: documents are encoded on a worker pool and appended
 * in dataset order, with a checkpoint every few seconds; a run that stops (killed, Ctrl-C) resumes from
 * its last checkpoint, writing every document exactly once.
 */
export async function pretokenize(options: PretokenizeOptions): Promise<PretokenizeResult> {
  const started = performance.now();
  let firstWritten: number | undefined;
  const timing = () => {
    const now = performance.now();
    return { setupSeconds: ((firstWritten ?? now) - started) / 1000, encodeSeconds: (now - (firstWritten ?? now)) / 1000 };
  };
  const dataset = await inStage('input', () => listDataset(options.input));
  // The models load here once before the workers start: a bad model or layout fails fast, and the
  // references to record come from the same code the workers run.
  const opened = await openJointTokenizer(options.flags);
  const { layout, ...models } = opened.references as ModelReferences;
  const identity: RunIdentity = { input: { fingerprint: dataset.fingerprint, documents: dataset.documents.length }, layout, models };
  const range = shardRange(options.shard, dataset.documents.length);
  const placement = { index: options.shard.index, count: options.shard.count, ...range };
  const done = options.overwrite ? undefined : await inStage('output', () => completedShard(options.out, identity, placement));
  if (done !== undefined) {
    await opened.joint.dispose();
    return { manifest: done, encoded: 0, resumedAt: done.shard.documents, alreadyComplete: true, interrupted: false, timing: timing() };
  }
  const writer = await inStage('output', () => openShardWriter({ dir: options.out, identity, shard: placement, overwrite: options.overwrite }));
  const resumedAt = writer.next - range.first;
  options.onStart?.({ total: range.end - range.first, resumedAt });
  let encoded = 0;
  let lastCheckpoint = Date.now();
  const pending = new Map<number, DocumentRecord>();
  const accept = (outcome: DocumentOutcome) => {
    const document = dataset.documents[outcome.index]!;
    if (outcome.type === 'failed') {
      if (options.onError === 'fail') throw new JointokError(outcome.code, `document ${document.id}: ${outcome.message} (--on-error skip records it and goes on)`);
      pending.set(outcome.index, { id: document.id, error: outcome.message });
    } else pending.set(outcome.index, { id: document.id, ids: outcome.ids, counts: outcome.counts });
    // Documents finish out of order; they are written in dataset order.
    for (let record = pending.get(writer.next); record !== undefined; record = pending.get(writer.next)) {
      pending.delete(writer.next);
      writer.append(record);
      encoded++;
      firstWritten ??= performance.now();
    }
    if (Date.now() - lastCheckpoint >= options.checkpointSeconds * 1000) {
      writer.checkpoint();
      lastCheckpoint = Date.now();
    }
    options.onProgress?.(writer.written);
  };
  function* tasks() {
    for (let index = writer.next; index < range.end; index++) yield { index, document: dataset.documents[index]! };
  }
  try {
    if (options.workers === 0) {
      for (const task of tasks()) {
        if (options.signal.aborted) break;
        try {
          const { ids, counts } = await encodeDocument(opened.joint, task.document);
          accept({ type: 'done', index: task.index, ids, counts });
        } catch (error) {
          accept({ type: 'failed', index: task.index, message: error instanceof Error ? error.message : String(error), code: JointokError.isInstance(error) ? error.code : 'internal' });
        }
      }
    } else {
      await opened.joint.dispose();
      await runWorkerPool({ size: options.workers, flags: options.flags, tasks: tasks(), onOutcome: accept, signal: options.signal });
    }
    if (options.signal.aborted) {
      writer.checkpoint();
      return { manifest: undefined, encoded, resumedAt, alreadyComplete: false, interrupted: true, timing: timing() };
    }
    const manifest = await inStage('output', () => writer.finish());
    return { manifest, encoded, resumedAt, alreadyComplete: false, interrupted: false, timing: timing() };
  } catch (error) {
    // Keep what was written in order: the next run resumes after it.
    writer.checkpoint();
    throw error;
  } finally {
    writer.close();
    await opened.joint.dispose();
  }
}
