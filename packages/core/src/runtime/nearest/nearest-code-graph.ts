import type { NearestMetric } from '../../quantizers/math/nearest-code.js';
import { decodeBase64 } from './decode-base64.js';
import { nearestDotModelBase64, nearestL2ModelBase64 } from './nearest-code-models.js';

/**
 * The ONNX graph that finds nearest codebook rows, for one metric. Inputs `x` float32 `[N, D]` and
 * `codebook` float32 `[K, D]` (plus `min_distance` float64 scalar for `l2`); output `indices` int64
 * `[N]`. It computes in float64 in the order core's `nearestCodes` does and breaks exact ties to the
 * first index, so both give the same codes. Made by tools/fixtures/make_runtime_fixtures.py.
 */
export function nearestCodeGraph(metric: NearestMetric): Uint8Array {
  return decodeBase64(metric === 'l2' ? nearestL2ModelBase64 : nearestDotModelBase64);
}
