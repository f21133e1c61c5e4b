import type { TemporalChunking } from './temporal-windows.js';

/**
 * Cosmos' `CausalVideoTokenizer.forward`: windows of 17 frames (`temporal_window`), each padded in time with
 * its edge frames to `1 + 8k` frames (`pad_video_batch`, `temporal_align` 8 whatever the model's temporal
 * compression), `pad >> 1` in front. Give the model's `temporalCompression` (4 or 8).
 */
export const COSMOS_CHUNKING = { window: 17, padding: 'replicate', temporalAlign: 8 } as const satisfies Omit<TemporalChunking, 'temporalCompression'>;
