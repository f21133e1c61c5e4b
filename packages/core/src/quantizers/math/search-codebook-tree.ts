import type { CodebookTree } from './codebook-tree.js';

/**
 * Relative slack of the pruning test. A box is skipped only when its lower bound exceeds the best
 * score so far by more than `pruneSlack·scale` (scale = ‖x‖² + max‖e‖² for l2,
 * ‖x‖·max‖e‖ for dot). Double-precision rounding of any score or bound is below
 * about dim^1.5·2⁻⁵³·scale < 1e-13·scale for the dimensions the tree is used for, so a skipped
 * row's computed score is strictly worse than the best one: no better row and no tie with a
 * lower index is ever skipped.
 */
const pruneSlack = 1e-9;

/**
 * Nearest rows for vectors `first .. end-1` using the tree: depth first, nearer box first, every
 * box whose bound could still beat or tie the best score is opened. Visited rows are scored
 * exactly as the exhaustive search scores them, and equal scores go to the lower original
 * index, so the result equals the exhaustive one. Returns the number of rows scored.
 */
export function searchCodebookTree(
  tree: CodebookTree,
  vectors: Float32Array,
  first: number,
  end: number,
  l2: boolean,
  minDistance: number,
  out: Int32Array,
  outStride: number,
  outOffset: number,
): number {
  const { dim, boxes, left, start, end: stop, order, rows, norms, maxSquaredNorm } = tree;
  const maxNorm = Math.sqrt(maxSquaredNorm);
  const stackNodes = new Int32Array(2 * 64 + 2);
  const stackBounds = new Float64Array(2 * 64 + 2);
  let scored = 0;

  const boxBound = (base: number, node: number): number => {
    const box = node * 2 * dim;
    let sum = 0;
    if (l2) {
      // Squared distance from x to the box.
      for (let d = 0; d < dim; d++) {
        const x = vectors[base + d]!;
        const below = boxes[box + d]! - x;
        const above = x - boxes[box + dim + d]!;
        const gap = below > 0 ? below : above > 0 ? above : 0;
        sum += gap * gap;
      }
      return sum;
    }
    // −(largest x·e over the box).
    for (let d = 0; d < dim; d++) {
      const x = vectors[base + d]!;
      const low = x * boxes[box + d]!;
      const high = x * boxes[box + dim + d]!;
      sum += low > high ? low : high;
    }
    return -sum;
  };

  for (let n = first; n < end; n++) {
    const base = n * dim;
    let xNorm = 0;
    for (let d = 0; d < dim; d++) xNorm += vectors[base + d]! * vectors[base + d]!;
    const slack = pruneSlack * (l2 ? xNorm + maxSquaredNorm : Math.sqrt(xNorm) * maxNorm);
    let bestScore = Infinity;
    let bestIndex = 0;
    let top = 0;
    stackNodes[0] = 0;
    stackBounds[0] = -Infinity;
    top = 1;
    while (top > 0) {
      top--;
      const node = stackNodes[top]!;
      if (stackBounds[top]! > bestScore + slack) continue;
      const child = left[node]!;
      if (child >= 0) {
        const a = boxBound(base, child);
        const b = boxBound(base, child + 1);
        // Push the farther child first so the nearer one is opened next.
        const nearFirst = a <= b;
        stackNodes[top] = nearFirst ? child + 1 : child;
        stackBounds[top++] = nearFirst ? b : a;
        stackNodes[top] = nearFirst ? child : child + 1;
        stackBounds[top++] = nearFirst ? a : b;
        continue;
      }
      const to = stop[node]!;
      scored += to - start[node]!;
      for (let i = start[node]!; i < to; i++) {
        const row = i * dim;
        let dot = 0;
        for (let d = 0; d < dim; d++) dot += vectors[base + d]! * rows[row + d]!;
        const score = l2 ? Math.max(xNorm + norms[i]! - 2 * dot, minDistance) : -dot;
        const k = order[i]!;
        if (score < bestScore || (score === bestScore && k < bestIndex)) {
          bestScore = score;
          bestIndex = k;
        }
      }
    }
    out[n * outStride + outOffset] = bestIndex;
  }
  return scored;
}
