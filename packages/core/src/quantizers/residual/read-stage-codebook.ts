import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { QuantizerWeights } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';

/** Moshi's `EuclideanCodebook` epsilon: its rows are `embedding_sum / max(cluster_usage, 1e-5)`. */
const clusterUsageEpsilon = 1e-5;

/**
 * Reads the codebook (`[codebookSize, dim]`) of residual stage `stage`, from the first of these that is
 * present (`prefix` is `''` or, e.g., `rvq_first.vq.`):
 * 1. `<prefix>codebooks` `[numStages, codebookSize, dim]`, all stages in one tensor (its slice `stage`);
 * 2. `<prefix>layers.<stage>.codebook` `[codebookSize, dim]`;
 * 3. `<prefix>layers.<stage>._codebook.embed` (EnCodec `[K, D]`, lucidrains `[1, K, D]`);
 * 4. `<prefix>layers.<stage>._codebook.embedding_sum` with `..._codebook.cluster_usage` `[K]` (Moshi/Mimi),
 *    whose rows are `embedding_sum / max(cluster_usage, 1e-5)` in float32, as Moshi computes them.
 *
 * @throws WeightsMismatchError when none is present or the present one has the wrong shape
 */
export function readStageCodebook(weights: QuantizerWeights, prefix: string, stage: number, numStages: number, codebookSize: number, dim: number): Float32Array {
  const stacked = `${prefix}codebooks`;
  if (weights[stacked] !== undefined) {
    const all = readWeight(weights, stacked, [numStages, codebookSize, dim]);
    return all.subarray(stage * codebookSize * dim, (stage + 1) * codebookSize * dim);
  }
  const layer = `${prefix}layers.${stage}`;
  for (const name of [`${layer}.codebook`, `${layer}._codebook.embed`]) {
    if (weights[name] !== undefined) return readWeight(weights, name, [codebookSize, dim]);
  }
  const sumName = `${layer}._codebook.embedding_sum`;
  if (weights[sumName] !== undefined) {
    const sum = readWeight(weights, sumName, [codebookSize, dim]);
    const usage = readWeight(weights, `${layer}._codebook.cluster_usage`, [codebookSize]);
    const rows = new Float32Array(codebookSize * dim);
    for (let k = 0; k < codebookSize; k++) {
      const divisor = Math.max(usage[k]!, Math.fround(clusterUsageEpsilon));
      for (let d = 0; d < dim; d++) rows[k * dim + d] = sum[k * dim + d]! / divisor;
    }
    return rows;
  }
  throw new WeightsMismatchError({
    weight: `${layer}.codebook`,
    expected: `float32 [${codebookSize}, ${dim}] (or ${stacked} [${numStages}, ${codebookSize}, ${dim}], ${layer}._codebook.embed, ${layer}._codebook.embedding_sum)`,
    received: 'nothing (missing)',
  });
}
