// Type-level tests of createQuantizer's spec checking. `npm run typecheck` (tsc) enforces them: each
// expect-error directive below must meet an error, or the type check fails.
import { createQuantizer } from './create-quantizer.js';
import type { QuantizerSpec } from './quantizer.js';

export function typeChecks(json: QuantizerSpec): void {
  createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5], channelAxis: 'first' });
  createQuantizer({ type: 'vq', codebookSize: 16384, dim: 8, metric: 'l2-normalized' });
  createQuantizer({ type: 'multiscale-residual-vq', strides: [4, 2, 1], codebookSize: 4096, dim: 768 });
  // A spec read from JSON is checked at run time.
  createQuantizer(json);
  // @ts-expect-error unknown type
  createQuantizer({ type: 'fssq', levels: [8] });
  // @ts-expect-error a field the type does not read
  createQuantizer({ type: 'fsq', levels: [8], chanelAxis: 'first' });
  // @ts-expect-error multiscale codes have no index layout
  createQuantizer({ type: 'multiscale-residual-vq', strides: [1], codebookSize: 2, dim: 2, indexLayout: 'flat' });
}
