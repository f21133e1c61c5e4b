// Short seeded runs of video's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { regressionFolder, videoFuzzTargets } from './index.js';

for (const target of videoFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: 200, regressions: regressionFolder, minimumRejected: 20 });
}
