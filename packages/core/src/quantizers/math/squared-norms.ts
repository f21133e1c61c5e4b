/** `‖e_k‖²` of every codebook row, accumulated in double from channel 0 upwards. */
export function squaredNorms(codebook: Float32Array, codebookSize: number, dim: number): Float64Array {
  const norms = new Float64Array(codebookSize);
  for (let k = 0; k < codebookSize; k++) {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += codebook[k * dim + d]! * codebook[k * dim + d]!;
    norms[k] = sum;
  }
  return norms;
}
