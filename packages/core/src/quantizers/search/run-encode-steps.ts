import { assertNearestSearch } from './assert-nearest-search.js';
import type { AsyncNearestSearch } from './async-nearest-search.js';
import type { EncodeSteps, NearestRequest } from './encode-steps.js';
import { subtractRows } from '../math/subtract-rows.js';
import { typescriptNearestSearch } from './typescript-nearest-search.js';

/** Runs an encode synchronously, answering every search with the lookup's own TypeScript search. */
export function runEncodeSteps<T>(steps: EncodeSteps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) return step.value;
    const { lookup, vectors, count, out, outStride, outOffset, residual } = step.value;
    if (residual === vectors) {
      lookup.search.searchAndSubtract(vectors, count, out, { outStride, outOffset });
      continue;
    }
    lookup.search.search(vectors, count, out, { outStride, outOffset });
    if (residual !== undefined) subtractRows(residual, count, lookup.codebook.dim, lookup.codebook.rows, out, outStride, outOffset);
  }
}

/**
 * Runs an encode, answering every search with `search` (the lookup's TypeScript search when absent
 * or {@link typescriptNearestSearch}).
 * `signal` is checked before each search; an aborted run rejects with the signal's reason.
 */
export async function runEncodeStepsAsync<T>(steps: EncodeSteps<T>, search: AsyncNearestSearch | undefined, signal?: AbortSignal): Promise<T> {
  assertNearestSearch(search, 'options.nearestSearch');
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) return step.value;
    signal?.throwIfAborted();
    await answer(step.value, search);
  }
}

async function answer(request: NearestRequest, search: AsyncNearestSearch | undefined): Promise<void> {
  const { lookup, vectors, count, out, outStride, outOffset, residual } = request;
  // The lookup's own search keeps its prepared state (tree, SIMD rows) across calls.
  if (search === undefined || search === typescriptNearestSearch || search.searchesInTypeScript?.(count, lookup.codebook) === true) {
    if (residual === vectors) {
      lookup.search.searchAndSubtract(vectors, count, out, { outStride, outOffset });
      return;
    }
    lookup.search.search(vectors, count, out, { outStride, outOffset });
  } else {
    await search.nearestCodes(vectors, count, lookup.codebook, out, { outStride, outOffset });
  }
  if (residual !== undefined) subtractRows(residual, count, lookup.codebook.dim, lookup.codebook.rows, out, outStride, outOffset);
}
