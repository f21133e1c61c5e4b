/**
 * `avg_pool1d(x, stride, stride)` over the time axis of `[batch, frames, dim]` channel-last vectors:
 * each output frame is the float32 sum of `stride` input frames (in order) divided by `stride`, as
 * torch's CPU kernel computes it. `frames` must be a multiple of `stride`.
 */
export function averagePool(x: Float32Array, batch: number, frames: number, dim: number, stride: number): Float32Array {
  const length = frames / stride;
  const out = new Float32Array(batch * length * dim);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < length; t++) {
      const outBase = (b * length + t) * dim;
      for (let d = 0; d < dim; d++) {
        let sum = 0;
        for (let j = 0; j < stride; j++) sum = Math.fround(sum + x[(b * frames + t * stride + j) * dim + d]!);
        out[outBase + d] = sum / stride;
      }
    }
  }
  return out;
}

/**
 * Nearest upsampling by `stride` (`repeat_interleave` over time) fused with the residual update:
 * adds (or, with `subtract`, subtracts) frame `t / stride` of `y` (`[batch, frames/stride, dim]`) to
 * frame t of `into` (`[batch, frames, dim]`), rounding each result to float32.
 */
export function repeatAdd(y: Float32Array, into: Float32Array, batch: number, frames: number, dim: number, stride: number, subtract: boolean): void {
  const length = frames / stride;
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < frames; t++) {
      const src = (b * length + Math.floor(t / stride)) * dim;
      const dst = (b * frames + t) * dim;
      for (let d = 0; d < dim; d++) into[dst + d] = subtract ? into[dst + d]! - y[src + d]! : into[dst + d]! + y[src + d]!;
    }
  }
}
