import { UsageError } from '../errors/index.js';

/** Which part of a dataset one process handles: shard `index` of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard i/N` (0 ≤ i < N). */
export function parseShard(value: string | undefined): Shard {
  if (value === undefined) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count)
    throw new UsageError({ message: `--shard ${value}: expected i/N with 0 <= i < N.`, hint: 'In a Slurm array: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT (array indices from 0).' });
  return { index, count };
}

/**
 * The documents `[first, end)` of a shard: contiguous, in dataset order, sizes differing by at most one,
 * so the shards' outputs concatenated in shard order are the single-process output.
 */
export function shardRange(shard: Shard, documents: number): { first: number; end: number } {
  return { first: Math.floor((shard.index * documents) / shard.count), end: Math.floor(((shard.index + 1) * documents) / shard.count) };
}
