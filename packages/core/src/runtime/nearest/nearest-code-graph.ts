import type { NearestMetric } from '../../quantizers/math/nearest-metric.js';
import { decodeBase64 } from '../../bytes/base64.js';
import { nearestDotModelBase64, nearestL2ModelBase64 } from './nearest-code-models.js';

/**
 * The ONNX graph that finds the two nearest codebook rows, for one metric. Inputs `x` float32
 * `[N, D]` and `codebook` float32 `[K, D]` (K ≥ 2); outputs `scores` float32 `[N, 2]` (`‖e‖² − 2x·e`
 * ascending for `l2`, `x·e` descending for `dot`) and `indices` int64 `[N, 2]`, equal scores ordered by
 * the lower index. Made by tools/fixtures/make_runtime_fixtures.py.
 */
export function nearestCodeGraph(metric: NearestMetric): Uint8Array {
  return decodeBase64(metric === 'l2' ? nearestL2ModelBase64 : nearestDotModelBase64);
}
