import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { AsyncNearestSearch } from './async-nearest-search.js';

/**
 * Checks that `value` is absent or an {@link AsyncNearestSearch} (an object with a `nearestCodes`
 * function), so that a wrong option fails where it is given, not at the first large codebook.
 *
 * @throws InvalidArgumentError naming `argument` otherwise
 */
export function assertNearestSearch(value: unknown, argument: string): asserts value is AsyncNearestSearch | undefined {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || typeof (value as { nearestCodes?: unknown }).nearestCodes !== 'function') {
    throw new InvalidArgumentError({ argument, expected: 'an AsyncNearestSearch (an object with a nearestCodes method), e.g. createAcceleratedNearestSearch(...)', received: value });
  }
}
