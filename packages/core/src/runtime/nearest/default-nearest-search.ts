import type { SessionFactory } from '../session.js';
import { createAcceleratedNearestSearch, type AcceleratedNearestSearch } from './create-accelerated-nearest-search.js';

/**
 * Keeps one process-wide {@link AcceleratedNearestSearch} per platform entry, created on first use
 * with that platform's `createSession`. Its sessions (one per metric) are made when a large codebook
 * is first searched and live until `release()`; a released search makes new ones when used again.
 */
export function lazyNearestSearch(createSession: SessionFactory): () => AcceleratedNearestSearch {
  let search: AcceleratedNearestSearch | undefined;
  return () => (search ??= createAcceleratedNearestSearch({ createSession }));
}
