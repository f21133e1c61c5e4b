import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { Codebook } from './codebook.js';

/**
 * Checks that `codebook` is a {@link Codebook} whose arrays are long enough for its `size` and
 * `dim`, so that a malformed one (or a call in the positional style of earlier versions) fails with
 * a typed error naming the field instead of reading past the rows.
 *
 * @throws InvalidArgumentError naming `codebook.size`, `codebook.dim`, `codebook.metric` or `codebook.minDistance`
 * @throws ShapeMismatchError naming `codebook.rows` or `codebook.squaredNorms` when too short
 */
export function checkCodebook(codebook: Codebook, argument = 'codebook'): void {
  if (codebook === null || typeof codebook !== 'object') {
    throw new InvalidArgumentError({ argument, expected: 'a codebook { rows, size, dim, metric }', received: codebook });
  }
  const { rows, size, dim, metric, squaredNorms, minDistance } = codebook;
  for (const [field, value] of [['size', size], ['dim', dim]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError({ argument: `${argument}.${field}`, expected: 'a positive integer', received: value });
  }
  if (metric !== 'l2' && metric !== 'dot') throw new InvalidArgumentError({ argument: `${argument}.metric`, expected: "'l2' or 'dot'", received: metric });
  if (!(rows instanceof Float32Array) || rows.length < size * dim) {
    throw new ShapeMismatchError({ argument: `${argument}.rows`, expected: `a Float32Array of at least size × dim = ${size * dim} elements`, received: (rows as { length?: number } | undefined)?.length ?? 0 });
  }
  if (squaredNorms !== undefined && (!(squaredNorms instanceof Float64Array) || squaredNorms.length < size)) {
    throw new ShapeMismatchError({ argument: `${argument}.squaredNorms`, expected: `a Float64Array of at least size = ${size} elements`, received: (squaredNorms as { length?: number } | null)?.length ?? 0 });
  }
  if (minDistance !== undefined && typeof minDistance !== 'number') {
    throw new InvalidArgumentError({ argument: `${argument}.minDistance`, expected: 'a number', received: minDistance });
  }
}
