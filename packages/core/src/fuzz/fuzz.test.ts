// Short seeded runs of core's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '../testing/fuzz/describe-fuzz-target.js';
import { coreFuzzTargets, regressionFolder } from './index.js';

const runs: Record<string, number> = { 'core/manifest': 150, 'core/layout': 200, 'core/safetensors': 150, 'core/joint-parse': 300, 'core/quantizer-spec': 300 };

for (const target of coreFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: runs[target.name] ?? 100, regressions: regressionFolder });
}
