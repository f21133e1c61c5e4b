/**
 * A k-d tree over codebook rows with tight bounding boxes, used by
 * {@link searchCodebookTree} to skip boxes that provably cannot hold the nearest row. The tree
 * affects speed only, never results.
 */
export interface CodebookTree {
  readonly dim: number;
  /** Per node: `dim` lower then `dim` upper box corners of the node's rows (`nodes × 2·dim`). */
  readonly boxes: Float64Array;
  /** Per node: first child (the second is `left + 1`), or -1 for a leaf. */
  readonly left: Int32Array;
  /** Per node: its rows are `order[start[node]] .. order[end[node]-1]`. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Original row indices in tree order. */
  readonly order: Int32Array;
  /** The rows in tree order (bit-identical copies). */
  readonly rows: Float32Array;
  /** `‖e‖²` of `rows`, exactly as `squaredNorms` computes them. */
  readonly norms: Float64Array;
  /** Largest `‖e‖²` of the codebook. */
  readonly maxSquaredNorm: number;
}

/** Rows per leaf: small enough to prune well, large enough to amortise a box test. */
const leafSize = 8;

/** Builds the tree: each node splits its rows at the median of its widest channel. */
export function buildCodebookTree(codebook: Float32Array, codebookSize: number, dim: number, norms: Float64Array): CodebookTree {
  const order = Int32Array.from({ length: codebookSize }, (_, k) => k);
  // A split node has more than leafSize rows, so every leaf keeps at least leafSize / 2 of them.
  const capacity = 2 * Math.ceil(codebookSize / (leafSize / 2)) + 1;
  const boxes = new Float64Array(capacity * 2 * dim);
  const left = new Int32Array(capacity).fill(-1);
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const keys = new Float64Array(codebookSize);
  let nodes = 1;
  // Explicit stack of nodes still to split; node 0 is the root over all rows.
  const pending = [0];
  start[0] = 0;
  end[0] = codebookSize;
  while (pending.length > 0) {
    const node = pending.pop()!;
    const from = start[node]!;
    const to = end[node]!;
    const box = node * 2 * dim;
    for (let d = 0; d < dim; d++) {
      boxes[box + d] = Infinity;
      boxes[box + dim + d] = -Infinity;
    }
    for (let i = from; i < to; i++) {
      const row = order[i]! * dim;
      for (let d = 0; d < dim; d++) {
        const v = codebook[row + d]!;
        if (v < boxes[box + d]!) boxes[box + d] = v;
        if (v > boxes[box + dim + d]!) boxes[box + dim + d] = v;
      }
    }
    if (to - from <= leafSize) continue;
    let axis = 0;
    for (let d = 1; d < dim; d++) {
      if (boxes[box + dim + d]! - boxes[box + d]! > boxes[box + dim + axis]! - boxes[box + axis]!) axis = d;
    }
    if (boxes[box + dim + axis]! === boxes[box + axis]!) continue; // all rows equal: keep as a leaf
    const middle = (from + to) >> 1;
    for (let i = from; i < to; i++) keys[order[i]!] = codebook[order[i]! * dim + axis]!;
    selectNth(order, keys, from, to - 1, middle);
    left[node] = nodes;
    start[nodes] = from;
    end[nodes] = middle;
    start[nodes + 1] = middle;
    end[nodes + 1] = to;
    pending.push(nodes, nodes + 1);
    nodes += 2;
  }
  const rows = new Float32Array(codebookSize * dim);
  const sortedNorms = new Float64Array(codebookSize);
  let maxSquaredNorm = 0;
  for (let i = 0; i < codebookSize; i++) {
    const k = order[i]!;
    rows.set(codebook.subarray(k * dim, (k + 1) * dim), i * dim);
    sortedNorms[i] = norms[k]!;
    if (norms[k]! > maxSquaredNorm) maxSquaredNorm = norms[k]!;
  }
  return {
    dim,
    boxes: boxes.slice(0, nodes * 2 * dim),
    left: left.slice(0, nodes),
    start: start.slice(0, nodes),
    end: end.slice(0, nodes),
    order,
    rows,
    norms: sortedNorms,
    maxSquaredNorm,
  };
}

/** Quickselect: reorders `order[lo..hi]` so that position `nth` holds the element of its rank by `keys`. */
function selectNth(order: Int32Array, keys: Float64Array, lo: number, hi: number, nth: number): void {
  while (hi > lo) {
    const pivot = keys[order[(lo + hi) >> 1]!]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[order[i]!]! < pivot) i++;
      while (keys[order[j]!]! > pivot) j--;
      if (i <= j) {
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
