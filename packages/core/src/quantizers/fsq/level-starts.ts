/**
 * Where each channel's levels start in a flat per-level table (`start[d] = L_0 + … + L_{d−1}`) and
 * how many levels there are in all: the layout of the residual FSQ kernels' per-level code tables.
 */
export function levelStarts(levels: readonly number[]): { readonly start: Int32Array; readonly total: number } {
  const start = new Int32Array(levels.length);
  let total = 0;
  for (let d = 0; d < levels.length; d++) {
    start[d] = total;
    total += levels[d]!;
  }
  return { start, total };
}
