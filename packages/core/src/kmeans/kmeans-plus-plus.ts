/**
 * k-means++ seeding (Arthur & Vassilvitskii, 2007): the first centre is a uniformly drawn
 * vector, each next one a vector drawn with probability proportional to its squared distance to
 * the nearest centre chosen so far. Returns the chosen vector indices. `random` supplies the draws,
 * so a seeded generator makes the choice reproducible. When every vector already coincides with a
 * centre (fewer distinct vectors than centres), the remaining centres are drawn uniformly.
 */
export function kmeansPlusPlus(vectors: Float32Array, count: number, dim: number, centres: number, random: () => number): Int32Array {
  const chosen = new Int32Array(centres);
  const nearest = new Float64Array(count).fill(Infinity);
  let pick = Math.min(count - 1, Math.floor(random() * count));
  for (let c = 0; c < centres; c++) {
    chosen[c] = pick;
    const centre = pick * dim;
    let total = 0;
    for (let n = 0; n < count; n++) {
      let distance = 0;
      for (let d = 0; d < dim; d++) {
        const diff = vectors[n * dim + d]! - vectors[centre + d]!;
        distance += diff * diff;
      }
      if (distance < nearest[n]!) nearest[n] = distance;
      total += nearest[n]!;
    }
    if (c + 1 === centres) break;
    if (total > 0) {
      // Walk the cumulative weights to the drawn point; the last positive weight guards rounding.
      const target = random() * total;
      let sum = 0;
      let last = -1;
      pick = -1;
      for (let n = 0; n < count; n++) {
        if (nearest[n]! <= 0) continue;
        last = n;
        sum += nearest[n]!;
        if (sum > target) {
          pick = n;
          break;
        }
      }
      if (pick < 0) pick = last;
    } else {
      pick = Math.min(count - 1, Math.floor(random() * count));
    }
  }
  return chosen;
}
